import { mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db.ts';
import { storageFault } from './storage.fault.ts';
import { createWalSync } from './wal.sync.ts';

/** On a real file database in WAL mode (the center's own setup, storage/db.ts). */
const dirs: string[] = [];
const dbs: Db[] = [];
function fileDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-walsync-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'queue.sqlite'));
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const synchronous = (db: Db) => db.pragma('synchronous', { simple: true });
const write = (db: Db, code: string) =>
  db.transaction(() => db.prepare("INSERT INTO departments (id, code, name) VALUES (?, ?, 'Sở')").run(code, code))();

describe('createWalSync (the group commit without the fsync on the main thread)', () => {
  it('is none for a database without a WAL file', () => {
    expect(createWalSync(openDatabase(':memory:'))).toBeNull();
  });

  it('relaxes only the COMMIT inside it: synchronous NORMAL there, FULL again after, even when it throws', () => {
    const db = fileDb();
    const wal = createWalSync(db)!;
    expect(synchronous(db)).toBe(2); // FULL, as openDatabase sets it
    expect(wal.relaxed(() => synchronous(db))).toBe(1); // NORMAL
    expect(synchronous(db)).toBe(2);
    expect(() =>
      wal.relaxed(() => {
        throw new Error('use case');
      }),
    ).toThrow('use case');
    expect(synchronous(db)).toBe(2);
  });

  it('syncs the WAL the commit wrote to, off the main thread, and blocking on demand', async () => {
    const db = fileDb();
    const wal = createWalSync(db)!;
    wal.relaxed(() => write(db, 'A'));
    expect(statSync(`${db.name}-wal`).size).toBeGreaterThan(0);
    await new Promise<void>((resolve, reject) => wal.sync((e) => (e ? reject(e) : resolve())));
    wal.relaxed(() => write(db, 'B'));
    expect(() => wal.syncNow()).not.toThrow();
    expect(db.prepare('SELECT COUNT(*) FROM departments').pluck().get()).toBe(2);
  });

  it('a WAL that cannot be synced is a storage fault (503 and a retry), not a bug', async () => {
    const db = fileDb();
    const wal = createWalSync(db)!;
    wal.relaxed(() => write(db, 'A'));
    unlinkSync(`${db.name}-wal`); // what a failing disk would make of it
    const error = await new Promise<Error | null>((resolve) => wal.sync(resolve));
    expect(error).not.toBeNull();
    expect(storageFault(error)).toBe('io_error');
    expect(() => wal.syncNow()).toThrow(expect.objectContaining({ code: 'SQLITE_IOERR_FSYNC' }));
  });

  it('close lets a sync still running return, then lets the WAL descriptor go', async () => {
    const db = fileDb();
    const wal = createWalSync(db)!;
    wal.relaxed(() => write(db, 'A'));
    const walFds = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === `${db.name}-wal`;
        } catch {
          return false;
        }
      }).length;
    const before = walFds(); // SQLite's own
    const synced = new Promise<Error | null>((resolve) => wal.sync(resolve));
    expect(walFds()).toBe(before + 1);
    wal.close(); // while the sync runs
    expect(await synced).toBeNull();
    expect(walFds()).toBe(before);
  });
});
