import type { Queryable } from '../storage/hub.db.ts';
import { REPORT_DAYS_VERSION } from './report-days.rebuild.ts';

/**
 * Which rows a range's report reads (migration 0003): for each center, the monthly roll-ups of the months lying
 * wholly inside the range whose roll-up is still valid (its hub_report_month_state row exists: no batch changed a
 * day of it and no rebuild ran since it was summed) while the center's aggregates are current, and the daily rows
 * of every other day of the range.
 */
export const monthOf = (day: string) => day.slice(0, 7);

/** The last calendar day of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The months [from, to] touches, each with its days inside the range and whether it lies wholly inside. */
export function rangeMonths(from: string, to: string): { month: string; a: string; b: string; whole: boolean }[] {
  const out: { month: string; a: string; b: string; whole: boolean }[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = nextMonth(m)) {
    const first = `${m}-01`;
    const last = monthEnd(m);
    const a = from > first ? from : first;
    const b = to < last ? to : last;
    out.push({ month: m, a, b, whole: a === first && b === last });
  }
  return out;
}

/**
 * One span of a center's range: days `a`…`b` read from hub_report_days, or, with `m`, the whole month `m` that was
 * rolled up when the plan was made: the read takes its roll-up if its state still exists in the read's own snapshot,
 * else its days (a batch may void it between the two statements).
 */
export interface ReadSpan {
  c: string;
  a: string;
  b: string;
  m: string | null;
}

/** The spans of one range for every center (or those of `centerIds`), in center and day order. */
export async function readPlan(
  q: Queryable,
  r: { from: string; to: string; centerIds?: string[] },
): Promise<ReadSpan[]> {
  const span = rangeMonths(r.from, r.to);
  const whole = span.filter((s) => s.whole).map((s) => s.month);
  const params: unknown[] = [JSON.stringify(whole), REPORT_DAYS_VERSION];
  if (r.centerIds) params.push(JSON.stringify(r.centerIds));
  const rows = await q.query<{ c: string; months: string[] | string | null }>(
    `SELECT c.id AS c, jsonb_agg(s.month) FILTER (WHERE s.month IS NOT NULL) AS months
     FROM centers c LEFT JOIN hub_report_month_state s ON s.center_id = c.id AND c.report_days_version = $2
       AND s.month = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))
     ${r.centerIds ? 'WHERE c.id = ANY(ARRAY(SELECT jsonb_array_elements_text($3::jsonb)))' : ''}
     GROUP BY c.id ORDER BY c.id`,
    params,
  );
  const plan: ReadSpan[] = [];
  for (const row of rows) {
    const list = typeof row.months === 'string' ? (JSON.parse(row.months) as string[]) : (row.months ?? []);
    const rolled = new Set(list);
    let open: ReadSpan | null = null;
    for (const s of span) {
      if (s.whole && rolled.has(s.month)) {
        plan.push({ c: row.c, a: s.a, b: s.b, m: s.month });
        open = null;
      } else if (open) open.b = s.b;
      else plan.push((open = { c: row.c, a: s.a, b: s.b, m: null }));
    }
  }
  return plan;
}
