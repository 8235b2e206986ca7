import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listBackups, restoreBackup } from '../server/src/storage/backup.ts';

/**
 * `npm run restore -- [FILE]`: puts a backup (default: the newest) in place of DATA_DIR/queue.sqlite.
 * Stop the server first. The current database is kept beside it.
 */
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const arg = process.argv[2];
const file = arg ? resolve(arg) : (() => { const b = listBackups(join(dataDir, 'backups'))[0]; return b ? join(dataDir, 'backups', b.file) : null; })();
if (!file || !existsSync(file)) {
  console.error('Không tìm thấy bản sao lưu. Dùng: npm run restore -- DATA_DIR/backups/queue-YYYYMMDD-HHMMSS.sqlite');
  process.exit(2);
}
try {
  const { previous } = restoreBackup(file, join(dataDir, 'queue.sqlite'), Date.now());
  console.log(`Đã khôi phục từ ${file}.`);
  if (previous) console.log(`Cơ sở dữ liệu cũ được giữ lại tại ${previous}.`);
  console.log('Khởi động lại máy chủ: npm start');
} catch (e) {
  console.error(`Khôi phục thất bại, không có gì bị thay đổi: ${(e as Error).message}`);
  process.exit(1);
}
