import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * A real full disk: DATA_DIR on a small tmpfs, filled to the last byte, so SQLite meets ENOSPC from the kernel.
 * Mounting needs root with CAP_SYS_ADMIN (a CI container may not have it): then this file is skipped and the
 * same behaviour is proved by storage-faults.http.test.ts through SQLite's own size limit.
 */
const mnt = mkdtempSync(join(tmpdir(), 'hcc-tmpfs-'));
const mounted =
  process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mnt]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', ['-l', mnt]);
  rmSync(mnt, { recursive: true, force: true });
});

/** Writes a file until the kernel says ENOSPC; returns its path. */
function fillDisk(dir: string): string {
  const file = join(dir, 'filler.bin');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) {
      try {
        writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        break;
      }
    }
    // The last pages: smaller writes until not even 512 bytes fit.
    for (const size of [4096, 512])
      for (;;) {
        try {
          writeSync(fd, chunk.subarray(0, size));
        } catch {
          break;
        }
      }
  } finally {
    closeSync(fd);
  }
  return file;
}

describe.skipIf(!mounted)('a real full disk (tmpfs)', () => {
  let t: TestServer;
  afterAll(async () => {
    await t?.close(false);
  });

  it('503 and degraded health while full, no exit, everything back and nothing lost once space is freed', async () => {
    const dataDir = join(mnt, 'data');
    t = await startTestServer({ dataDir, listen: true });
    const kiosk = (await t.createDevice('kiosk')).token;
    const area = (await t.areas())[0];
    const acknowledged: string[] = [];
    const issue = async () => {
      const r = await fetch(`${t.url}/api/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json' },
        body: JSON.stringify({ areaId: area.id }),
      });
      const body = (await r.json()) as any;
      if (r.status === 201) acknowledged.push(body.id);
      return { status: r.status, body };
    };
    const health = async () => {
      const r = await fetch(`${t.url}/api/health`);
      return { status: r.status, body: (await r.json()) as any };
    };
    for (let i = 0; i < 5; i++) expect((await issue()).status).toBe(201);

    // Empty WAL first: the next commit must grow a file, which is what a full disk refuses.
    t.server.db.pragma('wal_checkpoint(TRUNCATE)');
    const filler = fillDisk(mnt);
    (t.clock as ManualClock).advance(2000);
    expect(await health()).toMatchObject({ status: 503, body: { ok: false, reason: 'disk_full' } });
    for (let i = 0; i < 5; i++) {
      const r = await issue();
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body.error.code).toBe('server.storage_unavailable');
    }
    expect((await fetch(`${t.url}/api/tickets/${acknowledged[0]}`)).status).toBe(200); // reads still work

    rmSync(filler);
    (t.clock as ManualClock).advance(2000);
    expect(await health()).toEqual({ status: 200, body: { ok: true } });
    expect((await issue()).status).toBe(201);
    expect(acknowledged).toHaveLength(6);

    // Nothing lost or damaged: the database reopened from disk holds every acknowledged ticket.
    await t.close(false);
    const db = new Database(join(dataDir, 'queue.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = db.prepare('SELECT id FROM tickets').pluck().all();
    db.close();
    expect(ids.sort()).toEqual([...acknowledged].sort());
    t = await startTestServer({ dataDir });
    expect((await t.call('GET', '/api/health')).body).toEqual({ ok: true });
  });
});
