import type { BookingDto, StaffBookingsDto } from '../../contract/dto.ts';
import type { Deps } from '../ports.ts';
import type { TicketView } from '../tickets/ticket.view.ts';
import { toIso } from '../time/zoned-time.ts';
import type { Booking } from './booking.port.ts';
import { bookingStatus } from './booking.slots.ts';

/** How long ahead a booking counts as `due` in the staff list and the control room. */
export const DUE_WITHIN_MS = 60 * 60_000;

/** Bookings as their holders and as staff see them: never the hash, staff only the last three digits. */
export function createBookingView(deps: Deps, tickets: TicketView) {
  const tz = () => deps.settings.get().timeZone;
  const status = (b: Booking) => bookingStatus(b, deps.clock.now(), deps.settings.get().booking.checkInLateMinutes);
  const procedureRef = (id: string | null) => {
    const p = id ? deps.store.procedures.get(id) : undefined;
    return p ? { id: p.id, code: p.code, name: p.name } : null;
  };

  function booking(b: Booking): BookingDto {
    const t = b.ticketId ? deps.store.tickets.get(b.ticketId) : undefined;
    return {
      code: b.code,
      areaId: b.areaId,
      areaName: deps.store.catalog.area(b.areaId)?.name ?? '',
      procedure: procedureRef(b.procedureId),
      start: toIso(b.startAt, tz()),
      end: toIso(b.endAt, tz()),
      status: status(b),
      ...(t ? { ticket: { id: t.id, number: t.number, trackUrl: tickets.publicTicket(t).trackUrl } } : {}),
    };
  }

  function staffList(day: string): StaffBookingsDto {
    const now = deps.clock.now();
    const totals = { booked: 0, checkedIn: 0, cancelled: 0, missed: 0, due: 0 };
    const bookings = deps.store.bookings.byDay(day).map((b) => {
      const st = status(b);
      if (st === 'booked') totals.booked++;
      else if (st === 'checked_in') totals.checkedIn++;
      else if (st === 'cancelled') totals.cancelled++;
      else totals.missed++;
      if (st === 'booked' && b.startAt <= now + DUE_WITHIN_MS) totals.due++;
      const p = procedureRef(b.procedureId);
      const t = b.ticketId ? deps.store.tickets.get(b.ticketId) : undefined;
      return {
        code: b.code,
        areaId: b.areaId,
        procedureId: p?.id ?? null,
        procedureName: p?.name ?? null,
        start: toIso(b.startAt, tz()),
        end: toIso(b.endAt, tz()),
        status: st,
        idLast3: b.citizenLast3,
        ticketNumber: t?.number ?? null,
      };
    });
    return { date: day, totals, bookings };
  }

  return { booking, staffList };
}

export type BookingView = ReturnType<typeof createBookingView>;
