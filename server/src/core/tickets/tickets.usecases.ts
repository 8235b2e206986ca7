import { AppError } from '../../contract/errors.ts';
import type { TicketChannel } from '../../contract/dto.ts';
import type { Actor, NewTicket, Ticket } from '../entities.ts';
import { newId } from '../ids.ts';
import type { TxDeps } from '../ports.ts';
import { businessDay } from '../time/zoned-time.ts';
import { areaAvailability, BLOCK_ERRORS, issuingBlock, nextNumber } from './ticket.rules.ts';
import { newWaitingTicket } from './ticket.new.ts';

export interface IssueInput {
  /** Optional when `procedureId` is given: the ticket is in the procedure's area. */
  areaId?: string;
  procedureId?: string;
  priority?: boolean;
  priorityGroup?: string | null;
  idempotencyKey?: string;
  actor: Actor;
  /** Default: 'staff' for a signed-in user, 'kiosk' for a device. */
  channel?: TicketChannel;
  /** An appointment's slot start: it waits as if issued then. */
  queueAt?: number;
  /** The citizen the ticket is for (core/citizens): the keyed hash and at most the last three digits. */
  citizen?: { hash: string; last3: string };
}

/**
 * Issues a ticket: the number comes from area_days inside the same transaction as the insert,
 * so two kiosks at the same instant can never get one number. A retried idempotency key gets
 * the ticket it got the first time.
 */
export function issueTicket(tx: TxDeps, input: IssueInput): { ticket: Ticket; created: boolean } {
  if (input.idempotencyKey) {
    const existing = tx.store.tickets.byIdempotencyKey(input.actor.id, input.idempotencyKey);
    if (existing) return { ticket: existing, created: false };
  }
  return issueNewTicket(tx, input);
}

/**
 * issueTicket without the idempotency key's look-up: for a caller that has just looked that key up for the same
 * actor in the same transaction (the unique index still refuses a second ticket for it).
 */
export function issueNewTicket(tx: TxDeps, input: IssueInput): { ticket: Ticket; created: true } {
  const { store, clock } = tx;
  const issuerId = input.actor.id;
  const procedure = input.procedureId ? store.procedures.get(input.procedureId) : undefined;
  if (input.procedureId) {
    if (!procedure) throw new AppError('procedure.not_found');
    if (!procedure.active) throw new AppError('procedure.withdrawn');
    if (input.areaId && input.areaId !== procedure.areaId) throw new AppError('procedure.area_mismatch');
  }
  const area = store.catalog.area(procedure?.areaId ?? input.areaId ?? '');
  if (!area || !area.active) throw new AppError('area.not_found');
  const settings = tx.settings.get();
  const now = clock.now();
  const day = businessDay(now, settings.timeZone);
  const state = store.tickets.areaDay(area.id, day);
  const reason = areaAvailability(
    issuingBlock(settings, area, now),
    area,
    state,
    // areaServed (contract/counter.coverage.ts) counted in SQL over the area's own counters, none of them read.
    store.catalog.areaCounterCounts(area.id).active > 0,
  );
  if (reason) throw new AppError(BLOCK_ERRORS[reason]);
  const { seq, number } = nextNumber(area, state);
  const priority = Boolean(input.priority || input.priorityGroup);
  const draft: NewTicket = newWaitingTicket({
    id: newId(),
    number,
    seq,
    businessDay: day,
    areaId: area.id,
    priority,
    priorityGroup: priority ? (input.priorityGroup ?? null) : null,
    issuedAt: now,
    issuerKind: input.actor.kind === 'device' ? input.actor.deviceKind : input.actor.kind,
    issuerId,
    idempotencyKey: input.idempotencyKey ?? null,
    procedureId: procedure?.id ?? null,
    channel: input.channel ?? (input.actor.kind === 'user' ? 'staff' : 'kiosk'),
    ...(input.queueAt !== undefined ? { queueAt: input.queueAt } : {}),
    citizenHash: input.citizen?.hash ?? null,
    citizenLast3: input.citizen?.last3 ?? null,
  });
  // The row as stored (issue_seq and queue_at are computed by the insert): not read back.
  const ticket = store.tickets.insert(draft);
  store.journal.event({
    at: now,
    businessDay: day,
    ticketId: ticket.id,
    type: 'issued',
    areaId: area.id,
    actorKind: input.actor.kind,
    actorId: issuerId,
    data: { number, priority, channel: ticket.channel, ...(procedure ? { procedureId: procedure.id } : {}) },
  });
  tx.emit({ type: 'ticket:issued', ticketId: ticket.id });
  tx.emit({ type: 'queue:updated', areaId: area.id });
  return { ticket, created: true };
}

/**
 * Day close: tickets still waiting from an earlier business day become `expired`.
 * Runs at start-up and whenever the business day turns.
 */
export function expireStaleTickets(tx: TxDeps): number {
  const now = tx.clock.now();
  const today = businessDay(now, tx.settings.get().timeZone);
  const stale = tx.store.tickets.staleWaiting(today);
  const areas = new Set<string>();
  for (const t of stale) {
    tx.store.tickets.update(t.id, { status: 'expired', finishedAt: now });
    tx.store.journal.event({
      at: now,
      businessDay: t.businessDay,
      ticketId: t.id,
      type: 'expired',
      areaId: t.areaId,
      actorKind: 'system',
      actorId: 'system',
    });
    tx.emit({ type: 'ticket:updated', ticketId: t.id });
    areas.add(t.areaId);
  }
  for (const a of areas) tx.emit({ type: 'queue:updated', areaId: a });
  return stale.length;
}

export function annotateTicket(
  tx: TxDeps,
  input: { ticket: Ticket; dossierCode?: string | null; note?: string | null; actor: Actor },
): Ticket {
  const patch: { dossierCode?: string | null; note?: string | null } = {};
  if (input.dossierCode !== undefined) patch.dossierCode = input.dossierCode || null;
  if (input.note !== undefined) patch.note = input.note || null;
  tx.store.tickets.update(input.ticket.id, patch);
  tx.store.journal.event({
    at: tx.clock.now(),
    businessDay: input.ticket.businessDay,
    ticketId: input.ticket.id,
    type: 'annotated',
    counterId: input.ticket.counterId,
    areaId: input.ticket.areaId,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    data: patch,
  });
  tx.emit({ type: 'ticket:updated', ticketId: input.ticket.id });
  return tx.store.tickets.get(input.ticket.id)!;
}
