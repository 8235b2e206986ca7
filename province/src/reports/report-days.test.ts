import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centersRepo } from '../centers/centers.repo.ts';
import type { HubDb, Queryable, Row } from '../storage/hub.db.ts';
import { migrate } from '../storage/migrations.ts';
import { createPgDb } from '../storage/pg.db.ts';
import { createPgliteDb } from '../storage/pglite.db.ts';
import { centerHistory, type Item } from '../testing/hub.history.testing.ts';
import { freshDatabase, startTestHub, type Backend } from '../testing/hub.testing.ts';
import { startPgCluster, type PgCluster } from '../testing/pg.cluster.testing.ts';
import { hubSummary } from './hub.report.ts';
import { hubTotals } from './report-days.read.ts';
import { rebuildReportDays, staleCenterIds } from './report-days.rebuild.ts';
import { monthStates, plain, push, pushAll, revise, servedOn } from './report-days.testing.ts';
import { readPlan } from './report-months.plan.ts';
import { rollUpMonths } from './report-months.rollup.ts';
import { aggregateHub, referenceTotals, type HubGroupBy } from './report.sql.ts';

/**
 * The province reports read from the daily aggregates equal the report SQL over every ticket (the reference,
 * report.sql.ts), for a generated multi-center history pushed batch by batch with everything the feed protocol
 * allows: re-sent and overlapping batches, items renumbered and sent again, revisions late or twice, corrections
 * of procedure and day, facts before their ticket, a catalogue whose target changes mid-way. Then the rows kept
 * write by write equal the rows a rebuild makes.
 */
let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.destroy();
});

const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
const GROUPS: HubGroupBy[] = ['center', 'area', 'procedure', 'clerk'];
const RANGES: [string, string][] = [
  [DAYS[0]!, DAYS[4]!],
  [DAYS[1]!, DAYS[3]!],
  [DAYS[2]!, DAYS[2]!],
  ['2025-01-01', '2025-12-31'],
];

async function open(backend: Backend): Promise<HubDb> {
  const db = backend === 'pg' ? createPgDb(await freshDatabase(cluster), () => {}) : await createPgliteDb(null);
  await migrate(db);
  return db;
}

async function expectEqualReports(db: HubDb, ranges = RANGES) {
  for (const [from, to] of ranges)
    for (const groupBy of GROUPS) {
      const input = { from, to, groupBy };
      expect(plain(await hubTotals(db, input)), `totals ${groupBy} ${from}…${to}`).toEqual(
        plain(await aggregateHub(db, input)),
      );
      expect(await hubSummary(db, input), `${groupBy} ${from}…${to}`).toEqual(
        await hubSummary(db, input, referenceTotals),
      );
    }
}

/** Only the totals (with their histograms) of each range, aggregates against the report SQL. */
async function expectEqualTotals(db: HubDb, ranges: [string, string][], groups = GROUPS) {
  for (const [from, to] of ranges)
    for (const groupBy of groups)
      expect(plain(await hubTotals(db, { from, to, groupBy })), `totals ${groupBy} ${from}…${to}`).toEqual(
        plain(await aggregateHub(db, { from, to, groupBy })),
      );
}

/** Three months, the first and the last cut (history events also land on the next day, so on the next month). */
const MONTH_DAYS = ['2026-09-28', '2026-09-30', '2026-10-01', '2026-10-15', '2026-10-30', '2026-11-02', '2026-11-03'];
const MONTH_RANGES: [string, string][] = [
  ['2026-09-01', '2026-11-30'],
  ['2026-10-01', '2026-10-31'],
  ['2026-09-29', '2026-10-31'],
  ['2026-10-01', '2026-11-02'],
  ['2026-09-30', '2026-10-30'],
  ['2026-10-02', '2026-10-31'],
];

async function daysTable(db: HubDb) {
  return [
    await db.query('SELECT * FROM hub_report_days ORDER BY center_id, kind, business_day, key'),
    await db.query('SELECT * FROM hub_clerk_multi_day ORDER BY center_id, actor_id, ticket_id'),
  ].map((rows) =>
    rows.map((x) => ({ ...x, waits: x.waits ? Buffer.from(x.waits as Uint8Array).toString('hex') : null })),
  );
}

describe.each<Backend>(['pglite', 'pg'])('province report aggregates on %s', (backend) => {
  it('equal the report SQL over a pushed multi-center history, at every step and in the end', async () => {
    const db = await open(backend);
    try {
      const histories = new Map<string, Item[]>();
      for (let c = 1; c <= 4; c++) {
        const id = `center-${c}`;
        await centersRepo.insert(db, { id, code: `XA${c}`, name: `Xã ${c}`, tokenHash: `h${c}` }, 0);
        histories.set(id, centerHistory(c, DAYS, backend === 'pg' ? 40 : 30, 1000 + c));
      }
      expect(await staleCenterIds(db)).toEqual([]);
      await pushAll(db, histories, 7, () => expectEqualReports(db, [RANGES[0]!]));
      const tickets = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_tickets');
      expect(tickets[0]!.n).toBeGreaterThan(400);
      // The history does reach the cases it is made for.
      const multi = await db.query('SELECT 1 FROM hub_clerk_multi_day');
      expect(multi.length).toBeGreaterThan(0);
      await expectEqualReports(db);

      // Kept write by write = rebuilt from the facts, row for row.
      const kept = await daysTable(db);
      expect(await rebuildReportDays(db, { all: true })).toBe(4);
      expect(await daysTable(db)).toEqual(kept);
    } finally {
      await db.close();
    }
  }, 240_000);

  it('a center not rebuilt yet is read through the report SQL, and the start-up rebuild makes it current', async () => {
    const db = await open(backend);
    try {
      for (let c = 1; c <= 2; c++)
        await centersRepo.insert(db, { id: `center-${c}`, code: `XA${c}`, name: `Xã ${c}`, tokenHash: `h${c}` }, 0);
      await pushAll(
        db,
        new Map([
          ['center-1', centerHistory(1, DAYS, 20, 1)],
          ['center-2', centerHistory(2, DAYS, 20, 2)],
        ]),
        3,
      );
      // As after migration 0002 on a hub that held facts: rows missing, version 0.
      await db.query("DELETE FROM hub_report_days WHERE center_id = 'center-2'");
      await db.query("UPDATE centers SET report_days_version = 0 WHERE id = 'center-2'");
      expect(await staleCenterIds(db)).toEqual(['center-2']);
      await expectEqualReports(db, [RANGES[0]!]);
      expect(await rebuildReportDays(db)).toBe(1);
      expect(await staleCenterIds(db)).toEqual([]);
      await expectEqualReports(db, [RANGES[0]!]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('monthly roll-ups: used, voided by a later revision, cut at range edges, left alone for a stale center', async () => {
    const db = await open(backend);
    try {
      for (let c = 1; c <= 2; c++)
        await centersRepo.insert(db, { id: `center-${c}`, code: `XA${c}`, name: `Xã ${c}`, tokenHash: `h${c}` }, 0);
      const histories = new Map([1, 2].map((c) => [`center-${c}`, centerHistory(c, MONTH_DAYS, 16, 50 + c)]));
      // Roll-ups made while the history still arrives (late revisions, corrections of day, calls on the next
      // day: into months already rolled up): the reports stay equal to the report SQL at every step.
      let rolled = 0;
      await pushAll(db, histories, 11, async () => {
        rolled += await rollUpMonths(db, { now: 1 });
        await expectEqualTotals(db, MONTH_RANGES.slice(0, 2));
      });
      expect(rolled).toBeGreaterThan(0);
      // A transfer of an October ticket counted on a day of September (the protocol allows it): the ticket's
      // next revision moves it to another procedure, so it changes September too.
      const moved = await servedOn(db, 'center-1', '2026-10-15');
      const at = Number(moved.issued_at);
      await push(db, 'center-1', [
        {
          at,
          kind: 'event',
          data: {
            id: 'x-transfer',
            at,
            type: 'transferred',
            ticketId: String(moved.id),
            counterId: null,
            actorId: null,
            areaId: null,
            businessDay: '2026-09-30',
            issuedAt: at,
          },
        },
      ]);
      await rollUpMonths(db, { now: 2 });
      // The newest month of a center keeps changing: never rolled up.
      expect(await monthStates(db)).toEqual([
        'center-1 2026-09',
        'center-1 2026-10',
        'center-2 2026-09',
        'center-2 2026-10',
      ]);
      await expectEqualReports(db, MONTH_RANGES);

      // Used: a whole month inside the range is read from its roll-up (poisoned here, the report shows it) …
      const plan = await readPlan(db, { from: '2026-09-01', to: '2026-11-30' });
      expect(plan.filter((x) => x.m).map(({ c, m }) => ({ c, m }))).toEqual([
        { c: 'center-1', m: '2026-09' },
        { c: 'center-1', m: '2026-10' },
        { c: 'center-2', m: '2026-09' },
        { c: 'center-2', m: '2026-10' },
      ]);
      await db.query(`UPDATE hub_report_months SET issued = issued + 1000 WHERE month = '2026-10'`);
      const oct = { from: '2026-10-01', to: '2026-10-31', groupBy: 'center' as const };
      expect(plain(await hubTotals(db, oct))).not.toEqual(plain(await aggregateHub(db, oct)));
      // … and a month cut by the range's first or last day is read from its days.
      await expectEqualTotals(db, [MONTH_RANGES[4]!, MONTH_RANGES[5]!, ['2026-10-01', '2026-10-30']]);
      // A month voided between the plan and the read (a batch commits in between): the read's own snapshot says
      // its state is gone, so its days are read, not the (poisoned) roll-up the plan expected.
      let voided = false;
      const racing: Queryable = {
        exec: (sql) => db.exec(sql),
        query: async <T extends Row>(sql: string, params?: unknown[]) => {
          const rows = await db.query<T>(sql, params);
          if (!voided && sql.includes('jsonb_agg(s.month)')) {
            voided = true;
            await db.query(`DELETE FROM hub_report_month_state WHERE month = '2026-10'`);
          }
          return rows;
        },
      };
      expect(plain(await hubTotals(racing, oct))).toEqual(plain(await aggregateHub(db, oct)));
      expect(voided).toBe(true);
      await db.query(`UPDATE hub_report_months SET issued = issued - 1000 WHERE month = '2026-10'`);
      expect(await rollUpMonths(db, { now: 2 })).toBe(2);

      // A later revision of a ticket of October voids that center's October, in the batch's transaction (and
      // September, where its transfer was counted).
      await revise(db, 'center-1', '2026-10-15', moved.procedure_id === 'c1-p1' ? 'c1-p2' : 'c1-p1');
      expect(await monthStates(db)).toEqual(['center-2 2026-09', 'center-2 2026-10']);
      await expectEqualReports(db, MONTH_RANGES.slice(0, 2));
      expect(await rollUpMonths(db, { now: 3 })).toBe(2);
      await expectEqualReports(db, MONTH_RANGES.slice(0, 2));

      // A stale center (its facts corrected by SQL, as docs/province.md says): its months are not rolled up from
      // the daily rows it holds, and its rebuild voids every month summed from them.
      await revise(db, 'center-2', '2026-09-30');
      await db.query(
        `UPDATE hub_tickets SET status = 'no_show', finished_at = NULL
         WHERE center_id = 'center-2' AND business_day = '2026-10-15' AND status = 'done'`,
      );
      await db.query(`UPDATE centers SET report_days_version = 0 WHERE id = 'center-2'`);
      expect(await rollUpMonths(db, { now: 4 })).toBe(0);
      expect(await monthStates(db)).toEqual(['center-1 2026-09', 'center-1 2026-10', 'center-2 2026-10']);
      await expectEqualReports(db, MONTH_RANGES.slice(0, 2));
      expect(await rebuildReportDays(db)).toBe(1);
      expect(await monthStates(db)).toEqual(['center-1 2026-09', 'center-1 2026-10']);
      await expectEqualReports(db, MONTH_RANGES);
      expect(await rollUpMonths(db, { now: 5 })).toBe(2);
      await expectEqualReports(db, MONTH_RANGES);
    } finally {
      await db.close();
    }
  }, 240_000);
});

it('the hub rolls up past months by itself once it has started (its upkeep, off the feed)', async () => {
  const url = await freshDatabase(cluster);
  const db = createPgDb(url, () => {});
  try {
    await migrate(db);
    await centersRepo.insert(db, { id: 'center-1', code: 'XA1', name: 'Xã 1', tokenHash: 'h1' }, 0);
    await pushAll(db, new Map([['center-1', centerHistory(1, MONTH_DAYS, 6, 9)]]), 5);
    expect(await monthStates(db)).toEqual([]);
  } finally {
    await db.close();
  }
  const t = await startTestHub('pg', cluster, { databaseUrl: url });
  try {
    for (let i = 0; i < 100 && (await monthStates(t.hub.db)).length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await monthStates(t.hub.db)).toEqual(['center-1 2026-09', 'center-1 2026-10']);
    await expectEqualReports(t.hub.db, MONTH_RANGES.slice(0, 2));
  } finally {
    await t.close();
  }
}, 60_000);
