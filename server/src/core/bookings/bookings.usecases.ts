import { AppError } from '../../contract/errors.ts';
import type { Actor, Area, Procedure, Ticket } from '../entities.ts';
import { newBookingCode } from '../ids.ts';
import type { Deps, TxDeps } from '../ports.ts';
import type { StorePort } from '../store.port.ts';
import { businessDay } from '../time/zoned-time.ts';
import { issueTicket } from '../tickets/tickets.usecases.ts';
import type { CitizenKeyer } from '../citizens/citizen.identity.ts';
import { citizenKey, isElderly, requireWithinLimits } from '../citizens/citizen.limits.ts';
import type { Booking } from './booking.port.ts';
import { bookingStatus, checkInWindow, onlineCapacity, slotsOfDay, type Slot } from './booking.slots.ts';

/** The area (and procedure) a request names, with the same refusals as issuing a ticket. */
export function resolveArea(
  store: StorePort,
  input: { areaId?: string | undefined; procedureId?: string | undefined },
): { area: Area; procedure: Procedure | undefined } {
  const procedure = input.procedureId ? store.procedures.get(input.procedureId) : undefined;
  if (input.procedureId) {
    if (!procedure) throw new AppError('procedure.not_found');
    if (!procedure.active) throw new AppError('procedure.withdrawn');
    if (input.areaId && input.areaId !== procedure.areaId) throw new AppError('procedure.area_mismatch');
  }
  const area = store.catalog.area(procedure?.areaId ?? input.areaId ?? '');
  if (!area || !area.active) throw new AppError('area.not_found');
  return { area, procedure };
}

function requireBookingOn(deps: Deps) {
  const settings = deps.settings.get();
  if (!settings.booking.enabled) throw new AppError('booking.disabled');
  return settings;
}

/** The slots of an area on a day with their online places and what is left of them. */
export function listSlots(deps: Deps, areaId: string, day: string): (Slot & { capacity: number; available: number })[] {
  const settings = requireBookingOn(deps);
  const { area } = resolveArea(deps.store, { areaId });
  const capacity = onlineCapacity(area.bookingSlotCapacity, settings.booking.onlineSharePercent);
  if (capacity === 0) return [];
  const slots = slotsOfDay(settings, area.hours, day, deps.clock.now());
  if (slots.length === 0) return [];
  const taken = deps.store.bookings.taken(area.id, slots[0]!.start, slots[slots.length - 1]!.end);
  return slots.map((s) => ({ ...s, capacity, available: Math.max(0, capacity - (taken.get(s.start) ?? 0)) }));
}

/** Codes are typed from paper or a phone: case, spaces and dashes do not matter. */
export const normalizeCode = (code: string): string => code.replace(/[\s-]+/g, '').toUpperCase();

export interface BookInput {
  areaId?: string | undefined;
  procedureId?: string | undefined;
  start: string;
  citizenId: string;
}

/** Books one online place of a slot for a citizen, within the citizen's limits for that day. */
export function createBooking(tx: TxDeps, { keyer, ...input }: BookInput & { keyer: CitizenKeyer }): Booking {
  const settings = requireBookingOn(tx);
  const { area, procedure } = resolveArea(tx.store, input);
  const now = tx.clock.now();
  const citizen = citizenKey(keyer, { citizenId: input.citizenId }, businessDay(now, settings.timeZone))!;
  // Only an ISO time with its offset names an instant; anything else is not a slot.
  const startAt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(input.start)
    ? Date.parse(input.start)
    : NaN;
  const day = Number.isFinite(startAt) ? businessDay(startAt, settings.timeZone) : '';
  const slot = day ? slotsOfDay(settings, area.hours, day, now).find((s) => s.start === startAt) : undefined;
  const capacity = onlineCapacity(area.bookingSlotCapacity, settings.booking.onlineSharePercent);
  if (!slot || capacity === 0) throw new AppError('booking.not_a_slot');
  sweepBookings(tx);
  requireWithinLimits(tx.store, settings, now, citizen.hash, day, area.id);
  if ((tx.store.bookings.taken(area.id, slot.start, slot.start + 1).get(slot.start) ?? 0) >= capacity)
    throw new AppError('booking.slot_full');
  let code = newBookingCode();
  while (tx.store.bookings.get(code)) code = newBookingCode();
  const booking: Booking = {
    code,
    areaId: area.id,
    procedureId: procedure?.id ?? null,
    businessDay: day,
    startAt: slot.start,
    endAt: slot.end,
    status: 'booked',
    citizenHash: citizen.hash,
    citizenLast3: citizen.last3,
    priority: isElderly(citizen, day, settings),
    ticketId: null,
    createdAt: now,
    updatedAt: now,
  };
  tx.store.bookings.insert(booking);
  return booking;
}

/** The booking behind a code as its holder sees it (status `missed` once the late window is over). */
export function findBooking(deps: Deps, code: string): Booking {
  const b = deps.store.bookings.get(normalizeCode(code));
  if (!b) throw new AppError('booking.not_found');
  return { ...b, status: bookingStatus(b, deps.clock.now(), deps.settings.get().booking.checkInLateMinutes) };
}

/** Cancels an open booking: its place is free again. Cancelling twice answers the same. */
export function cancelBooking(tx: TxDeps, { code }: { code: string }): Booking {
  const b = findBooking(tx, code);
  if (b.status === 'cancelled') return b;
  if (b.status !== 'booked') throw new AppError('booking.not_open');
  tx.store.bookings.update(b.code, { status: 'cancelled', updatedAt: tx.clock.now() });
  tx.store.citizens.purgeHashes(businessDay(tx.clock.now(), tx.settings.get().timeZone));
  return { ...b, status: 'cancelled' };
}

/**
 * Checks a booking in: a ticket in its area and procedure, channel `appointment`, waiting as if issued at the slot
 * start. The same booking again gives the same ticket. Outside its window → booking.too_early / too_late.
 */
export function checkInBooking(
  tx: TxDeps,
  { code, actor, idempotencyKey }: { code: string; actor: Actor; idempotencyKey?: string | undefined },
): { ticket: Ticket; created: boolean } {
  const b = tx.store.bookings.get(normalizeCode(code));
  if (!b || b.status === 'cancelled') throw new AppError('booking.not_found');
  if (b.status === 'checked_in' && b.ticketId) return { ticket: tx.store.tickets.get(b.ticketId)!, created: false };
  const settings = tx.settings.get();
  const window = checkInWindow(b.startAt, tx.clock.now(), settings.booking);
  if (b.status === 'missed' || window === 'too_late') throw new AppError('booking.too_late');
  if (window === 'too_early') throw new AppError('booking.too_early');
  const { ticket, created } = issueTicket(tx, {
    areaId: b.areaId,
    ...(b.procedureId ? { procedureId: b.procedureId } : {}),
    priority: b.priority,
    actor,
    channel: 'appointment',
    queueAt: b.startAt,
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(b.citizenHash ? { citizen: { hash: b.citizenHash, last3: b.citizenLast3 } } : {}),
  });
  tx.store.bookings.update(b.code, { status: 'checked_in', ticketId: ticket.id, updatedAt: tx.clock.now() });
  tx.store.citizens.purgeHashes(businessDay(tx.clock.now(), settings.timeZone));
  return { ticket, created };
}

/**
 * Stores `missed` for bookings past their late window and forgets the hashes nothing needs any more (past days,
 * closed bookings). Runs on every booking write and with the day close.
 */
export function sweepBookings(tx: TxDeps): { missed: number; purged: number } {
  const now = tx.clock.now();
  const settings = tx.settings.get();
  const late = tx.store.bookings.bookedStartedBefore(now - settings.booking.checkInLateMinutes * 60_000);
  for (const b of late) tx.store.bookings.update(b.code, { status: 'missed', updatedAt: now });
  return { missed: late.length, purged: tx.store.citizens.purgeHashes(businessDay(now, settings.timeZone)) };
}
