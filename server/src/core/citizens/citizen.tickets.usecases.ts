import { AppError } from '../../contract/errors.ts';
import type { Actor, Ticket } from '../entities.ts';
import type { TxDeps } from '../ports.ts';
import { businessDay } from '../time/zoned-time.ts';
import { issueNewTicket, type IssueInput } from '../tickets/tickets.usecases.ts';
import { checkInBooking, normalizeCode, resolveArea } from '../bookings/bookings.usecases.ts';
import { checkInWindow } from '../bookings/booking.slots.ts';
import type { CitizenKeyer } from './citizen.identity.ts';
import { citizenKey, isElderly, requireWithinLimits } from './citizen.limits.ts';

export interface CitizenIssueInput extends IssueInput {
  bookingCode?: string | undefined;
  citizenId?: string | undefined;
  citizenQr?: string | undefined;
  /** The route checked the staff override PIN (a wrong one never gets here). */
  overrideAccepted?: boolean;
}

type Issued = { ticket: Ticket; created: boolean };

/**
 * POST /api/tickets with what issue 13 adds: a booking code checks that booking in; a citizen's card (typed or
 * QR) counts against the citizen's limits, checks in the citizen's booking of that area when its window is open,
 * and gives elderly citizens priority. Without either, a kiosk that requires the card refuses unless staff
 * overrode it. A retried idempotency key answers the first ticket before any of this is counted again.
 */
// The citizen keyer comes inside the input like the actor (one use-case shape), and is taken out at once: the rest
// of the input may be logged or spread into other inputs, the key must never be.
export function issueForCitizen(tx: TxDeps, { keyer, ...input }: CitizenIssueInput & { keyer: CitizenKeyer }): Issued {
  // The key is looked up once, here: nothing below writes a ticket before issueNewTicket.
  if (input.idempotencyKey) {
    const existing = tx.store.tickets.byIdempotencyKey(input.actor.id, input.idempotencyKey);
    if (existing) return { ticket: existing, created: false };
  }
  const base = baseInput(input);
  if (input.bookingCode !== undefined)
    return checkInBooking(tx, { code: input.bookingCode, actor: input.actor, idempotencyKey: input.idempotencyKey });
  const settings = tx.settings.get();
  const now = tx.clock.now();
  const today = businessDay(now, settings.timeZone);
  const citizen = citizenKey(keyer, input, today);
  if (!citizen) {
    const kiosk = input.actor.kind === 'device' && input.actor.deviceKind === 'kiosk';
    if (kiosk && settings.citizenLimits.requireCardAtKiosk && !input.overrideAccepted)
      throw new AppError('citizen.card_required');
    return issueNewTicket(tx, base);
  }
  const { area } = resolveArea(tx.store, input);
  const due = tx.store.bookings
    .openOfCitizen(citizen.hash, today)
    .find((b) => b.areaId === area.id && checkInWindow(b.startAt, now, settings.booking) === 'open');
  if (due) return checkInBooking(tx, { code: due.code, actor: input.actor, idempotencyKey: input.idempotencyKey });
  requireWithinLimits(tx.store, settings, now, citizen.hash, today, area.id);
  return issueNewTicket(tx, {
    ...base,
    priority: Boolean(input.priority) || isElderly(citizen, today, settings),
    citizen: { hash: citizen.hash, last3: citizen.last3 },
  });
}

/** The remote actor: tickets taken from a phone have no device or user behind them. */
export const REMOTE: Actor = { kind: 'system', id: 'remote' };

/**
 * POST /api/public/tickets: a number for today from a phone, same limits as every channel, channel `remote`.
 * The idempotency key is the citizen's own (prefixed with the hash), so two phones never share a ticket.
 */
export function issueRemoteTicket(
  tx: TxDeps,
  {
    keyer,
    ...input
  }: {
    areaId?: string | undefined;
    procedureId?: string | undefined;
    citizenId: string;
    idempotencyKey?: string;
    keyer: CitizenKeyer;
  },
): Issued {
  const settings = tx.settings.get();
  if (!settings.booking.remoteTickets) throw new AppError('booking.disabled');
  const now = tx.clock.now();
  const today = businessDay(now, settings.timeZone);
  const citizen = citizenKey(keyer, { citizenId: input.citizenId }, today)!;
  const key = input.idempotencyKey ? `${citizen.hash.slice(0, 24)}:${input.idempotencyKey}` : undefined;
  if (key) {
    const existing = tx.store.tickets.byIdempotencyKey(REMOTE.id, key);
    if (existing) return { ticket: existing, created: false };
  }
  const { area, procedure } = resolveArea(tx.store, input);
  requireWithinLimits(tx.store, settings, now, citizen.hash, today, area.id);
  return issueNewTicket(tx, {
    areaId: area.id,
    ...(procedure ? { procedureId: procedure.id } : {}),
    priority: isElderly(citizen, today, settings),
    actor: REMOTE,
    channel: 'remote',
    ...(key ? { idempotencyKey: key } : {}),
    citizen: { hash: citizen.hash, last3: citizen.last3 },
  });
}

function baseInput(input: CitizenIssueInput): IssueInput {
  return {
    ...(input.areaId !== undefined ? { areaId: input.areaId } : {}),
    ...(input.procedureId !== undefined ? { procedureId: input.procedureId } : {}),
    ...(input.priority !== undefined ? { priority: input.priority } : {}),
    ...(input.priorityGroup !== undefined ? { priorityGroup: input.priorityGroup } : {}),
    ...(input.idempotencyKey !== undefined ? { idempotencyKey: input.idempotencyKey } : {}),
    actor: input.actor,
    ...(input.channel ? { channel: input.channel } : {}),
  };
}

export { normalizeCode };
