import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../server/src/contract/province.feed.ts';
import { centersRepo } from '../centers/centers.repo.ts';
import { applyFeedBatch } from '../feed/feed.apply.ts';
import type { HubDb } from '../storage/hub.db.ts';
import { migrate } from '../storage/migrations.ts';
import { createPgDb } from '../storage/pg.db.ts';
import { createPgliteDb } from '../storage/pglite.db.ts';
import { centerHistory, rng, type Item } from '../testing/hub.history.testing.ts';
import { freshDatabase, type Backend } from '../testing/hub.testing.ts';
import { startPgCluster, type PgCluster } from '../testing/pg.cluster.testing.ts';
import { hubSummary } from './hub.report.ts';
import { hubTotals } from './report-days.read.ts';
import { rebuildReportDays, staleCenterIds } from './report-days.rebuild.ts';
import { aggregateHub, referenceTotals, type CenterTotals, type HubGroupBy } from './report.sql.ts';

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

/** Pushes every center's history, interleaved, in random batches, with the resends a real link produces. */
async function pushAll(db: HubDb, histories: Map<string, Item[]>, seed: number, check?: () => Promise<void>) {
  const r = rng(seed);
  const state = [...histories].map(([id, items]) => ({ id, items: [...items], sent: [] as FeedItem[], ack: 0 }));
  let round = 0;
  while (state.some((s) => s.items.length)) {
    for (const s of state) {
      if (!s.items.length) continue;
      const chunk = s.items.splice(0, 1 + r.int(40));
      const numbered = chunk.map((it, i) => ({ ...it, seq: s.ack + 1 + i }) as FeedItem);
      const batch = { center: { sentAt: 0, oldestPendingAt: null }, fromSeq: s.ack + 1, items: numbered };
      s.ack = (await applyFeedBatch(db, s.id, batch, 0)).ackSeq;
      s.sent.push(...numbered);
      if (r.chance(0.15)) expect((await applyFeedBatch(db, s.id, batch, 0)).ackSeq).toBe(s.ack); // sent twice
      if (r.chance(0.05) && s.sent.length > 3) {
        // Overlapping: starts three items back, so only its tail is new.
        const back = s.sent.slice(-3);
        const tail = s.items.splice(0, 2).map((it, i) => ({ ...it, seq: s.ack + 1 + i }) as FeedItem);
        s.ack = (
          await applyFeedBatch(db, s.id, { ...batch, fromSeq: back[0]!.seq, items: [...back, ...tail] }, 0)
        ).ackSeq;
        s.sent.push(...tail);
      }
      // After a restore (feed_gap) a center renumbers and sends again what the hub already holds.
      if (r.chance(0.03)) s.items.unshift(...s.sent.slice(-30).map(({ seq: _seq, ...it }) => it as Item));
    }
    if (check && ++round % 7 === 0) await check();
  }
}

/** Totals as plain sorted data: the histograms themselves, not only the medians read from them. */
const plain = (t: CenterTotals) =>
  [...t]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, m]) => [
      c,
      [...m]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, g]) => [k, { ...g, waits: [...g.waits].sort((a, b) => a[0] - b[0]), services: [...g.services] }]),
    ]);

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
});
