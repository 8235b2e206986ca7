import { statfsSync } from 'node:fs';
import type { Db } from './db.ts';
import { STORAGE_FAULT_VI, storageFault, type StorageFault } from './storage.fault.ts';

export type StorageStatus = { ok: true } | { ok: false; reason: StorageFault; message: string };

export interface StorageHealth {
  /** Whether the database can be written right now (a real write, cached for a moment). */
  check(): StorageStatus;
  /** A request or a job met a storage fault: the next check probes again, the first fault is logged. */
  noteFault(reason: StorageFault, err?: unknown): void;
}

export interface StorageHealthOptions {
  /** The folder of the database file, for the free-space check; null for an in-memory database. */
  dataDir: string | null;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
  /** How long a probe answer is reused: health polling stays cheap (one small fsync'd write per period at most). */
  ttlMs?: number;
  /** Below this much free space the disk counts as full: SQLite fails as soon as the WAL or the file must grow. */
  minFreeBytes?: number;
  /** How long the probe waits for a lock held by someone else (the event loop waits with it). */
  busyTimeoutMs?: number;
}

// The probe's health row lives in the key/value settings table under a key no one else reads.
const UPSERT =
  "INSERT INTO settings (key, value, updated_at) VALUES ('health.probe', '{}', ?) ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at";

/**
 * Health of the storage: a real committed write (an upsert of one row, so a full, read-only or locked
 * database shows), the free space of the data folder (a WAL reusing its allocated space can still
 * write on a full disk for a while; the next growth fails), and SQLite's own page limit.
 */
export function createStorageHealth(db: Db, opts: StorageHealthOptions): StorageHealth {
  const ttl = opts.ttlMs ?? 1500;
  const minFree = opts.minFreeBytes ?? 1024 * 1024;
  const busyMs = opts.busyTimeoutMs ?? 100;
  let cached: { at: number; status: StorageStatus } | null = null;
  let faulty: StorageFault | null = null;

  function probe(): StorageStatus {
    if (!db.open) return fault('closed');
    if (opts.dataDir) {
      try {
        const fs = statfsSync(opts.dataDir);
        if (fs.bavail * fs.bsize < minFree) return fault('disk_full');
      } catch (e) {
        return fault(storageFault(e) ?? 'io_error', e);
      }
    }
    const previousTimeout = db.pragma('busy_timeout', { simple: true }) as number;
    try {
      const pages = db.pragma('page_count', { simple: true }) as number;
      const limit = db.pragma('max_page_count', { simple: true }) as number;
      if (pages >= limit && (db.pragma('freelist_count', { simple: true }) as number) === 0) return fault('disk_full');
      db.pragma(`busy_timeout = ${busyMs}`);
      db.prepare(UPSERT).run(opts.now());
      return { ok: true };
    } catch (e) {
      const reason = storageFault(e);
      if (!reason) throw e;
      return fault(reason, e);
    } finally {
      if (db.open) db.pragma(`busy_timeout = ${previousTimeout}`);
    }
  }

  function fault(reason: StorageFault, err?: unknown): StorageStatus {
    noteFault(reason, err);
    return { ok: false, reason, message: STORAGE_FAULT_VI[reason] };
  }

  function noteFault(reason: StorageFault, err?: unknown): void {
    cached = null;
    // Logged when it starts (or changes), not on every refused request: a full disk must not flood the journal.
    if (faulty !== reason) opts.log(`Lỗi lưu trữ: ${STORAGE_FAULT_VI[reason]}`, err);
    faulty = reason;
  }

  return {
    check() {
      const now = opts.now();
      // A clock stepped back makes the cached answer stale, not fresh forever.
      if (cached && now >= cached.at && now - cached.at < ttl) return cached.status;
      const status = probe();
      if (status.ok && faulty) {
        opts.log('Lưu trữ hoạt động bình thường trở lại. (Storage recovered.)');
        faulty = null;
      }
      cached = { at: now, status };
      return status;
    },
    noteFault,
  };
}
