import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.ts';

export interface BackupInfo { file: string; at: number; bytes: number }

const NAME = /^queue-(\d{8}-\d{6})\.sqlite$/;

/**
 * Online backup with SQLite's backup API: consistent while the server keeps serving.
 * Written to a temporary name and renamed, so a half-written file never looks like a backup.
 */
export async function backupDatabase(db: Db, dir: string, now: number, keep = 30): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = join(dir, `queue-${stamp}.sqlite`);
  const tmp = `${file}.partial`;
  await db.backup(tmp);
  renameSync(tmp, file);
  for (const old of listBackups(dir).slice(keep)) rmSync(join(dir, old.file), { force: true });
  return { file: `queue-${stamp}.sqlite`, at: now, bytes: statSync(file).size };
}

/** Newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => NAME.test(f)).sort().reverse().map((f) => {
    const st = statSync(join(dir, f));
    return { file: f, at: st.mtimeMs, bytes: st.size };
  });
}

/**
 * Puts a backup in place of the live database. The server must be stopped: the current database is kept
 * beside it as queue.sqlite.before-restore-<time>, and the backup is checked before anything is touched.
 */
export function restoreBackup(backupFile: string, dbFile: string, now: number): { previous: string | null } {
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`Bản sao lưu bị hỏng: ${String(ok)}`);
    check.prepare('SELECT COUNT(*) FROM tickets').get();
  } finally { check.close(); }
  let previous: string | null = null;
  if (existsSync(dbFile)) {
    previous = `${dbFile}.before-restore-${now}`;
    copyFileSync(dbFile, previous);
  }
  for (const ext of ['-wal', '-shm']) rmSync(dbFile + ext, { force: true });
  copyFileSync(backupFile, `${dbFile}.restoring`);
  renameSync(`${dbFile}.restoring`, dbFile);
  return { previous };
}
