import { join, resolve } from 'node:path';
import { openDatabase } from '../server/src/storage/db.ts';
import { backupDatabase } from '../server/src/storage/backup.ts';
import { STORAGE_FAULT_VI, storageFault } from '../server/src/storage/storage.fault.ts';

/**
 * `npm run backup`: an online backup of DATA_DIR/queue.sqlite into DATA_DIR/backups (safe while the server runs;
 * its own temporary file, so it never collides with the server's nightly backup).
 */
const dataDir = resolve(process.env.DATA_DIR ?? './data');
try {
  const db = openDatabase(join(dataDir, 'queue.sqlite'));
  try {
    const info = await backupDatabase(db, join(dataDir, 'backups'), Date.now());
    console.log(`Đã sao lưu: ${join(dataDir, 'backups', info.file)} (${(info.bytes / 1024).toFixed(0)} KB)`);
  } finally {
    db.close();
  }
} catch (e) {
  const fault = storageFault(e);
  console.error(`Sao lưu thất bại: ${fault ? STORAGE_FAULT_VI[fault] : (e as Error).message}`);
  process.exit(1);
}
