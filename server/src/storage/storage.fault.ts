/**
 * A storage fault is a fault of the machine (disk full, read-only or failing disk, a lock held by another
 * process), never of the request: callers answer 503 and keep running, and the work can be retried once the
 * disk is fixed. Everything else is a bug and stays a 500.
 */
export type StorageFault = 'disk_full' | 'read_only' | 'busy' | 'io_error' | 'corrupt' | 'cannot_open' | 'closed';

/** What an admin reads on the health answer and in the journal (Vietnamese first). */
export const STORAGE_FAULT_VI: Record<StorageFault, string> = {
  disk_full: 'Ổ đĩa đầy: máy chủ không ghi được dữ liệu. Hãy giải phóng dung lượng trên ổ chứa DATA_DIR. (Disk full.)',
  read_only: 'Thư mục dữ liệu đang ở chế độ chỉ đọc: máy chủ không ghi được dữ liệu. (Data directory is read-only.)',
  busy: 'Cơ sở dữ liệu đang bị một tiến trình khác khoá. (Database locked by another process.)',
  io_error: 'Lỗi đọc/ghi ổ đĩa chứa dữ liệu. (Disk I/O error.)',
  corrupt: 'Tệp cơ sở dữ liệu bị hỏng: hãy khôi phục từ bản sao lưu. (Database file is corrupt.)',
  cannot_open: 'Không mở được tệp cơ sở dữ liệu. (Cannot open the database file.)',
  closed: 'Máy chủ đang dừng, cơ sở dữ liệu đã đóng. (Server is stopping.)',
};

// SQLite's extended codes keep the primary code as prefix (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…).
const SQLITE_PREFIXES: [string, StorageFault][] = [
  ['SQLITE_FULL', 'disk_full'],
  ['SQLITE_READONLY', 'read_only'],
  ['SQLITE_PERM', 'read_only'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_PROTOCOL', 'busy'],
  ['SQLITE_IOERR', 'io_error'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_CANTOPEN', 'cannot_open'],
];
// The same faults met by node:fs (the backup folder, the kept copy of a restore).
const ERRNO: Record<string, StorageFault> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  EROFS: 'read_only',
  EIO: 'io_error',
};

/** The storage fault behind an error, or null when the error is something else. */
export function storageFault(err: unknown): StorageFault | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_'))
      return SQLITE_PREFIXES.find(([p]) => code === p || code.startsWith(`${p}_`))?.[1] ?? null;
    if ('syscall' in err && ERRNO[code]) return ERRNO[code]!;
  }
  // better-sqlite3 throws a TypeError on a closed connection: a request that arrives while the server stops.
  if (err instanceof TypeError && err.message === 'The database connection is not open') return 'closed';
  return null;
}
