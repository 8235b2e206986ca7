import type { ReportRow } from '../../contract/dto.ts';
import { emptyTotals, rowsFromTotals, type GroupTotals, type ReportContext } from './report.aggregate.ts';

/**
 * The reference aggregation, in memory: report facts (tickets, events, ratings) in, group totals out, by the
 * definitions of report.aggregate.ts. The SQL aggregation and the maintained aggregates are tested against it.
 */
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

export function buildReport(
  ctx: ReportContext,
  tickets: TicketFact[],
  events: EventFact[],
  ratings: RatingFact[],
): ReportRow[] {
  return rowsFromTotals(ctx, aggregateFacts(ctx, tickets, events, ratings));
}
