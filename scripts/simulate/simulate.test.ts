import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedCenter } from '../../server/src/core/catalog/seed.ts';
import { ManualClock } from '../../server/src/core/clock.ts';
import { openDatabase } from '../../server/src/storage/db.ts';
import { aggregateSql } from '../../server/src/storage/reports.repository.ts';
import { createStore } from '../../server/src/storage/store.ts';
import { ADMIN_PASSWORD, startTestServer } from '../../server/src/testing/server.testing.ts';
import { SimulateRefusedError } from './simulate.database.ts';
import { simulate, type SimulateOptions } from './simulate.run.ts';

// Thursday 26/11/2026, noon in Hà Nội: the five business days before it, with Sunday 22 and a holiday on the
// 24th left out, are 19, 20, 21 (Saturday: mornings only), 23 and 25.
const NOW = Date.parse('2026-11-26T12:00:00+07:00');
const DAYS = ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-23', '2026-11-25'];
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'hcc-sim-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A center as an admin left it: the demo catalogue with a holiday on the 24th, no user yet. */
function centerWithHoliday(dataDir: string): void {
  const db = openDatabase(join(dataDir, 'queue.sqlite'));
  const store = createStore(db);
  const demo = JSON.parse(readFileSync(new URL('../../server/src/seed/demo-center.json', import.meta.url), 'utf8'));
  seedCenter(store, new ManualClock(NOW), { ...demo, center: { ...demo.center, holidays: ['2026-11-24'] } });
  db.close();
}

const options = (dataDir: string, extra: Partial<SimulateOptions> = {}): SimulateOptions => ({
  dataDir,
  days: 5,
  perDay: 150,
  seed: 7,
  now: NOW,
  config: { seed: 'demo', adminPassword: ADMIN_PASSWORD },
  ...extra,
});

function read<T>(dataDir: string, sql: string): T[] {
  const db = new Database(join(dataDir, 'queue.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** The simulated history without its random ids: what two runs with one seed must share. */
function digest(dataDir: string): string {
  const rows = read<Record<string, unknown>>(
    dataDir,
    `SELECT t.business_day, a.code, t.number, t.status, t.priority, t.priority_group, t.issued_at, t.first_called_at,
       t.called_at, t.finished_at, c.number AS counter, u.username, t.recalls, t.transfers, r.level
     FROM tickets t JOIN areas a ON a.id = t.area_id LEFT JOIN counters c ON c.id = t.counter_id
     LEFT JOIN users u ON u.id = t.clerk_id LEFT JOIN ratings r ON r.ticket_id = t.id
     ORDER BY t.business_day, a.code, t.seq`,
  );
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/**
 * Every row the simulation leaves in the tables a report, the control room or the province feed reads, with each
 * random id replaced by what it names (an area's code, a counter's number, a ticket's issue sequence…).
 */
function fullDigest(dataDir: string): string {
  const db = new Database(join(dataDir, 'queue.sqlite'), { readonly: true });
  try {
    const names = new Map<string, string>();
    for (const r of db
      .prepare(
        `SELECT id, 'area:' || code AS n FROM areas UNION ALL SELECT id, 'counter:' || number FROM counters
         UNION ALL SELECT id, 'user:' || username FROM users UNION ALL SELECT id, 'ticket:' || issue_seq FROM tickets
         UNION ALL SELECT r.id, 'rating:' || t.issue_seq FROM ratings r JOIN tickets t ON t.id = r.ticket_id
         UNION ALL SELECT id, 'department:' || code FROM departments UNION ALL SELECT id, 'procedure:' || code FROM procedures`,
      )
      .all() as { id: string; n: string }[])
      names.set(r.id, r.n);
    const hash = createHash('sha256');
    const tables = ['area_days', 'tickets', 'ticket_events', 'ratings', 'counters', 'report_aggregates'];
    for (const t of [...tables, 'report_hist_recent', 'report_ratings', 'report_days', 'outbox', 'print_jobs']) {
      const rows = db
        .prepare(`SELECT * FROM ${t}`)
        .all()
        .map((r) => JSON.stringify(r).replace(/[A-Za-z0-9_-]{8,}/g, (m) => names.get(m) ?? m))
        .sort();
      hash.update(`${t}:${rows.length}:${rows.join('\n')}`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

describe('npm run simulate', () => {
  const dataDir = tempDir();

  it('fills exactly the business days before today, numbered consecutively, every day closed', async () => {
    centerWithHoliday(dataDir);
    const s = await simulate(options(dataDir));
    expect(s.days).toEqual(DAYS);
    expect(s.adminPassword).toBe(ADMIN_PASSWORD); // the first start the server would have made
    const perDay = read<{ business_day: string; n: number }>(
      dataDir,
      'SELECT business_day, COUNT(*) AS n FROM tickets GROUP BY business_day ORDER BY business_day',
    );
    expect(perDay.map((r) => r.business_day)).toEqual(DAYS);
    // The Saturday holds only its morning hours (07:30–11:00), so fewer citizens.
    expect(perDay[2]!.n).toBeLessThan(perDay[1]!.n);
    expect(s.issued).toBe(perDay.reduce((n, r) => n + r.n, 0));

    const numbers = read<{ area: string; day: string; seq: number; start: number }>(
      dataDir,
      `SELECT t.issued_area_id AS area, t.business_day AS day, t.seq, a.number_start AS start
       FROM tickets t JOIN areas a ON a.id = t.issued_area_id ORDER BY area, day, t.seq`,
    );
    const byAreaDay = new Map<string, typeof numbers>();
    for (const r of numbers) byAreaDay.set(`${r.area}|${r.day}`, [...(byAreaDay.get(`${r.area}|${r.day}`) ?? []), r]);
    for (const list of byAreaDay.values()) expect(list.map((r) => r.seq)).toEqual(list.map((r, i) => r.start + i));

    const statuses = Object.fromEntries(
      read<{ status: string; n: number }>(dataDir, 'SELECT status, COUNT(*) AS n FROM tickets GROUP BY status').map(
        (r) => [r.status, r.n],
      ),
    );
    // Everyone who took a number was called: nothing waiting, nobody at a counter, nothing expired.
    expect(Object.keys(statuses).sort()).toEqual(['done', 'no_show']);
    expect(statuses.done).toBe(s.done);
    expect(statuses.no_show).toBe(s.noShow);
    const [moves] = read<{ transfers: number; recalls: number; priority: number; ratings: number }>(
      dataDir,
      `SELECT SUM(transfers) AS transfers, SUM(recalls) AS recalls, SUM(priority) AS priority,
         (SELECT COUNT(*) FROM ratings) AS ratings FROM tickets`,
    );
    expect(moves).toEqual({
      transfers: s.transferred,
      recalls: s.recalled,
      priority: expect.any(Number),
      ratings: s.rated,
    });
    expect(s.transferred).toBeGreaterThan(0);
    expect(s.noShow).toBeGreaterThan(0);
    expect(s.rated / s.done).toBeGreaterThan(0.45);
    expect(s.rated / s.done).toBeLessThan(0.75);
    expect(moves!.priority / s.issued).toBeGreaterThan(0.03);
    // Clerks went home: every counter closed and free again.
    const counters = read<{ status: string; clerk_id: string | null }>(
      dataDir,
      'SELECT status, clerk_id FROM counters',
    );
    expect(counters.every((c) => c.status === 'closed' && c.clerk_id === null)).toBe(true);
    const clerks = read<{ username: string }>(dataDir, "SELECT username FROM users WHERE role = 'clerk' ORDER BY 1");
    expect(clerks.map((u) => u.username)).toEqual(
      Array.from({ length: 12 }, (_, i) => `mo-phong-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it("leaves every day's report aggregates fresh and equal to the reports read from the tickets", () => {
    // Before any server start (which would rebuild a stale day): the run itself left the aggregates whole.
    const fresh = read<{ day: string; fresh: number }>(
      dataDir,
      'SELECT day, writes = applied AS fresh FROM report_days ORDER BY day',
    );
    expect(fresh).toEqual(DAYS.map((day) => ({ day, fresh: 1 })));
    const db = openDatabase(join(dataDir, 'queue.sqlite'));
    try {
      const store = createStore(db);
      for (const groupBy of [
        'area',
        'department',
        'counter',
        'clerk',
        'procedure',
        'channel',
        'hour',
        'day',
      ] as const) {
        const q = { from: DAYS[0]!, to: DAYS.at(-1)!, groupBy, offsetMs: 7 * 3_600_000 };
        expect(store.reports.aggregate(q), groupBy).toEqual(aggregateSql(db, q));
      }
    } finally {
      db.close();
    }
  });

  it('shows in the reports what the tickets table holds', async () => {
    const t = await startTestServer({ dataDir, clock: new ManualClock(NOW) });
    try {
      const r = await t.call(
        'GET',
        `/api/reports/summary?from=${DAYS[0]}&to=${DAYS.at(-1)}&groupBy=area`,
        undefined,
        t.adminToken,
      );
      expect(r.status).toBe(200);
      const [facts] = read<{ issued: number; served: number; noShow: number; ratedCount: number }>(
        dataDir,
        `SELECT COUNT(*) AS issued, SUM(status = 'done') AS served, SUM(status = 'no_show') AS noShow,
           (SELECT COUNT(*) FROM ratings) AS ratedCount FROM tickets`,
      );
      expect(r.body.totals).toMatchObject({ ...facts, expired: 0 });
      expect(r.body.totals.transferred).toBeGreaterThan(0);
      const byArea = read<{ code: string; n: number }>(
        dataDir,
        'SELECT a.code, COUNT(*) AS n FROM tickets t JOIN areas a ON a.id = t.issued_area_id GROUP BY a.code',
      );
      for (const { code, n } of byArea)
        expect(r.body.rows.find((x: { key: string }) => x.key === code)?.issued).toBe(n);
    } finally {
      await t.close(false);
    }
  });

  it('gives the same history for the same seed, and does not double it when run again', async () => {
    const twin = tempDir();
    centerWithHoliday(twin);
    await simulate(options(twin));
    expect(digest(twin)).toBe(digest(dataDir));

    const before = digest(dataDir);
    const again = await simulate(options(dataDir));
    expect(again.skipped).toEqual(DAYS);
    expect(again.issued).toBe(0);
    expect(digest(dataDir)).toBe(before);

    const other = tempDir();
    centerWithHoliday(other);
    await simulate(options(other, { seed: 8 }));
    expect(digest(other)).not.toBe(before);
  });

  it('writes exactly what one savepoint per use case and no caches write, refused numbers included (issue 15)', async () => {
    // A day past the areas' daily limits, so the kiosk turns citizens away too.
    const busy = { days: 1, perDay: 2600 };
    const [fast, plain] = [tempDir(), tempDir()];
    centerWithHoliday(fast);
    centerWithHoliday(plain);
    const a = await simulate(options(fast, busy));
    const b = await simulate(options(plain, { ...busy, plain: true }));
    expect(a.refused).toBeGreaterThan(0);
    expect({ ...a, seconds: 0 }).toEqual({ ...b, seconds: 0 });
    expect(fullDigest(fast)).toBe(fullDigest(plain));
  });

  it('refuses while a server holds the database, changing nothing', async () => {
    const dir = tempDir();
    const t = await startTestServer({ dataDir: dir, clock: new ManualClock(NOW) });
    try {
      await expect(simulate(options(dir))).rejects.toThrow(SimulateRefusedError);
      await expect(simulate(options(dir))).rejects.toThrow(/đang được sử dụng/);
      expect(read(dir, 'SELECT id FROM tickets')).toEqual([]);
      expect(read(dir, "SELECT id FROM users WHERE username LIKE 'mo-phong-%'")).toEqual([]);
    } finally {
      await t.close(false);
    }
  });
});
