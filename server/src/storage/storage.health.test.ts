import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../contract/errors.ts';
import { openDatabase, type Db } from './db.ts';
import { storageFault } from './storage.fault.ts';
import { createStorageHealth } from './storage.health.ts';

let dir: string;
let db: Db;
let now: number;
let logs: string[];
const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const health = (extra: { minFreeBytes?: number } = {}) =>
  createStorageHealth(db, { dataDir: dir, now: () => now, log: (m) => logs.push(m), ttlMs: 1000, ...extra });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hcc-health-'));
  db = openDatabase(join(dir, 'queue.sqlite'));
  now = Date.parse('2026-11-26T08:00:00Z');
  logs = [];
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('storage health', () => {
  it('is ok after a real write, reused for a moment, probed again after it', () => {
    const h = health();
    const before = changes();
    expect(h.check()).toEqual({ ok: true });
    expect(changes()).toBe(before + 1);
    expect(h.check()).toEqual({ ok: true });
    expect(changes()).toBe(before + 1);
    now += 1000;
    h.check();
    expect(changes()).toBe(before + 2);
  });

  it('reports a read-only database, logs once, and is ok again by itself once fixed', () => {
    const h = health();
    db.pragma('query_only = ON');
    expect(h.check()).toMatchObject({ ok: false, reason: 'read_only' });
    now += 1000;
    expect(h.check()).toMatchObject({ ok: false, reason: 'read_only' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('chỉ đọc');
    db.pragma('query_only = OFF');
    now += 1000;
    expect(h.check()).toEqual({ ok: true });
    expect(logs[1]).toContain('trở lại');
  });

  it("reports a lock held by another process without waiting the requests' busy timeout, and keeps that timeout", () => {
    const other = new Database(join(dir, 'queue.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(health().check()).toMatchObject({ ok: false, reason: 'busy' });
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it("reports a full disk: SQLite's page limit reached, or too little free space in the data folder", () => {
    db.exec('VACUUM'); // no free page left inside the file either
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    expect(health().check()).toMatchObject({ ok: false, reason: 'disk_full' });
    db.pragma('max_page_count = 1073741823');
    expect(health().check()).toEqual({ ok: true });
    expect(health({ minFreeBytes: Number.MAX_SAFE_INTEGER }).check()).toMatchObject({
      ok: false,
      reason: 'disk_full',
      message: expect.stringContaining('Ổ đĩa đầy'),
    });
  });

  it('probes again at once after a request met a fault', () => {
    const h = health();
    h.check();
    db.pragma('query_only = ON');
    expect(h.check()).toEqual({ ok: true }); // cached
    h.noteFault('read_only');
    expect(h.check()).toMatchObject({ ok: false, reason: 'read_only' });
  });

  it('reports a closed database', () => {
    const h = health();
    db.close();
    expect(h.check()).toMatchObject({ ok: false, reason: 'closed' });
  });
});

describe('storageFault', () => {
  it('names the machine faults and nothing else', () => {
    const sqlite = (code: string) => new Database.SqliteError('x', code);
    expect(storageFault(sqlite('SQLITE_FULL'))).toBe('disk_full');
    expect(storageFault(sqlite('SQLITE_READONLY_DBMOVED'))).toBe('read_only');
    expect(storageFault(sqlite('SQLITE_IOERR_WRITE'))).toBe('io_error');
    expect(storageFault(sqlite('SQLITE_BUSY_SNAPSHOT'))).toBe('busy');
    expect(storageFault(sqlite('SQLITE_LOCKED'))).toBe('busy');
    expect(storageFault(sqlite('SQLITE_CORRUPT'))).toBe('corrupt');
    expect(storageFault(sqlite('SQLITE_CANTOPEN'))).toBe('cannot_open');
    expect(storageFault(Object.assign(new Error('no space'), { code: 'ENOSPC', syscall: 'write' }))).toBe('disk_full');
    expect(storageFault(new TypeError('The database connection is not open'))).toBe('closed');
    expect(storageFault(sqlite('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storageFault(sqlite('SQLITE_ERROR'))).toBeNull();
    expect(storageFault(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBeNull(); // not from the file system
    expect(storageFault(new AppError('ticket.not_found'))).toBeNull();
    expect(storageFault(new Error('boom'))).toBeNull();
    expect(storageFault(null)).toBeNull();
  });
});
