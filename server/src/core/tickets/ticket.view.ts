import type {
  AreaDto,
  CallDto,
  CounterDto,
  CounterRef,
  ProcedureRef,
  PublicCounterDto,
  PublicTicketDto,
  StateDto,
  TicketDto,
} from '../../contract/dto.ts';
import type { Area, Counter, Ticket } from '../entities.ts';
import type { Deps } from '../ports.ts';
import { businessDay, toIso } from '../time/zoned-time.ts';
import { areaAvailability, estimateWaitMin, issuingBlock } from './ticket.rules.ts';
import { toPublicTicket } from './ticket.public.ts';
import { createViewMemo } from './ticket.view.memo.ts';

export interface ViewOptions {
  publicUrl: () => string;
}

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
      const rows = store.tickets.averageServiceByArea(today());
      stats = { at: now, day: today(), avg: new Map(rows.map((r) => [r.areaId, r.avgSec])) };
    }
    return stats.avg.get(areaId) ?? null;
  };
  const servingCounters = (areaId: string) => store.catalog.areaCounterCounts(areaId).open;

  const counterRef = (id: string | null): CounterRef | null => {
    const c = id ? store.catalog.counter(id) : undefined;
    return c ? { id: c.id, number: c.number, name: c.name } : null;
  };

  /** The counter a transferred ticket waits for, by number and name: what the citizen's phone shows (public). */
  const waitingFor = (t: Ticket): TicketDto['waitingFor'] => {
    const c = t.status === 'waiting' && t.targetCounterId ? store.catalog.counter(t.targetCounterId) : undefined;
    return c ? { counterNumber: c.number, counterName: c.name } : null;
  };

  /** The procedure a ticket carries, withdrawn or not (past tickets keep theirs). */
  const procedureRef = (id: string | null): ProcedureRef | null => {
    const p = id ? store.procedures.get(id) : undefined;
    return p ? { id: p.id, code: p.code, name: p.name } : null;
  };

  // Reused while nothing is written (ticket.view.memo.ts): the issue path asks for one ticket twice (event, answer).
  const memo = createViewMemo(store, today);
  const ticket = (t: Ticket): TicketDto => memo(t, build);

  function build(t: Ticket): TicketDto {
    const area = store.catalog.area(t.areaId);
    const dept = area ? store.catalog.department(area.departmentId) : undefined;
    const waiting = t.status === 'waiting';
    const ahead = waiting ? store.tickets.waitingAhead(t) : 0;
    const job = store.printJobs.latestOfTicket(t.id);
    return {
      id: t.id,
      number: t.number,
      areaId: t.areaId,
      areaCode: area?.code ?? '',
      areaName: area?.name ?? '',
      departmentId: dept?.id ?? '',
      departmentName: dept?.name ?? '',
      status: t.status,
      priority: t.priority,
      priorityGroup: t.priorityGroup,
      businessDay: t.businessDay,
      issuedAt: iso(t.issuedAt)!,
      calledAt: iso(t.calledAt),
      finishedAt: iso(t.finishedAt),
      waitingAhead: ahead,
      estimatedWaitMin:
        waiting && t.businessDay === today()
          ? estimateWaitMin({
              ahead,
              avgServiceSec: avgServiceSec(t.areaId),
              servingCounters: servingCounters(t.areaId),
            })
          : null,
      counter:
        t.status === 'called' || t.status === 'serving' || t.status === 'done' || t.status === 'no_show'
          ? counterRef(t.counterId)
          : null,
      targetCounterId: t.targetCounterId,
      waitingFor: waitingFor(t),
      recalls: t.recalls,
      transfers: t.transfers,
      trackUrl: `${opts.publicUrl()}/t/${t.id}`,
      procedure: procedureRef(t.procedureId),
      channel: t.channel,
      dossierCode: t.dossierCode,
      note: t.note,
      idLast3: t.citizenLast3,
      // An expired job was never printed: to the caller that is a failed print, with the reason as its message.
      ...(job
        ? {
            print: {
              status: job.status === 'printing' ? 'queued' : job.status === 'expired' ? 'failed' : job.status,
              ...(job.message ? { message: job.message } : {}),
            },
          }
        : {}),
    };
  }

  /** For anonymous callers, kiosks, displays and rating pads: the public fields only (see PublicTicketDto). */
  const publicTicket = (t: Ticket): PublicTicketDto => toPublicTicket(ticket(t));

  /** A counter without who holds it: what every screen but staff's sees. `hideIds`: a tracking phone's view. */
  function publicCounter(c: Counter, hideIds = false): PublicCounterDto {
    const cur = c.currentTicketId ? store.tickets.get(c.currentTicketId) : undefined;
    return {
      id: c.id,
      number: c.number,
      name: c.name,
      areaIds: c.areaIds,
      status: c.status,
      clerk: null,
      currentTicket: cur
        ? {
            ...(hideIds ? {} : { id: cur.id }),
            number: cur.number,
            areaId: cur.areaId,
            status: cur.status,
            calledAt: iso(cur.calledAt),
            priority: cur.priority,
            channel: cur.channel,
          }
        : null,
      updatedAt: iso(c.updatedAt)!,
    };
  }

  /** A counter as staff see it: with the clerk who holds it. */
  function counter(c: Counter, hideIds = false): CounterDto {
    const clerk = c.clerkId ? store.accounts.user(c.clerkId) : undefined;
    return {
      ...publicCounter(c, hideIds),
      clerk: clerk ? { id: clerk.id, username: clerk.username, displayName: clerk.displayName } : null,
    };
  }

  function area(a: Area, waiting: Map<string, { n: number; oldest: number }>): AreaDto {
    const dept = store.catalog.department(a.departmentId);
    const day = store.tickets.areaDay(a.id, today());
    // One count for both: served at all (areaServed's rule, in SQL) and open now (the estimate).
    const counters = store.catalog.areaCounterCounts(a.id);
    const reason = areaAvailability(issuingBlock(deps.settings.get(), a, clock.now()), a, day, counters.active > 0);
    const w = waiting.get(a.id);
    const serving = counters.open;
    return {
      id: a.id,
      code: a.code,
      name: a.name,
      departmentId: a.departmentId,
      departmentName: dept?.name ?? '',
      departmentCode: dept?.code ?? '',
      open: a.open,
      active: a.active,
      available: reason === null,
      unavailableReason: reason,
      waiting: w?.n ?? 0,
      issuedToday: day?.issued ?? 0,
      dailyLimit: a.dailyLimit,
      numberStart: a.numberStart,
      numberEnd: a.numberEnd,
      targetWaitMinutes: a.targetWaitMin,
      servingCounters: serving,
      estimatedWaitMin: estimateWaitMin({
        ahead: w?.n ?? 0,
        avgServiceSec: avgServiceSec(a.id),
        servingCounters: serving,
      }),
      longestWaitSec: w ? Math.max(0, Math.round((clock.now() - w.oldest) / 1000)) : 0,
      hours: a.hours,
      sort: a.sort,
      bookingSlotCapacity: a.bookingSlotCapacity,
    };
  }

  const waitingMap = () =>
    new Map(store.tickets.waitingByArea(today()).map((r) => [r.area_id, { n: r.n, oldest: r.oldest }]));

  function call(ticketId: string, counterId: string, recall: boolean, at: number, hideIds = false): CallDto | null {
    const t = store.tickets.get(ticketId);
    const c = counterRef(counterId);
    if (!t || !c) return null;
    return {
      ticket: { ...(hideIds ? {} : { id: t.id }), number: t.number, areaId: t.areaId, channel: t.channel },
      counter: c,
      recall,
      at: iso(at)!,
    };
  }

  /**
   * The whole-screen snapshot. `staff`: counters with their clerks (signed-in users). Otherwise the public form
   * (kiosks, displays, rating pads); with `tracking`, also without any other ticket's id, plus the phone's own ticket.
   */
  function snapshot(audience: 'staff' | 'public', tracking?: Ticket): StateDto {
    const hide = Boolean(tracking);
    const waiting = waitingMap();
    const recent = store.journal
      .recentCalls(today(), 20)
      // A call at a counter the ticket has since left (a transfer nulls or moves its counter) is not shown again:
      // a reconnecting hall display would put "1005 → QUẦY 1" back in its big box while 1005 waits elsewhere.
      .filter((r) => store.tickets.get(r.ticket_id)?.counterId === r.counter_id)
      .map((r) => call(r.ticket_id, r.counter_id, r.type === 'recalled', r.at, hide && r.ticket_id !== tracking?.id))
      .filter((x): x is CallDto => x !== null);
    const counters = store.catalog.counters().filter((c) => c.active);
    return {
      counters:
        audience === 'staff' && !tracking
          ? counters.map((c) => counter(c))
          : counters.map((c) => publicCounter(c, hide)),
      areas: store.catalog
        .areas()
        .filter((a) => a.active)
        .map((a) => ({ id: a.id, waiting: waiting.get(a.id)?.n ?? 0 })),
      recentCalls: recent,
      businessDay: today(),
      serverTime: iso(clock.now())!,
      ...(tracking ? { ticket: publicTicket(tracking) } : {}),
    };
  }

  return {
    ticket,
    counter,
    publicTicket,
    publicCounter,
    call,
    counterRef,
    today,
    /** Staff's snapshot; with `tracking`, a tracking phone's (public, its own ticket only). */
    state: (tracking?: Ticket): StateDto => snapshot(tracking ? 'public' : 'staff', tracking),
    /** The snapshot of kiosks, displays and rating pads: no clerk identity. */
    publicState: (): StateDto => snapshot('public'),
    /** Active areas; with `all`, inactive ones too (admin screens reactivate them). */
    areas: (all = false): AreaDto[] => {
      const w = waitingMap();
      return store.catalog
        .areas()
        .filter((a) => all || a.active)
        .map((a) => area(a, w));
    },
    area: (a: Area): AreaDto => area(a, waitingMap()),
    waitingCount: (areaId: string) => store.tickets.waitingCount(today(), areaId),
    /**
     * A clerk's console list: the counter's waiting queue (its areas' tickets and those sent to it), and today's
     * no-shows of its areas or called at it (they may be recalled). `undefined`: no such counter.
     */
    counterQueue: (counterId: string): { waiting: TicketDto[]; noShows: TicketDto[] } | undefined => {
      const c = store.catalog.counter(counterId);
      if (!c) return undefined;
      const day = today();
      const waiting = store.tickets.waitingListForCounter(day, c.id, 200).map(ticket);
      const noShows = store.tickets
        .listByStatus(day, 'no_show', 100)
        .filter((t) => c.areaIds.includes(t.areaId) || t.counterId === c.id)
        .map(ticket);
      return { waiting, noShows };
    },
  };
}

export type TicketView = ReturnType<typeof createTicketView>;
