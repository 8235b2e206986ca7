import type { AreaDto, CallDto, CounterDto, CounterRef, StateDto, TicketDto } from '../../contract/dto.ts';
import type { Area, Counter, Ticket } from '../entities.ts';
import type { Deps } from '../ports.ts';
import { businessDay, toIso } from '../time/zoned-time.ts';
import { areaAvailability, estimateWaitMin, issuingBlock } from './ticket.rules.ts';

export interface ViewOptions { publicUrl: () => string }

/** Builds what callers see from committed state: tickets, counters, areas and the whole-screen snapshot. */
export function createTicketView(deps: Deps, opts: ViewOptions) {
  const { store, clock } = deps;
  const tz = () => deps.settings.get().timeZone;
  const iso = (ms: number | null) => (ms === null ? null : toIso(ms, tz()));
  const today = () => businessDay(clock.now(), tz());

  // Average service time per area today, recomputed at most every 15 s: it feeds every estimate.
  let stats: { at: number; day: string; avg: Map<string, number> } | null = null;
  const avgServiceSec = (areaId: string): number | null => {
    const now = clock.now();
    if (!stats || now - stats.at > 15_000 || stats.day !== today()) {
      const rows = store.db.prepare<[string], { area_id: string; avg: number }>(`SELECT area_id, AVG(finished_at - called_at) / 1000.0 AS avg FROM tickets
        WHERE business_day = ? AND status = 'done' AND called_at IS NOT NULL GROUP BY area_id`).all(today());
      stats = { at: now, day: today(), avg: new Map(rows.map((r) => [r.area_id, r.avg])) };
    }
    return stats.avg.get(areaId) ?? null;
  };
  const servingCounters = (areaId: string) => store.catalog.countersForArea(areaId).filter((c) => c.active && c.status === 'open').length;

  const counterRef = (id: string | null): CounterRef | null => {
    const c = id ? store.catalog.counter(id) : undefined;
    return c ? { id: c.id, number: c.number, name: c.name } : null;
  };

  function ticket(t: Ticket): TicketDto {
    const area = store.catalog.area(t.areaId);
    const dept = area ? store.catalog.department(area.departmentId) : undefined;
    const waiting = t.status === 'waiting';
    const ahead = waiting ? store.tickets.waitingAhead(t) : 0;
    const job = store.printJobs.latestOfTicket(t.id);
    return {
      id: t.id, number: t.number, areaId: t.areaId, areaCode: area?.code ?? '', areaName: area?.name ?? '',
      departmentId: dept?.id ?? '', departmentName: dept?.name ?? '', status: t.status, priority: t.priority, priorityGroup: t.priorityGroup,
      businessDay: t.businessDay, issuedAt: iso(t.issuedAt)!, calledAt: iso(t.calledAt), finishedAt: iso(t.finishedAt),
      waitingAhead: ahead,
      estimatedWaitMin: waiting && t.businessDay === today() ? estimateWaitMin({ ahead, avgServiceSec: avgServiceSec(t.areaId), servingCounters: servingCounters(t.areaId) }) : null,
      counter: t.status === 'called' || t.status === 'serving' || t.status === 'done' || t.status === 'no_show' ? counterRef(t.counterId) : null,
      targetCounterId: t.targetCounterId, recalls: t.recalls, transfers: t.transfers,
      trackUrl: `${opts.publicUrl()}/t/${t.id}`, dossierCode: t.dossierCode, note: t.note,
      ...(job ? { print: { status: job.status === 'printing' ? 'queued' : job.status, ...(job.message ? { message: job.message } : {}) } } : {}),
    };
  }

  function counter(c: Counter, hideIds = false): CounterDto {
    const cur = c.currentTicketId ? store.tickets.get(c.currentTicketId) : undefined;
    const clerk = c.clerkId ? store.accounts.user(c.clerkId) : undefined;
    return {
      id: c.id, number: c.number, name: c.name, areaIds: c.areaIds, status: c.status,
      clerk: clerk ? { id: clerk.id, username: clerk.username, displayName: clerk.displayName } : null,
      currentTicket: cur ? { ...(hideIds ? {} : { id: cur.id }), number: cur.number, areaId: cur.areaId, status: cur.status, calledAt: iso(cur.calledAt), priority: cur.priority } : null,
      updatedAt: iso(c.updatedAt)!,
    };
  }

  function area(a: Area, waiting: Map<string, { n: number; oldest: number }>): AreaDto {
    const dept = store.catalog.department(a.departmentId);
    const day = store.tickets.areaDay(a.id, today());
    const reason = areaAvailability(issuingBlock(deps.settings.get(), a, clock.now()), a, day);
    const w = waiting.get(a.id);
    const serving = servingCounters(a.id);
    return {
      id: a.id, code: a.code, name: a.name, departmentId: a.departmentId, departmentName: dept?.name ?? '', departmentCode: dept?.code ?? '',
      open: a.open, active: a.active, available: reason === null, unavailableReason: reason, waiting: w?.n ?? 0,
      issuedToday: day?.issued ?? 0, dailyLimit: a.dailyLimit, numberStart: a.numberStart, numberEnd: a.numberEnd,
      targetWaitMinutes: a.targetWaitMin, servingCounters: serving,
      estimatedWaitMin: estimateWaitMin({ ahead: w?.n ?? 0, avgServiceSec: avgServiceSec(a.id), servingCounters: serving }),
      longestWaitSec: w ? Math.max(0, Math.round((clock.now() - w.oldest) / 1000)) : 0, hours: a.hours, sort: a.sort,
    };
  }

  const waitingMap = () => new Map(store.tickets.waitingByArea(today()).map((r) => [r.area_id, { n: r.n, oldest: r.oldest }]));

  function call(ticketId: string, counterId: string, recall: boolean, at: number, hideIds = false): CallDto | null {
    const t = store.tickets.get(ticketId);
    const c = counterRef(counterId);
    if (!t || !c) return null;
    return { ticket: { ...(hideIds ? {} : { id: t.id }), number: t.number, areaId: t.areaId }, counter: c, recall, at: iso(at)! };
  }

  function state(tracking?: Ticket): StateDto {
    const hide = Boolean(tracking);
    const waiting = waitingMap();
    const recent = store.journal.recentCalls(today(), 20)
      .map((r) => call(r.ticket_id, r.counter_id, r.type === 'recalled', r.at, hide && r.ticket_id !== tracking?.id))
      .filter((x): x is CallDto => x !== null);
    return {
      counters: store.catalog.counters().filter((c) => c.active).map((c) => counter(c, hide)),
      areas: store.catalog.areas().filter((a) => a.active).map((a) => ({ id: a.id, waiting: waiting.get(a.id)?.n ?? 0 })),
      recentCalls: recent,
      businessDay: today(), serverTime: iso(clock.now())!,
      ...(tracking ? { ticket: ticket(tracking) } : {}),
    };
  }

  return {
    ticket, counter, call, state, counterRef, today,
    /** Active areas; with `all`, inactive ones too (admin screens reactivate them). */
    areas: (all = false): AreaDto[] => { const w = waitingMap(); return store.catalog.areas().filter((a) => all || a.active).map((a) => area(a, w)); },
    area: (a: Area): AreaDto => area(a, waitingMap()),
    waitingCount: (areaId: string) => store.tickets.waitingCount(today(), areaId),
  };
}

export type TicketView = ReturnType<typeof createTicketView>;
