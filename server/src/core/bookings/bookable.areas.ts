import type { BookableAreaDto } from '../../contract/dto.ts';
import { AppError } from '../../contract/errors.ts';
import { areaServed } from '../../contract/counter.coverage.ts';
import type { Deps } from '../ports.ts';
import { areaAvailability, issuingBlock } from '../tickets/ticket.rules.ts';
import { onlineCapacity } from './booking.slots.ts';

/**
 * The areas /book offers (GET /api/public/booking/areas): active areas with online slots (their share of the
 * slot capacity, when booking is on) or a remote number to take now (remote tickets on, and the area would issue
 * one: open, in hours, not at its limit, served by a counter). Neither on: the feature is off for everyone.
 */
export function bookableAreas(deps: Deps, today: string): BookableAreaDto[] {
  const st = deps.settings.get();
  if (!st.booking.enabled && !st.booking.remoteTickets) throw new AppError('booking.disabled');
  const { catalog, tickets } = deps.store;
  const now = deps.clock.now();
  const counters = catalog.counters();
  return catalog
    .areas()
    .filter((a) => a.active)
    .map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      departmentName: catalog.department(a.departmentId)?.name ?? '',
      slotCapacity: st.booking.enabled ? onlineCapacity(a.bookingSlotCapacity, st.booking.onlineSharePercent) : 0,
      remoteAvailable:
        st.booking.remoteTickets &&
        areaAvailability(issuingBlock(st, a, now), a, tickets.areaDay(a.id, today), areaServed(a.id, counters)) ===
          null,
    }))
    .filter((a) => a.slotCapacity > 0 || a.remoteAvailable);
}
