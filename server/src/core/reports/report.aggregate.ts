import type { ReportGroupBy, ReportRow } from '../../contract/dto.ts';

/**
 * Report arithmetic, free of I/O: facts in, rows out. Definitions (docs/api.md):
 * waits run from issue to first call, service from the last call to finish; `issued` counts in the
 * area a ticket was issued for; served/noShow/waits/service count where the ticket ended.
 * For counters and clerks `issued` counts the tickets they called (they issue nothing).
 */
export type GroupBy = ReportGroupBy; // the report query's own enum (contract/inputs.schema.ts)

export interface ReportContext {
  groupBy: GroupBy;
  levels: string[];
  departmentOf(areaId: string): string | null;
  targetWaitSec(areaId: string): number | null;
  hourOf(ms: number): number;
  /** Rows that must appear even with no activity (every area, every counter…), in display order. */
  baseKeys: { id: string; key: string; label: string }[];
  label(id: string): { key: string; label: string };
}

/**
 * What a report row is computed from: sums and exact histograms (whole seconds → count) of waits and of service
 * times, so the database (or the maintained daily aggregates) can do the heavy part.
 */
export interface GroupTotals {
  issued: number;
  expired: number;
  served: number;
  noShow: number;
  transferred: number;
  waitMsSum: number;
  waitN: number;
  waits: Map<number, number>;
  targeted: number;
  within: number;
  svcMsSum: number;
  svcN: number;
  services: Map<number, number>;
  ratings: Record<string, number>;
}

export function emptyTotals(): GroupTotals {
  return {
    issued: 0,
    expired: 0,
    served: 0,
    noShow: 0,
    transferred: 0,
    waitMsSum: 0,
    waitN: 0,
    waits: new Map(),
    targeted: 0,
    within: 0,
    svcMsSum: 0,
    svcN: 0,
    services: new Map(),
    ratings: {},
  };
}

export function mergeTotals(list: Iterable<GroupTotals>): GroupTotals {
  const t = emptyTotals();
  const waits: Map<number, number>[] = [];
  const services: Map<number, number>[] = [];
  for (const g of list) {
    for (const k of [
      'issued',
      'expired',
      'served',
      'noShow',
      'transferred',
      'waitMsSum',
      'waitN',
      'targeted',
      'within',
      'svcMsSum',
      'svcN',
    ] as const)
      t[k] += g[k];
    for (const [l, n] of Object.entries(g.ratings)) t.ratings[l] = (t.ratings[l] ?? 0) + n;
    waits.push(g.waits);
    services.push(g.services);
  }
  t.waits = sumHistograms(waits);
  t.services = sumHistograms(services);
  return t;
}

/**
 * The sum of histograms {value → count}: every value of any of them, with the sum of its counts (a zero sum kept).
 * Whole seconds up to a day are summed in an array (a year's totals by day are ~750 000 entries: a Map lookup for
 * each would cost more than the whole read); anything else in a Map.
 */
export function sumHistograms(list: Map<number, number>[]): Map<number, number> {
  if (list.length === 1) return new Map(list[0]);
  const CAP = 86_400;
  let dense = new Float64Array(0);
  let seen = new Uint8Array(0);
  let top = -1;
  const other = new Map<number, number>();
  for (const h of list)
    for (const [v, n] of h) {
      if (Number.isInteger(v) && v >= 0 && v < CAP) {
        if (v >= dense.length) {
          const size = Math.min(CAP, Math.max(1024, 2 ** Math.ceil(Math.log2(v + 1))));
          const d = new Float64Array(size);
          d.set(dense);
          dense = d;
          const s = new Uint8Array(size);
          s.set(seen);
          seen = s;
        }
        dense[v]! += n;
        seen[v] = 1;
        if (v > top) top = v;
      } else other.set(v, (other.get(v) ?? 0) + n);
    }
  const out = new Map<number, number>();
  for (let v = 0; v <= top; v++) if (seen[v]) out.set(v, dense[v]!);
  for (const [v, n] of other) out.set(v, n);
  return out;
}

/** Nearest rank over a histogram {value → count}: the smallest value with at least p% of values at or below it. */
export function histogramPercentile(hist: Map<number, number>, p: number): number | null {
  let total = 0;
  let ascending = true;
  let prev = -Infinity;
  for (const [v, n] of hist) {
    total += n;
    if (v < prev) ascending = false;
    prev = v;
  }
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  // The histograms a report reads are already in ascending order: walked as they are, sorted only when not.
  for (const [v, n] of ascending ? hist : [...hist].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen >= rank) return v;
  }
  return null;
}

/** Report rows from group totals, in the base order (every area, counter…) then any other group found. */
export function rowsFromTotals(
  ctx: Pick<ReportContext, 'baseKeys' | 'label' | 'levels'>,
  totals: Map<string, GroupTotals>,
): ReportRow[] {
  const order = [
    ...ctx.baseKeys.map((b) => b.id),
    ...[...totals.keys()].filter((k) => !ctx.baseKeys.some((b) => b.id === k)).sort(),
  ];
  return order.map((id) => {
    const { key, label } = ctx.baseKeys.find((b) => b.id === id) ?? ctx.label(id);
    return toRow(key, label, totals.get(id) ?? emptyTotals(), ctx.levels);
  });
}

export function toRow(key: string, label: string, a: GroupTotals, levels: string[]): ReportRow {
  const lowest = levels[levels.length - 1];
  const rated = Object.values(a.ratings).reduce((s, n) => s + n, 0);
  return {
    key,
    label,
    issued: a.issued,
    served: a.served,
    noShow: a.noShow,
    transferred: a.transferred,
    expired: a.expired,
    avgWaitSec: a.waitN ? Math.round(a.waitMsSum / a.waitN / 1000) : null,
    medianWaitSec: histogramPercentile(a.waits, 50),
    p90WaitSec: histogramPercentile(a.waits, 90),
    avgServiceSec: a.svcN ? Math.round(a.svcMsSum / a.svcN / 1000) : null,
    serviceLevel: a.targeted ? a.within / a.targeted : null,
    ratings: Object.fromEntries(levels.map((l) => [l, a.ratings[l] ?? 0])),
    ratedCount: rated,
    satisfiedShare: rated ? (rated - (lowest ? (a.ratings[lowest] ?? 0) : 0)) / rated : null,
  };
}

const COLUMNS: [keyof ReportRow | 'level', string][] = [
  ['key', 'Mã'],
  ['label', 'Tên'],
  ['issued', 'Đã cấp'],
  ['served', 'Đã phục vụ'],
  ['noShow', 'Vắng mặt'],
  ['transferred', 'Chuyển'],
  ['expired', 'Hết hạn'],
  ['avgWaitSec', 'Chờ TB (giây)'],
  ['medianWaitSec', 'Chờ trung vị (giây)'],
  ['p90WaitSec', 'Chờ P90 (giây)'],
  ['avgServiceSec', 'Phục vụ TB (giây)'],
  ['serviceLevel', 'Tỉ lệ đúng hạn'],
];

/** The report as a table: one header row (machine keys or Vietnamese titles), then one row per group. */
export function reportTable(
  rows: ReportRow[],
  levels: { key: string; label: string }[],
  headers: 'keys' | 'vi' = 'keys',
): (string | number | null)[][] {
  const head = [
    ...COLUMNS.map(([k, vi]) => (headers === 'keys' ? k : vi)),
    ...levels.map((l) => (headers === 'keys' ? l.key : l.label)),
    headers === 'keys' ? 'satisfiedShare' : 'Tỉ lệ hài lòng',
  ];
  const body = rows.map((r) => [
    ...COLUMNS.map(([k]) => r[k as keyof ReportRow] as string | number | null),
    ...levels.map((l) => r.ratings[l.key] ?? 0),
    r.satisfiedShare,
  ]);
  return [head, ...body];
}

/** The CSV export (Vietnamese headers, minutes, percentages) lives with the XLSX one in report.export.ts. */
export { reportToCsv } from './report.export.ts';
