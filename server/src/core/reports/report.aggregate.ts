import type { ReportGroupBy, ReportRow } from '../../contract/dto.ts';

/**
 * Report arithmetic, free of I/O: facts in, rows out. Definitions (docs/api.md):
 * waits run from issue to first call, service from the last call to finish; `issued` counts in the
 * area a ticket was issued for; served/noShow/waits/service count where the ticket ended.
 * For counters and clerks `issued` counts the tickets they called (they issue nothing).
 */
export type GroupBy = ReportGroupBy; // the report query's own enum (contract/inputs.schema.ts)

export interface TicketFact {
  issuedAreaId: string;
  areaId: string;
  counterId: string | null;
  clerkId: string | null;
  status: string;
  businessDay: string;
  issuedAt: number;
  firstCalledAt: number | null;
  calledAt: number | null;
  finishedAt: number | null;
  transfers: number;
  /** The ticket's procedure (null: asked for by area; grouped under ''). */
  procedureId?: string | null;
  /** How the ticket came to be (kiosk, staff, remote, appointment); absent: 'kiosk'. */
  channel?: string;
}
export interface EventFact {
  type: 'called' | 'transferred';
  ticketId: string;
  counterId: string | null;
  actorId: string | null;
  areaId: string | null;
  businessDay: string;
  issuedAt: number;
  procedureId?: string | null;
  channel?: string;
}
export interface RatingFact {
  level: string;
  areaId: string | null;
  counterId: string | null;
  clerkId: string | null;
  businessDay: string;
  issuedAt: number;
  procedureId?: string | null;
  channel?: string;
}

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

/** The reference aggregation in memory (tests compare the SQL aggregation against it). */
export function aggregateFacts(
  ctx: ReportContext,
  tickets: TicketFact[],
  events: EventFact[],
  ratings: RatingFact[],
): Map<string, GroupTotals> {
  const accs = new Map<string, GroupTotals>();
  const acc = (id: string | null): GroupTotals | null => {
    if (id === null) return null;
    let a = accs.get(id);
    if (!a) {
      a = emptyTotals();
      accs.set(id, a);
    }
    return a;
  };
  const byArea = (areaId: string | null) =>
    areaId === null ? null : ctx.groupBy === 'department' ? ctx.departmentOf(areaId) : areaId;
  const g = ctx.groupBy;
  const timeKey = (day: string, issuedAt: number) => (g === 'day' ? day : String(ctx.hourOf(issuedAt)));
  const endKey = (t: TicketFact) =>
    g === 'channel'
      ? (t.channel ?? 'kiosk')
      : g === 'procedure'
        ? (t.procedureId ?? '')
        : g === 'area' || g === 'department'
          ? byArea(t.areaId)
          : g === 'counter'
            ? t.counterId
            : g === 'clerk'
              ? t.clerkId
              : timeKey(t.businessDay, t.issuedAt);

  for (const t of tickets) {
    if (g === 'area' || g === 'department' || g === 'hour' || g === 'day' || g === 'procedure' || g === 'channel') {
      const a = acc(
        g === 'channel'
          ? (t.channel ?? 'kiosk')
          : g === 'procedure'
            ? (t.procedureId ?? '')
            : g === 'hour' || g === 'day'
              ? timeKey(t.businessDay, t.issuedAt)
              : byArea(t.issuedAreaId),
      );
      if (a) {
        a.issued++;
        if (t.status === 'expired') a.expired++;
      }
    }
    const a = acc(endKey(t));
    if (!a) continue;
    if (t.status === 'done') a.served++;
    if (t.status === 'no_show') a.noShow++;
    if (t.firstCalledAt !== null) {
      const ms = t.firstCalledAt - t.issuedAt;
      a.waitMsSum += ms;
      a.waitN++;
      const sec = Math.floor(ms / 1000);
      a.waits.set(sec, (a.waits.get(sec) ?? 0) + 1);
      const target = ctx.targetWaitSec(t.issuedAreaId);
      if (target !== null) {
        a.targeted++;
        if (ms <= target * 1000) a.within++;
      }
    }
    if (t.status === 'done' && t.calledAt !== null && t.finishedAt !== null) {
      a.svcMsSum += t.finishedAt - t.calledAt;
      a.svcN++;
      const sec = Math.floor((t.finishedAt - t.calledAt) / 1000);
      a.services.set(sec, (a.services.get(sec) ?? 0) + 1);
    }
  }
  const calledSeen = new Set<string>();
  for (const e of events) {
    const key =
      g === 'channel'
        ? (e.channel ?? 'kiosk')
        : g === 'procedure'
          ? (e.procedureId ?? '')
          : g === 'counter'
            ? e.counterId
            : g === 'clerk'
              ? e.actorId
              : g === 'area' || g === 'department'
                ? byArea(e.areaId)
                : timeKey(e.businessDay, e.issuedAt);
    const a = acc(key);
    if (!a) continue;
    if (e.type === 'transferred') a.transferred++;
    else if ((g === 'counter' || g === 'clerk') && !calledSeen.has(`${key}|${e.ticketId}`)) {
      calledSeen.add(`${key}|${e.ticketId}`);
      a.issued++;
    }
  }
  for (const r of ratings) {
    const key =
      g === 'channel'
        ? (r.channel ?? 'kiosk')
        : g === 'procedure'
          ? (r.procedureId ?? '')
          : g === 'counter'
            ? r.counterId
            : g === 'clerk'
              ? r.clerkId
              : g === 'area' || g === 'department'
                ? byArea(r.areaId)
                : timeKey(r.businessDay, r.issuedAt);
    const a = acc(key);
    if (a) a.ratings[r.level] = (a.ratings[r.level] ?? 0) + 1;
  }
  return accs;
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

export function buildReport(
  ctx: ReportContext,
  tickets: TicketFact[],
  events: EventFact[],
  ratings: RatingFact[],
): ReportRow[] {
  return rowsFromTotals(ctx, aggregateFacts(ctx, tickets, events, ratings));
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
