import type { ReportRow } from '../../contract/dto.ts';

/**
 * Report arithmetic, free of I/O: facts in, rows out. Definitions (docs/api.md):
 * waits run from issue to first call, service from the last call to finish; `issued` counts in the
 * area a ticket was issued for; served/noShow/waits/service count where the ticket ended.
 * For counters and clerks `issued` counts the tickets they called (they issue nothing).
 */
export type GroupBy = 'area' | 'department' | 'counter' | 'clerk' | 'hour' | 'day';

export interface TicketFact {
  issuedAreaId: string; areaId: string; counterId: string | null; clerkId: string | null; status: string;
  businessDay: string; issuedAt: number; firstCalledAt: number | null; calledAt: number | null; finishedAt: number | null; transfers: number;
}
export interface EventFact { type: 'called' | 'transferred'; ticketId: string; counterId: string | null; actorId: string | null; areaId: string | null; businessDay: string; issuedAt: number }
export interface RatingFact { level: string; areaId: string | null; counterId: string | null; clerkId: string | null; businessDay: string; issuedAt: number }

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

interface Acc { issued: number; served: number; noShow: number; transferred: number; expired: number; waits: number[]; withinTarget: number; targeted: number; service: number[]; ratings: Record<string, number> }

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  // Nearest-rank: the smallest value with at least p% of the values at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const avg = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

export function buildReport(ctx: ReportContext, tickets: TicketFact[], events: EventFact[], ratings: RatingFact[]): ReportRow[] {
  const accs = new Map<string, Acc>();
  const acc = (id: string | null): Acc | null => {
    if (id === null) return null;
    let a = accs.get(id);
    if (!a) { a = { issued: 0, served: 0, noShow: 0, transferred: 0, expired: 0, waits: [], withinTarget: 0, targeted: 0, service: [], ratings: {} }; accs.set(id, a); }
    return a;
  };
  const byArea = (areaId: string | null) => (areaId === null ? null : ctx.groupBy === 'department' ? ctx.departmentOf(areaId) : areaId);
  const g = ctx.groupBy;
  const timeKey = (day: string, issuedAt: number) => (g === 'day' ? day : String(ctx.hourOf(issuedAt)));
  const endKey = (t: TicketFact) => (g === 'area' || g === 'department' ? byArea(t.areaId) : g === 'counter' ? t.counterId : g === 'clerk' ? t.clerkId : timeKey(t.businessDay, t.issuedAt));

  for (const t of tickets) {
    if (g === 'area' || g === 'department' || g === 'hour' || g === 'day') {
      const a = acc(g === 'hour' || g === 'day' ? timeKey(t.businessDay, t.issuedAt) : byArea(t.issuedAreaId));
      if (a) { a.issued++; if (t.status === 'expired') a.expired++; }
    }
    const a = acc(endKey(t));
    if (!a) continue;
    if (t.status === 'done') a.served++;
    if (t.status === 'no_show') a.noShow++;
    if (t.firstCalledAt !== null) {
      const wait = (t.firstCalledAt - t.issuedAt) / 1000;
      a.waits.push(wait);
      const target = ctx.targetWaitSec(t.issuedAreaId);
      if (target !== null) { a.targeted++; if (wait <= target) a.withinTarget++; }
    }
    if (t.status === 'done' && t.calledAt !== null && t.finishedAt !== null) a.service.push((t.finishedAt - t.calledAt) / 1000);
  }
  for (const e of events) {
    const key = g === 'counter' ? e.counterId : g === 'clerk' ? e.actorId : g === 'area' || g === 'department' ? byArea(e.areaId) : timeKey(e.businessDay, e.issuedAt);
    const a = acc(key);
    if (!a) continue;
    if (e.type === 'transferred') a.transferred++;
    else if (g === 'counter' || g === 'clerk') a.issued++;
  }
  for (const r of ratings) {
    const key = g === 'counter' ? r.counterId : g === 'clerk' ? r.clerkId : g === 'area' || g === 'department' ? byArea(r.areaId) : timeKey(r.businessDay, r.issuedAt);
    const a = acc(key);
    if (a) a.ratings[r.level] = (a.ratings[r.level] ?? 0) + 1;
  }

  const order = [...ctx.baseKeys.map((b) => b.id), ...[...accs.keys()].filter((k) => !ctx.baseKeys.some((b) => b.id === k)).sort()];
  const lowest = ctx.levels[ctx.levels.length - 1];
  return order.map((id) => {
    const a = accs.get(id) ?? acc(id)!;
    const waits = [...a.waits].sort((x, y) => x - y);
    const ratings = Object.fromEntries(ctx.levels.map((l) => [l, a.ratings[l] ?? 0]));
    const rated = Object.values(a.ratings).reduce((s, n) => s + n, 0);
    const { key, label } = ctx.baseKeys.find((b) => b.id === id) ?? ctx.label(id);
    const round = (v: number | null) => (v === null ? null : Math.round(v));
    return {
      key, label, issued: a.issued, served: a.served, noShow: a.noShow, transferred: a.transferred, expired: a.expired,
      avgWaitSec: avg(waits), medianWaitSec: round(percentile(waits, 50)), p90WaitSec: round(percentile(waits, 90)),
      avgServiceSec: avg(a.service), serviceLevel: a.targeted ? a.withinTarget / a.targeted : null,
      ratings, ratedCount: rated, satisfiedShare: rated ? (rated - (lowest ? a.ratings[lowest] ?? 0 : 0)) / rated : null,
    };
  });
}

const COLUMNS: [keyof ReportRow | 'level', string][] = [
  ['key', 'Mã'], ['label', 'Tên'], ['issued', 'Đã cấp'], ['served', 'Đã phục vụ'], ['noShow', 'Vắng mặt'], ['transferred', 'Chuyển'], ['expired', 'Hết hạn'],
  ['avgWaitSec', 'Chờ TB (giây)'], ['medianWaitSec', 'Chờ trung vị (giây)'], ['p90WaitSec', 'Chờ P90 (giây)'], ['avgServiceSec', 'Phục vụ TB (giây)'], ['serviceLevel', 'Tỉ lệ đúng hạn'],
];

/** The report as a table: one header row (machine keys or Vietnamese titles), then one row per group. */
export function reportTable(rows: ReportRow[], levels: { key: string; label: string }[], headers: 'keys' | 'vi' = 'keys'): (string | number | null)[][] {
  const head = [...COLUMNS.map(([k, vi]) => (headers === 'keys' ? k : vi)), ...levels.map((l) => (headers === 'keys' ? l.key : l.label)), headers === 'keys' ? 'satisfiedShare' : 'Tỉ lệ hài lòng'];
  const body = rows.map((r) => [...COLUMNS.map(([k]) => r[k as keyof ReportRow] as string | number | null), ...levels.map((l) => r.ratings[l.key] ?? 0), r.satisfiedShare]);
  return [head, ...body];
}

export function reportToCsv(rows: ReportRow[], levels: { key: string; label: string }[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : String(v);
    // Quote when needed; a leading =+-@ is neutralised so a spreadsheet never runs it as a formula.
    const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + reportTable(rows, levels).map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
