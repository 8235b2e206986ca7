import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listBackups, restoreBackup, RestoreRefusedError } from '../server/src/storage/backup.ts';

/**
 * `npm run restore -- [FILE]`: puts a backup (default: the newest) in place of DATA_DIR/queue.sqlite.
 * Refused (exit 3) while a server, a backup or another restore has the database open: stop the server first.
 * The replaced database is kept beside it, WAL included. Exit 2: no such backup; 1: the restore failed.
 */
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const arg = process.argv[2];
const file = arg
  ? resolve(arg)
  : (() => {
      const b = listBackups(join(dataDir, 'backups'))[0];
      return b ? join(dataDir, 'backups', b.file) : null;
    })();
if (!file || !existsSync(file)) {
  console.error('Không tìm thấy bản sao lưu. Dùng: npm run restore -- DATA_DIR/backups/queue-YYYYMMDD-HHMMSS.sqlite');
  process.exit(2);
}
try {
  const { previous } = await restoreBackup(file, join(dataDir, 'queue.sqlite'), Date.now());
  console.log(`Đã khôi phục từ ${file}.`);
  if (previous) console.log(`Cơ sở dữ liệu cũ được giữ nguyên vẹn (kể cả phần còn trong WAL) tại ${previous}.`);
  console.log('Khởi động lại máy chủ: npm start (hoặc sudo systemctl start hcc-queue)');
} catch (e) {
  if (e instanceof RestoreRefusedError) {
    console.error(e.message);
    process.exit(3);
  }
  console.error(`Khôi phục thất bại, không có gì bị thay đổi: ${(e as Error).message}`);
  process.exit(1);
}
