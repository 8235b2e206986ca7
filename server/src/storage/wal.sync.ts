import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DurableCommit } from '../core/ports.ts';
import type { Db } from './db.ts';

/**
 * The group commit's durability (core/unit-of-work.group.ts) with the fsync off the main thread. better-sqlite3 is
 * synchronous: with synchronous=FULL every COMMIT blocks the event loop for the fsync of the WAL, and no request is
 * read meanwhile. Here the batch's COMMIT runs with synchronous=NORMAL (WAL frames written, not synced; SQLite keeps
 * the database consistent across a power cut, it may only lose the last commits), then the WAL file is fdatasync'ed on
 * libuv's threadpool, and only then is anyone answered. A commit acknowledged is on disk as with FULL:
 * - fdatasync flushes every frame written so far, the file size included (SQLite's own sync on Linux is the same call);
 * - a WAL restart (after a complete checkpoint) only happens once the checkpoint synced the database file, so no
 *   acknowledged commit lives only in frames a later torn write could invalidate;
 * - the directory entry of a WAL file seen for the first time is synced too (SQLite does so when it creates one).
 * Every other write of the connection keeps synchronous=FULL. Null for a database without a WAL file (in memory).
 */
export function createWalSync(db: Db): (DurableCommit & { close(): void }) | null {
  if (db.memory || db.readonly) return null;
  if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null;
  const walPath = `${db.name}-wal`;
  let fd: number | null = null;
  // Syncs still running on the threadpool: the descriptor is closed only once none is (never reused under one).
  let running = 0;
  let closing = false;
  const release = () => {
    if (closing && running === 0 && fd !== null) {
      closeSync(fd);
      fd = null;
    }
  };

  /**
   * The WAL's descriptor, opened once: SQLite keeps the file (same inode) while a connection is open, and nothing
   * replaces it under a running server (a restore refuses to run then). Opening it syncs its directory entry once.
   * Not checked against the path at each sync: that stat was ≈ 1 % of the issue path's CPU (issue 15).
   */
  function walFd(): number {
    if (fd !== null) return fd;
    const opened = openSync(walPath, 'r');
    try {
      const dir = openSync(dirname(walPath), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    } catch (e) {
      closeSync(opened);
      throw e;
    }
    return (fd = opened);
  }

  return {
    relaxed<T>(fn: () => T): T {
      // exec, not a prepared statement: SQLite applies this pragma when it is prepared, so a reused one does nothing.
      db.exec('PRAGMA synchronous = NORMAL');
      try {
        return fn();
      } finally {
        db.exec('PRAGMA synchronous = FULL');
      }
    },
    sync(done) {
      let f: number;
      try {
        f = walFd();
      } catch (e) {
        return done(syncError(e));
      }
      running++;
      fdatasync(f, (err) => {
        running--;
        release();
        done(err ? syncError(err) : null);
      });
    },
    syncNow() {
      try {
        fdatasyncSync(walFd());
      } catch (e) {
        throw syncError(e);
      }
    },
    /** With the database: the descriptor goes once the syncs still running returned. */
    close() {
      closing = true;
      release();
    },
  };
}

/** A failed sync is a disk fault (storage.fault.ts: 503, retried with the same idempotency key), never a 500. */
function syncError(cause: unknown): Error {
  return Object.assign(new Error('Không đồng bộ được nhật ký WAL xuống đĩa (WAL sync failed)', { cause }), {
    code: 'SQLITE_IOERR_FSYNC',
  });
}
