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
    for (const [w, n] of g.waits) t.waits.set(w, (t.waits.get(w) ?? 0) + n);
    for (const [w, n] of g.services) t.services.set(w, (t.services.get(w) ?? 0) + n);
    for (const [l, n] of Object.entries(g.ratings)) t.ratings[l] = (t.ratings[l] ?? 0) + n;
  }
  return t;
}

/** Nearest rank over a histogram {value → count}: the smallest value with at least p% of values at or below it. */
export function histogramPercentile(hist: Map<number, number>, p: number): number | null {
  const total = [...hist.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const v of [...hist.keys()].sort((a, b) => a - b)) {
    seen += hist.get(v)!;
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
