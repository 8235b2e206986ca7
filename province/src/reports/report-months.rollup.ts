import { encodeHistogram, HistogramSum } from '../../../server/src/storage/report.histogram.ts';
import type { HubDb, Queryable, Row } from '../storage/hub.db.ts';
import { REPORT_DAYS_VERSION } from './report-days.rebuild.ts';
import { IDS, MONTH_SUM_COLUMNS } from './report-days.write.ts';
import { monthEnd } from './report-months.plan.ts';

/** The summed columns of a daily row, as a month row holds them (migration 0003). */
const SUMS = MONTH_SUM_COLUMNS;

const bytes = (v: unknown): Uint8Array | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? Buffer.from(v, 'hex') : (v as Uint8Array);

/**
 * The past months of current centers that have daily rows and no valid roll-up, newest first: every month before
 * the month of the center's newest day (that one still changes with each batch). Read from the 'all' rows (the
 * index of 0002); a month holding only rows of another kind is simply left to its days.
 */
async function pendingMonths(q: Queryable): Promise<Map<string, string[]>> {
  const rows = await q.query<{ c: string; m: string }>(
    `WITH d AS (
       SELECT DISTINCT d.center_id AS c, substr(d.business_day, 1, 7) AS m FROM hub_report_days d
       JOIN centers c ON c.id = d.center_id AND c.report_days_version = $1 WHERE d.kind = 'all')
     SELECT d.c, d.m FROM d
     WHERE d.m < (SELECT max(x.m) FROM d x WHERE x.c = d.c)
       AND NOT EXISTS (SELECT 1 FROM hub_report_month_state s WHERE s.center_id = d.c AND s.month = d.m)
     ORDER BY d.c, d.m DESC`,
    [REPORT_DAYS_VERSION],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.c, [...(out.get(r.c) ?? []), r.m]);
  return out;
}

type MonthRow = { kind: string; month: string; key: string; sums: number[]; waits: HistogramSum; ratings: Row };

/**
 * Sums some months of one center into their roll-ups, inside the caller's transaction and with the center's row
 * locked (as every feed batch locks it first), so no batch changes a day between the read and the state written.
 * A month whose histogram does not add up (a negative count) is left to its days. Returns the months rolled up.
 */
export async function rollUpCenterMonths(q: Queryable, centerId: string, months: string[], now: number) {
  const [c] = await q.query<{ v: number }>('SELECT report_days_version AS v FROM centers WHERE id = $1 FOR UPDATE', [
    centerId,
  ]);
  if (!c || Number(c.v) !== REPORT_DAYS_VERSION) return [];
  const done = new Set(
    (
      await q.query<{ m: string }>(`SELECT month AS m FROM hub_report_month_state WHERE center_id = $1`, [centerId])
    ).map((r) => r.m),
  );
  const todo = months.filter((m) => !done.has(m)).sort();
  if (!todo.length) return [];
  await q.query(`DELETE FROM hub_report_months WHERE center_id = $1 AND month = ${IDS(2)}`, [
    centerId,
    JSON.stringify(todo),
  ]);
  const groups = new Map<string, MonthRow>();
  for (const d of await q.query(
    `SELECT kind, substr(business_day, 1, 7) AS month, key, ${SUMS.join(', ')}, waits, ratings FROM hub_report_days
     WHERE center_id = $1 AND business_day BETWEEN $2 AND $3 AND substr(business_day, 1, 7) = ${IDS(4)}`,
    [centerId, `${todo[0]}-01`, monthEnd(todo.at(-1)!), JSON.stringify(todo)],
  )) {
    const id = `${d.kind}\u0000${d.month}\u0000${d.key}`;
    let g = groups.get(id);
    if (!g) {
      const [kind, month, key] = [String(d.kind), String(d.month), String(d.key)];
      groups.set(id, (g = { kind, month, key, sums: SUMS.map(() => 0), waits: new HistogramSum(), ratings: {} }));
    }
    SUMS.forEach((col, i) => (g.sums[i]! += Number(d[col] ?? 0)));
    g.waits.add(bytes(d.waits));
    const ratings = (typeof d.ratings === 'string' ? JSON.parse(d.ratings) : d.ratings) as Record<string, number>;
    for (const [level, n] of Object.entries(ratings ?? {})) g.ratings[level] = Number(g.ratings[level] ?? 0) + n;
  }
  const bad = new Set<string>();
  const put: Record<string, unknown>[] = [];
  for (const g of groups.values()) {
    const waits = new Map<number, number>();
    g.waits.into(waits);
    if ([...waits.values()].some((n) => n < 0)) bad.add(g.month);
    const packed = encodeHistogram([...waits].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]));
    const ratings = Object.fromEntries(Object.entries(g.ratings).filter(([, n]) => n !== 0));
    const row: Record<string, unknown> = { kind: g.kind, month: g.month, key: g.key };
    SUMS.forEach((col, i) => (row[col] = g.sums[i]));
    row.waits = packed ? packed.toString('hex') : null;
    row.ratings = Object.keys(ratings).length ? ratings : null;
    put.push(row);
  }
  const rolled = todo.filter((m) => !bad.has(m));
  const keep = put.filter((r) => !bad.has(r.month as string));
  for (let i = 0; i < keep.length; i += 2000)
    await q.query(
      `INSERT INTO hub_report_months (center_id, kind, month, key, ${SUMS.join(', ')}, waits, ratings)
       SELECT $1, x.kind, x.month, x.key, ${SUMS.map((c) => `x.${c}`).join(', ')}, decode(x.waits, 'hex'), x.ratings
       FROM jsonb_to_recordset($2::jsonb) AS x(kind text, month text, key text,
         ${SUMS.map((c) => `${c} numeric`).join(', ')}, waits text, ratings jsonb)`,
      [centerId, JSON.stringify(keep.slice(i, i + 2000))],
    );
  if (rolled.length)
    await q.query(
      `INSERT INTO hub_report_month_state (center_id, month, rolled_at)
       SELECT $1, m, $3 FROM jsonb_array_elements_text($2::jsonb) AS m`,
      [centerId, JSON.stringify(rolled), now],
    );
  return rolled;
}

/**
 * The hub's upkeep (province/src/hub.server.ts, after the start-up rebuild and then now and again): rolls up every
 * pending month, one transaction per center, so a center's batches wait at most for its own roll-up and the hub
 * answers everything else meanwhile. Returns the number of months rolled up.
 */
export async function rollUpMonths(db: HubDb, opts: { now: number; stopped?: () => boolean }): Promise<number> {
  let n = 0;
  for (const [centerId, months] of await pendingMonths(db)) {
    if (opts.stopped?.()) break;
    n += (await db.tx((q) => rollUpCenterMonths(q, centerId, months, opts.now))).length;
  }
  return n;
}
