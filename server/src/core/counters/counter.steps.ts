import { AppError } from '../../contract/errors.ts';
import type { Actor, Counter, Ticket } from '../entities.ts';
import type { TxDeps } from '../ports.ts';
import { isCurrent } from '../tickets/ticket.rules.ts';
import { requireCounter, requireHolder, requireWorking } from './counter.access.ts';

/** The steps the counter use cases share: checks of what the clerk saw and holds, journal, calls. */

/**
 * `expectedTicketId` is what the clerk's screen showed when the key was pressed: the current ticket's id, or null
 * for "nobody at my counter". Absent: not checked (the contract's body-less calls). A fast double press sends the
 * same view twice; the second finds another current ticket and is refused instead of finishing a citizen unseen.
 */
export interface CounterAction {
  counterId: string;
  actor: Actor;
  expectedTicketId?: string | null;
}

export function saveCounter(
  tx: TxDeps,
  c: Counter,
  patch: Partial<Pick<Counter, 'status' | 'clerkId' | 'currentTicketId'>>,
): Counter {
  const next = { ...c, ...patch, updatedAt: tx.clock.now() };
  tx.store.catalog.saveCounterState(next);
  tx.emit({ type: 'counter:updated', counterId: c.id });
  return next;
}

export function log(tx: TxDeps, t: Ticket, type: string, actor: Actor, counterId: string | null, data?: unknown): void {
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

export function currentTicket(tx: TxDeps, c: Counter): Ticket | undefined {
  if (!c.currentTicketId) return undefined;
  const t = tx.store.tickets.get(c.currentTicketId);
  return t && isCurrent(t) && t.counterId === c.id ? t : undefined;
}

/** Refuses the action (changing nothing) when the counter's current ticket is no longer the one the clerk saw. */
export function requireView(tx: TxDeps, c: Counter, expected: string | null | undefined): void {
  if (expected === undefined) return;
  const cur = currentTicket(tx, c);
  if ((cur?.id ?? null) !== expected)
    throw new AppError('counter.stale_view', undefined, {
      currentTicketId: cur?.id ?? null,
      currentNumber: cur?.number ?? null,
    });
}

export function requireCurrent(tx: TxDeps, c: Counter): Ticket {
  const t = currentTicket(tx, c);
  if (!t) throw new AppError('counter.no_current_ticket');
  return t;
}

/** Ends the current ticket with a final status and frees the counter. */
export function endCurrent(tx: TxDeps, c: Counter, t: Ticket, status: 'done' | 'no_show', actor: Actor): Counter {
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

export function callTicket(tx: TxDeps, c: Counter, t: Ticket, actor: Actor): Ticket {
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

export function prepareCall(tx: TxDeps, input: CounterAction): Counter {
  let c = requireCounter(tx, input.counterId);
  requireHolder(tx, c, input.actor);
  requireWorking(c);
  requireView(tx, c, input.expectedTicketId);
  const cur = currentTicket(tx, c);
  // Calling while a citizen is current finishes that ticket exactly as `finish` would.
  if (cur) c = endCurrent(tx, c, cur, 'done', input.actor);
  return c;
}
