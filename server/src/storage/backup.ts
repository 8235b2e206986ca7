import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.ts';

export interface BackupInfo {
  file: string;
  at: number;
  bytes: number;
}

const NAME = /^queue-(\d{8}-\d{6})\.sqlite$/;
const stampOf = (now: number) => new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * Online backup with SQLite's backup API: consistent while the server keeps serving.
 * Written to a temporary name of its own (two backups at once, even from two processes, never share one)
 * and renamed, so a half-written file never looks like a backup; a failed one leaves nothing behind.
 */
export async function backupDatabase(db: Db, dir: string, now: number, keep = 30): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const name = `queue-${stampOf(now)}.sqlite`;
  const file = join(dir, name);
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  try {
    await db.backup(tmp);
    // A backup is one self-contained file (rollback journal, no -wal beside it): it can be copied, opened
    // read-only or restored as it is. The server switches the restored file back to WAL when it opens it.
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  for (const old of listBackups(dir).slice(keep)) rmSync(join(dir, old.file), { force: true });
  return { file: name, at: now, bytes: statSync(file).size };
}

/**
 * The server's backups, one at a time: a second request while one is being made is refused (the caller
 * answers 409 `backup.in_progress`) instead of racing the first one for the disk.
 */
export function createBackups(db: Db, dir: string, keep = 30) {
  let running: Promise<BackupInfo> | null = null;
  return {
    dir,
    get running(): boolean {
      return running !== null;
    },
    /** Starts a backup, or null when one is already under way. */
    start(now: number): Promise<BackupInfo> | null {
      if (running) return null;
      const job = backupDatabase(db, dir, now, keep).finally(() => {
        running = null;
      });
      running = job;
      return job;
    },
    list: () => listBackups(dir),
  };
}

export type Backups = ReturnType<typeof createBackups>;

/** Newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse()
    .map((f) => {
      const st = statSync(join(dir, f));
      return { file: f, at: st.mtimeMs, bytes: st.size };
    });
}

/** Restore refused because a server (or a backup, or another restore) has the database open. */
export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

export const RESTORE_IN_USE_VI =
  'Không khôi phục: cơ sở dữ liệu đang được sử dụng (máy chủ, lệnh sao lưu hoặc một lần khôi phục khác đang chạy trên DATA_DIR này). ' +
  'Hãy dừng máy chủ trước (sudo systemctl stop hcc-queue, hoặc Ctrl+C), rồi chạy lại lệnh. Không có gì bị thay đổi. ' +
  '(Refused: the database is in use; stop the server first. Nothing was changed.)';

const isBusy = (e: unknown) =>
  typeof (e as { code?: unknown })?.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test((e as { code: string }).code);

/**
 * Puts a backup in place of the live database.
 * - Refused while anything has the database open: an exclusive SQLite lock is taken on it first and held
 *   until the final rename (closing it is what checkpoints and removes the old WAL). The lock is the operating
 *   system's (fcntl), so it dies with its process: a server killed with -9 leaves no stale lock behind, and a
 *   running one cannot be missed, whatever a pid file would say.
 * - The replaced database is kept beside it as queue.sqlite.before-restore-<time> through SQLite's backup API,
 *   so what is still only in its WAL (a crash leaves acknowledged tickets there) is in the kept copy too.
 * - The backup is checked before anything is touched.
 */
export async function restoreBackup(
  backupFile: string,
  dbFile: string,
  now: number,
): Promise<{ previous: string | null }> {
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  const next = `${dbFile}.restoring`;
  let live: Db | null = null;
  try {
    const ok = source.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`Bản sao lưu bị hỏng: ${String(ok)}`);
    source.prepare('SELECT COUNT(*) FROM tickets').get();

    let previous: string | null = null;
    if (existsSync(dbFile)) {
      previous = `${dbFile}.before-restore-${now}`;
      live = lockExclusively(dbFile);
      // A database SQLite cannot read (often the reason to restore) is kept as its files are, WAL included.
      if (!live) keepRawCopy(dbFile, previous);
      else
        await live.backup(previous).catch((e: unknown) => {
          if (isBusy(e)) throw e;
          keepRawCopy(dbFile, previous!);
        });
    }
    rmSync(next, { force: true });
    await source.backup(next);
    source.close();
    // Closing the lock checkpoints and removes its WAL; what is left of an old -wal/-shm must not meet the new file.
    live?.close();
    live = null;
    for (const ext of ['-wal', '-shm']) rmSync(dbFile + ext, { force: true });
    renameSync(next, dbFile);
    return { previous };
  } catch (e) {
    rmSync(next, { force: true }); // the live database was not touched
    throw e;
  } finally {
    if (source.open) source.close();
    if (live?.open) live.close();
  }
}

/**
 * The live database opened with an exclusive lock, or null when it is not a readable database. Also what
 * `npm run simulate` uses to refuse while a server holds the database (with its own message).
 */
export function lockExclusively(dbFile: string, refusedMessage = RESTORE_IN_USE_VI): Db | null {
  const db = new Database(dbFile, { fileMustExist: true, timeout: 0 });
  try {
    // EXCLUSIVE locking mode keeps the lock after the transaction, until close; no shared-memory index is used.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return db;
  } catch (e) {
    db.close();
    if (isBusy(e)) throw new RestoreRefusedError(refusedMessage);
    return null;
  }
}

function keepRawCopy(dbFile: string, previous: string): void {
  copyFileSync(dbFile, previous);
  if (existsSync(`${dbFile}-wal`)) copyFileSync(`${dbFile}-wal`, `${previous}-wal`);
}
