import { emptyTotals, mergeTotals, type GroupTotals } from '../../../server/src/core/reports/report.aggregate.ts';
import { HistogramSum } from '../../../server/src/storage/report.histogram.ts';
import type { Queryable } from '../storage/hub.db.ts';
import { staleCenterIds } from './report-days.rebuild.ts';
import { aggregateHub, rekeyTotals, type CenterTotals, type HubGroupBy, type KeyedTotals } from './report.sql.ts';
import { IDS } from './report-days.write.ts';
import { readPlan } from './report-months.plan.ts';

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

type Sink = (center: string, key: string) => { t: GroupTotals; waits: HistogramSum } | null;

/**
 * The report SQL's totals (report.sql.ts, aggregateHub) read from the aggregates: the monthly roll-ups of the months
 * wholly inside the range that are still valid (report-months.plan.ts), the daily rows of every other day. PostgreSQL
 * sums them per center and group and joins their histograms; only the groups travel, each added to what `sink` says
 * (null: left out). Clerks issue each ticket they called once over the range: the pairs called on several days
 * inside it are taken back here.
 */
async function readDays(
  q: Queryable,
  r: { from: string; to: string; groupBy: HubGroupBy | 'all'; centerIds?: string[] },
  sink: Sink,
): Promise<void> {
  const kind = r.groupBy === 'center' ? 'all' : r.groupBy;
  const params: unknown[] = [kind, r.from, r.to];
  if (r.centerIds) params.push(JSON.stringify(r.centerIds));
  const only = r.centerIds ? ` AND center_id = ${IDS(4)}` : '';
  const COLS = `issued, expired, served, no_show, transferred, wait_ms, wait_n, targeted, within, svc_ms, svc_n, waits, ratings`;
  // Each span is one probe of a primary key (center, kind, day or month): nothing else is read. A month is read from
  // its roll-up exactly when its state row exists in this statement's snapshot, from its days otherwise.
  const rows = await q.query(
    `WITH x AS MATERIALIZED (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(c text, a text, b text, m text))
     SELECT c, k, SUM(issued) AS issued, SUM(expired) AS expired, SUM(served) AS served,
       SUM(no_show) AS no_show, SUM(transferred) AS transferred, SUM(wait_ms) AS wait_ms, SUM(wait_n) AS wait_n,
       SUM(targeted) AS targeted, SUM(within) AS within, SUM(svc_ms) AS svc_ms, SUM(svc_n) AS svc_n,
       string_agg(waits, ''::bytea) AS waits, jsonb_agg(ratings) FILTER (WHERE ratings IS NOT NULL) AS ratings
     FROM (
       SELECT d.center_id AS c, d.key AS k, ${COLS} FROM x
       JOIN hub_report_days d ON d.center_id = x.c AND d.kind = $1 AND d.business_day BETWEEN x.a AND x.b
       WHERE x.m IS NULL
         OR NOT EXISTS (SELECT 1 FROM hub_report_month_state s WHERE s.center_id = x.c AND s.month = x.m)
       UNION ALL
       SELECT m.center_id, m.key, ${COLS} FROM x
       JOIN hub_report_month_state s ON s.center_id = x.c AND s.month = x.m
       JOIN hub_report_months m ON m.center_id = x.c AND m.kind = $1 AND m.month = x.m
     ) u
     GROUP BY 1, 2`,
    [kind, JSON.stringify(await readPlan(q, r))],
  );
  for (const x of rows) {
    const to = sink(String(x.c), String(x.k));
    if (!to) continue;
    const a = to.t;
    a.issued += num(x.issued);
    a.expired += num(x.expired);
    a.served += num(x.served);
    a.noShow += num(x.no_show);
    a.transferred += num(x.transferred);
    a.waitMsSum += num(x.wait_ms);
    a.waitN += num(x.wait_n);
    a.targeted += num(x.targeted);
    a.within += num(x.within);
    a.svcMsSum += num(x.svc_ms);
    a.svcN += num(x.svc_n);
    if (x.waits) to.waits.addPacked(x.waits as Uint8Array);
    const list = (typeof x.ratings === 'string' ? JSON.parse(x.ratings) : x.ratings) as Record<string, number>[] | null;
    for (const day of list ?? [])
      for (const [level, n] of Object.entries(day)) a.ratings[level] = (a.ratings[level] ?? 0) + n;
  }
  if (kind === 'clerk')
    for (const x of await q.query(
      `SELECT m.center_id AS c, m.actor_id AS k, COUNT(DISTINCT e.business_day) AS d
       FROM hub_clerk_multi_day m
       JOIN hub_events e ON e.center_id = m.center_id AND e.ticket_id = m.ticket_id AND e.actor_id = m.actor_id
       WHERE e.type = 'called' AND e.business_day BETWEEN $2 AND $3${only.replace('center_id', 'm.center_id')}
         AND $1 = 'clerk'
       GROUP BY m.center_id, m.actor_id, m.ticket_id`,
      params,
    )) {
      const to = sink(String(x.c), String(x.k));
      if (to) to.t.issued -= num(x.d) - 1;
    }
}

/** A sink that keeps one total (and one histogram sum) per key; `done` moves the histograms into the totals. */
function keyedSink<K>(keyOf: (center: string, key: string) => K | null) {
  const out = new Map<K, { t: GroupTotals; waits: HistogramSum }>();
  const sink: Sink = (c, k) => {
    const key = keyOf(c, k);
    if (key === null) return null;
    let e = out.get(key);
    if (!e) out.set(key, (e = { t: emptyTotals(), waits: new HistogramSum() }));
    return e;
  };
  const done = () => {
    for (const e of out.values()) e.waits.into(e.t.waits);
    return new Map([...out].map(([k, e]) => [k, e.t]));
  };
  return { sink, done };
}

/** The report SQL's totals per center and group, from the daily aggregates (the equality tests compare them). */
export async function aggregateHubDays(
  q: Queryable,
  r: { from: string; to: string; groupBy: HubGroupBy | 'all'; centerIds?: string[] },
): Promise<CenterTotals> {
  const { sink, done } = keyedSink((c, k) => `${c}\u0000${k}`);
  await readDays(q, r, sink);
  const out: CenterTotals = new Map();
  for (const [ck, t] of done()) {
    const [c, k] = ck.split('\u0000') as [string, string];
    if (!out.has(c)) out.set(c, new Map());
    out.get(c)!.set(k, t);
  }
  return out;
}

/**
 * The totals a report is made of: from the aggregates for every center whose rows are current, through the report
 * SQL for a center not rebuilt yet (after a migration, until the hub has rebuilt it), so a report is never wrong.
 */
export async function hubTotals(
  q: Queryable,
  r: { from: string; to: string; groupBy: HubGroupBy | 'all' },
): Promise<CenterTotals> {
  const stale = await staleCenterIds(q);
  const out = await aggregateHubDays(q, r);
  if (!stale.length) return out;
  for (const id of stale) out.delete(id);
  for (const [id, m] of await aggregateHub(q, { ...r, centerIds: stale })) out.set(id, m);
  return out;
}

/**
 * hubTotals already re-keyed across the province (`rekey(center, its own id)`): each province key sums straight
 * into one total and one histogram, with no map per center and group on the way (a year by clerk is 390 groups
 * of 261 days). What the report screens and exports read.
 */
export const hubKeyedTotals: KeyedTotals = async (q, r, rekey) => {
  const stale = new Set(await staleCenterIds(q));
  const { sink, done } = keyedSink((c, k) => (stale.has(c) ? null : rekey(c, k)));
  await readDays(q, r, sink);
  const out = done();
  if (!stale.size) return out;
  for (const [k, t] of rekeyTotals(await aggregateHub(q, { ...r, centerIds: [...stale] }), rekey))
    out.set(k, out.has(k) ? mergeTotals([out.get(k)!, t]) : t);
  return out;
};
