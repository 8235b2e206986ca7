import { AppError } from '../../contract/errors.ts';
import type { Counter, Ticket } from '../entities.ts';
import type { TxDeps } from '../ports.ts';
import { businessDay } from '../time/zoned-time.ts';
import { isCallable } from '../tickets/ticket.rules.ts';
import { requireCounter, requireHolder, requireWorking } from './counter.access.ts';

/**
 * What a clerk does at a counter. Each function runs inside one transaction (see ports.createUnitOfWork);
 * ticket selection and the status change happen in that same transaction, which is why two counters
 * can never call the same ticket.
 */

import {
  saveCounter,
  log,
  currentTicket,
  requireView,
  requireCurrent,
  endCurrent,
  callTicket,
  prepareCall,
  type CounterAction,
} from './counter.steps.ts';

export { transfer, type TransferInput } from './counter.transfer.usecases.ts';

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
