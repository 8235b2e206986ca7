import { join, resolve } from 'node:path';
import { openDatabase } from '../server/src/storage/db.ts';
import { backupDatabase } from '../server/src/storage/backup.ts';

/** `npm run backup`: an online backup of DATA_DIR/queue.sqlite into DATA_DIR/backups (safe while the server runs). */
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const db = openDatabase(join(dataDir, 'queue.sqlite'));
const info = await backupDatabase(db, join(dataDir, 'backups'), Date.now());
db.close();
console.log(`Đã sao lưu: ${join(dataDir, 'backups', info.file)} (${(info.bytes / 1024).toFixed(0)} KB)`);
