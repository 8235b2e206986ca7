import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCitizenKeyer } from '../../storage/citizen.secret.ts';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { issueForCitizen } from '../citizens/citizen.tickets.usecases.ts';
import { createBooking, sweepBookings } from './bookings.usecases.ts';

const ID = '001085012345';
function setup() {
  const h = coreHarness('2026-11-26T08:00:00+07:00');
  const keyer = createCitizenKeyer(randomBytes(32));
  h.settings.update({ booking: { enabled: true } }, { kind: 'system', id: 'test' });
  const htct = h.area('HTCT').id;
  h.store.catalog.setBookingSlotCapacity(htct, 1);
  const book = (start: string) => h.run((tx) => createBooking(tx, { keyer, areaId: htct, start, citizenId: ID }));
  const walkIn = (areaId = htct) =>
    h.run((tx) => issueForCitizen(tx, { keyer, areaId, citizenId: ID, actor: h.kiosk }));
  const hashes = () =>
    h.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM tickets WHERE citizen_hash IS NOT NULL) +
          (SELECT COUNT(*) FROM bookings WHERE citizen_hash IS NOT NULL) AS n`,
      )
      .pluck()
      .get() as number;
  return { ...h, keyer, htct, book, walkIn, hashes };
}

describe('bookings past their window', () => {
  it('a booking past its late window no longer counts against the limits, even before the sweep stores it', () => {
    const h = setup();
    h.book('2026-11-26T09:00:00+07:00');
    expect(() => h.walkIn()).toThrow(/tối đa 1 số/);
    h.clock.set('2026-11-26T09:16:00+07:00'); // 09:00 + 15 min late window is over; no sweep has run
    expect(h.store.bookings.openOfCitizen(h.keyer.hashId(ID), '2026-11-26')).toHaveLength(1);
    expect(h.walkIn().ticket.channel).toBe('kiosk');
  });

  it('the sweep stores missed and forgets the hashes of closed bookings and of past days', () => {
    const h = setup();
    h.book('2026-11-26T09:00:00+07:00');
    h.book('2026-11-27T09:00:00+07:00');
    h.walkIn(h.area('LLTP').id);
    expect(h.hashes()).toBe(3);
    h.clock.set('2026-11-26T09:16:00+07:00');
    expect(h.run((tx) => sweepBookings(tx))).toEqual({ missed: 1, purged: 1 });
    expect(h.db.prepare('SELECT status FROM bookings ORDER BY start_at').pluck().all()).toEqual(['missed', 'booked']);
    h.clock.set('2026-11-27T07:00:00+07:00'); // the next day: yesterday's ticket hash goes; tomorrow's booking stays
    h.run((tx) => sweepBookings(tx));
    expect(h.hashes()).toBe(1);
    h.clock.set('2026-11-27T10:00:00+07:00');
    h.run((tx) => sweepBookings(tx));
    expect(h.hashes()).toBe(0);
    // The last three digits stay for the staff list; nothing else of the citizen is in the database.
    expect(h.db.prepare('SELECT DISTINCT citizen_last3 FROM bookings').pluck().all()).toEqual(['345']);
  });
});
