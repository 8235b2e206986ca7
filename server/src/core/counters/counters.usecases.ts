import { callersOf, callingNow } from '../../contract/counter.coverage.ts';
import type { ActionWarning } from '../../contract/dto.ts';
import { AppError } from '../../contract/errors.ts';
import type { Actor, Counter, Ticket } from '../entities.ts';
import type { TxDeps } from '../ports.ts';
import { businessDay } from '../time/zoned-time.ts';
import { isCallable, isCurrent } from '../tickets/ticket.rules.ts';
import { requireCounter, requireHolder, requireWorking } from './counter.access.ts';

/**
 * What a clerk does at a counter. Each function runs inside one transaction (see ports.createUnitOfWork);
 * ticket selection and the status change happen in that same transaction, which is why two counters
 * can never call the same ticket.
 */

/**
 * `expectedTicketId` is what the clerk's screen showed when the key was pressed: the current ticket's id, or null
 * for "nobody at my counter". Absent: not checked (the contract's body-less calls). A fast double press sends the
 * same view twice; the second finds another current ticket and is refused instead of finishing a citizen unseen.
 */
interface CounterAction {
  counterId: string;
  actor: Actor;
  expectedTicketId?: string | null;
}

function saveCounter(
  tx: TxDeps,
  c: Counter,
  patch: Partial<Pick<Counter, 'status' | 'clerkId' | 'currentTicketId'>>,
): Counter {
  const next = { ...c, ...patch, updatedAt: tx.clock.now() };
  tx.store.catalog.saveCounterState(next);
  tx.emit({ type: 'counter:updated', counterId: c.id });
  return next;
}

function log(tx: TxDeps, t: Ticket, type: string, actor: Actor, counterId: string | null, data?: unknown): void {
  tx.store.journal.event({
    at: tx.clock.now(),
    businessDay: t.businessDay,
    ticketId: t.id,
    type,
    counterId,
    areaId: t.areaId,
    actorKind: actor.kind,
    actorId: actor.id,
    data,
  });
}

function currentTicket(tx: TxDeps, c: Counter): Ticket | undefined {
  if (!c.currentTicketId) return undefined;
  const t = tx.store.tickets.get(c.currentTicketId);
  return t && isCurrent(t) && t.counterId === c.id ? t : undefined;
}

/** Refuses the action (changing nothing) when the counter's current ticket is no longer the one the clerk saw. */
function requireView(tx: TxDeps, c: Counter, expected: string | null | undefined): void {
  if (expected === undefined) return;
  const cur = currentTicket(tx, c);
  if ((cur?.id ?? null) !== expected)
    throw new AppError('counter.stale_view', undefined, {
      currentTicketId: cur?.id ?? null,
      currentNumber: cur?.number ?? null,
    });
}

function requireCurrent(tx: TxDeps, c: Counter): Ticket {
  const t = currentTicket(tx, c);
  if (!t) throw new AppError('counter.no_current_ticket');
  return t;
}

/** Ends the current ticket with a final status and frees the counter. */
function endCurrent(tx: TxDeps, c: Counter, t: Ticket, status: 'done' | 'no_show', actor: Actor): Counter {
  const now = tx.clock.now();
  const clerkId = c.clerkId ?? (actor.kind === 'user' ? actor.id : null);
  tx.store.tickets.update(t.id, { status, finishedAt: now, counterId: c.id, clerkId });
  log(tx, t, status === 'done' ? 'finished' : 'no_show', actor, c.id, {
    serviceSec: t.calledAt ? Math.round((now - t.calledAt) / 1000) : null,
  });
  tx.emit({ type: 'ticket:updated', ticketId: t.id });
  if (status === 'done') tx.emit({ type: 'rating:requested', counterId: c.id, ticketId: t.id });
  return saveCounter(tx, c, { currentTicketId: null });
}

function callTicket(tx: TxDeps, c: Counter, t: Ticket, actor: Actor): Ticket {
  const now = tx.clock.now();
  const clerkId = c.clerkId ?? (actor.kind === 'user' ? actor.id : null);
  tx.store.tickets.update(t.id, {
    status: 'called',
    calledAt: now,
    firstCalledAt: t.firstCalledAt ?? now,
    counterId: c.id,
    clerkId,
    targetCounterId: null,
  });
  log(tx, t, 'called', actor, c.id, { from: t.status });
  saveCounter(tx, c, { currentTicketId: t.id, status: 'open' });
  tx.emit({ type: 'ticket:called', ticketId: t.id, counterId: c.id, recall: false, at: now });
  tx.emit({ type: 'ticket:updated', ticketId: t.id });
  tx.emit({ type: 'queue:updated', areaId: t.areaId });
  return tx.store.tickets.get(t.id)!;
}

function prepareCall(tx: TxDeps, input: CounterAction): Counter {
  let c = requireCounter(tx, input.counterId);
  requireHolder(tx, c, input.actor);
  requireWorking(c);
  requireView(tx, c, input.expectedTicketId);
  const cur = currentTicket(tx, c);
  // Calling while a citizen is current finishes that ticket exactly as `finish` would.
  if (cur) c = endCurrent(tx, c, cur, 'done', input.actor);
  return c;
}

export function openCounter(tx: TxDeps, input: CounterAction): Counter {
  const c = requireCounter(tx, input.counterId);
  const actor = input.actor;
  if (actor.kind !== 'user') throw new AppError('auth.forbidden');
  if (c.clerkId && c.clerkId !== actor.id) requireHolder(tx, c, { ...actor, role: 'clerk' });
  const other = tx.store.catalog.counterOfClerk(actor.id);
  if (other && other.id !== c.id) {
    throw new AppError('counter.clerk_has_other', `Bạn đang giữ quầy số ${other.number}. Hãy đóng quầy đó trước.`, {
      counterId: other.id,
      number: other.number,
    });
  }
  tx.store.journal.audit({
    at: tx.clock.now(),
    actorKind: 'user',
    actorId: actor.id,
    action: 'counter.open',
    entity: 'counter',
    entityId: c.id,
  });
  return saveCounter(tx, c, { clerkId: actor.id, status: c.status === 'closed' ? 'open' : c.status });
}

export function callNext(tx: TxDeps, input: CounterAction): Ticket | null {
  const c = prepareCall(tx, input);
  const day = businessDay(tx.clock.now(), tx.settings.get().timeZone);
  const next = tx.store.tickets.nextForCounter(day, c.id);
  if (!next) {
    if (c.status === 'paused') saveCounter(tx, c, { status: 'open' });
    return null;
  }
  return callTicket(tx, c, next, input.actor);
}

export function callSpecific(tx: TxDeps, input: CounterAction & { ticketId: string }): Ticket {
  const t = tx.store.tickets.get(input.ticketId);
  if (!t) throw new AppError('ticket.not_found');
  // Check before finishing the current ticket, so a refused call changes nothing.
  const c0 = requireCounter(tx, input.counterId);
  requireHolder(tx, c0, input.actor);
  requireWorking(c0);
  requireView(tx, c0, input.expectedTicketId);
  if (!isCallable(t)) throw new AppError('ticket.not_callable');
  if (t.businessDay !== businessDay(tx.clock.now(), tx.settings.get().timeZone)) throw new AppError('ticket.not_today');
  const c = prepareCall(tx, input);
  return callTicket(tx, c, t, input.actor);
}

export function recall(tx: TxDeps, input: CounterAction): Ticket {
  const c = requireCounter(tx, input.counterId);
  requireHolder(tx, c, input.actor);
  requireView(tx, c, input.expectedTicketId);
  const t = requireCurrent(tx, c);
  const now = tx.clock.now();
  tx.store.tickets.update(t.id, { recalls: t.recalls + 1 });
  log(tx, t, 'recalled', input.actor, c.id, { recalls: t.recalls + 1 });
  tx.emit({ type: 'ticket:called', ticketId: t.id, counterId: c.id, recall: true, at: now });
  tx.emit({ type: 'ticket:updated', ticketId: t.id });
  return tx.store.tickets.get(t.id)!;
}

/** Marks the current ticket as being served (optional step: service time still runs from the call). */
export function startServing(tx: TxDeps, input: CounterAction): Ticket {
  const c = requireCounter(tx, input.counterId);
  requireHolder(tx, c, input.actor);
  requireView(tx, c, input.expectedTicketId);
  const t = requireCurrent(tx, c);
  if (t.status === 'called') {
    tx.store.tickets.update(t.id, { status: 'serving' });
    log(tx, t, 'serving', input.actor, c.id);
    tx.emit({ type: 'ticket:updated', ticketId: t.id });
    tx.emit({ type: 'counter:updated', counterId: c.id });
  }
  return tx.store.tickets.get(t.id)!;
}

export function finish(tx: TxDeps, input: CounterAction, status: 'done' | 'no_show' = 'done'): Ticket {
  const c = requireCounter(tx, input.counterId);
  requireHolder(tx, c, input.actor);
  requireView(tx, c, input.expectedTicketId);
  const t = requireCurrent(tx, c);
  endCurrent(tx, c, t, status, input.actor);
  return tx.store.tickets.get(t.id)!;
}

export interface TransferInput extends CounterAction {
  areaId?: string;
  toCounterId?: string;
  /** Transfer even to a closed counter: the clerk saw the warning and confirmed. */
  force?: boolean;
}

/**
 * Sends the current citizen to wait again elsewhere, keeping the number and the place by issue time. A closed
 * counter is refused unless forced (nobody would call the citizen); the answer warns whenever no open counter
 * can call the ticket now, so the clerk can tell the citizen.
 */
export function transfer(tx: TxDeps, input: TransferInput): { ticket: Ticket; warning: ActionWarning | null } {
  const c = requireCounter(tx, input.counterId);
  requireHolder(tx, c, input.actor);
  requireView(tx, c, input.expectedTicketId);
  const t = requireCurrent(tx, c);
  const patch: Parameters<typeof tx.store.tickets.update>[1] = {
    status: 'waiting',
    calledAt: null,
    counterId: null,
    clerkId: null,
    transfers: t.transfers + 1,
  };
  let warning: ActionWarning | null = null;
  const all = tx.store.catalog.counters();
  if (input.areaId) {
    const area = tx.store.catalog.area(input.areaId);
    if (!area || !area.active) throw new AppError('area.not_found');
    Object.assign(patch, { areaId: area.id, targetCounterId: null });
    const callers = callersOf({ areaId: area.id, targetCounterId: null }, all);
    if (!callers.length)
      warning = {
        code: 'transfer.no_counter',
        message: `Chưa có quầy nào phục vụ lĩnh vực ${area.name}: số ${t.number} chỉ được gọi khi quản trị viên gán quầy cho lĩnh vực này.`,
      };
    else if (!callers.some(callingNow))
      warning = {
        code: 'transfer.no_open_counter',
        message: `Lĩnh vực ${area.name} chưa có quầy nào đang mở: số ${t.number} sẽ được gọi khi có quầy mở.`,
      };
  } else if (input.toCounterId) {
    if (input.toCounterId === c.id) throw new AppError('transfer.same_counter');
    const target = tx.store.catalog.counter(input.toCounterId);
    if (!target || !target.active) throw new AppError('counter.not_found');
    if (target.status === 'closed') {
      if (!input.force) {
        throw new AppError(
          'counter.closed',
          `Quầy số ${target.number} đang đóng: chưa ai gọi được số ${t.number} ở đó. Chỉ chuyển nếu quầy sẽ mở lại (gửi force: true).`,
          { counterId: target.id, number: target.number },
        );
      }
      warning = {
        code: 'transfer.counter_closed',
        message: `Quầy số ${target.number} đang đóng: số ${t.number} sẽ chờ đến khi quầy mở lại.`,
      };
    } else if (!callingNow(target)) {
      warning = {
        code: 'transfer.counter_paused',
        message: `Quầy số ${target.number} đang tạm dừng: số ${t.number} sẽ được gọi khi quầy phục vụ lại.`,
      };
    }
    patch.targetCounterId = target.id;
  } else {
    throw new AppError('transfer.target_required');
  }
  tx.store.tickets.update(t.id, patch);
  log(tx, t, 'transferred', input.actor, c.id, {
    toAreaId: input.areaId ?? null,
    toCounterId: input.toCounterId ?? null,
    fromAreaId: t.areaId,
    ...(warning ? { warning: warning.code } : {}),
  });
  saveCounter(tx, c, { currentTicketId: null });
  tx.emit({ type: 'ticket:updated', ticketId: t.id });
  tx.emit({ type: 'queue:updated', areaId: t.areaId });
  if (patch.areaId && patch.areaId !== t.areaId) tx.emit({ type: 'queue:updated', areaId: patch.areaId });
  return { ticket: tx.store.tickets.get(t.id)!, warning };
}

export function setPaused(tx: TxDeps, input: CounterAction, paused: boolean): Counter {
  const c = requireCounter(tx, input.counterId);
  requireHolder(tx, c, input.actor);
  requireWorking(c);
  tx.store.journal.audit({
    at: tx.clock.now(),
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    action: paused ? 'counter.pause' : 'counter.resume',
    entity: 'counter',
    entityId: c.id,
  });
  return saveCounter(tx, c, { status: paused ? 'paused' : 'open' });
}

export function closeCounter(tx: TxDeps, input: CounterAction): Counter {
  const c = requireCounter(tx, input.counterId);
  requireHolder(tx, c, input.actor);
  if (currentTicket(tx, c)) throw new AppError('counter.has_current_ticket');
  tx.store.journal.audit({
    at: tx.clock.now(),
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    action: 'counter.close',
    entity: 'counter',
    entityId: c.id,
  });
  return saveCounter(tx, c, { status: 'closed', clerkId: null, currentTicketId: null });
}
