import type { BookingStatus } from '../contract/dto.ts';
import type { Booking, BookingsRepository, CitizensRepository } from '../core/bookings/booking.port.ts';
import type { Db } from './db.ts';

interface BookingRow {
  code: string;
  area_id: string;
  procedure_id: string | null;
  business_day: string;
  start_at: number;
  end_at: number;
  status: BookingStatus;
  citizen_hash: string | null;
  citizen_last3: string;
  priority: number;
  ticket_id: string | null;
  created_at: number;
  updated_at: number;
}

const toBooking = (r: BookingRow): Booking => ({
  code: r.code,
  areaId: r.area_id,
  procedureId: r.procedure_id,
  businessDay: r.business_day,
  startAt: r.start_at,
  endAt: r.end_at,
  status: r.status,
  citizenHash: r.citizen_hash,
  citizenLast3: r.citizen_last3,
  priority: r.priority === 1,
  ticketId: r.ticket_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createBookingsRepository(db: Db): BookingsRepository {
  const byCode = db.prepare<[string], BookingRow>('SELECT * FROM bookings WHERE code = ?');
  const byTicket = db.prepare<[string], BookingRow>('SELECT * FROM bookings WHERE ticket_id = ?');
  const insert = db.prepare(`INSERT INTO bookings (code, area_id, procedure_id, business_day, start_at, end_at, status,
    citizen_hash, citizen_last3, priority, ticket_id, created_at, updated_at)
    VALUES (@code, @areaId, @procedureId, @businessDay, @startAt, @endAt, @status, @citizenHash, @citizenLast3, @priority, @ticketId,
      @createdAt, @updatedAt)`);
  const update = db.prepare(
    'UPDATE bookings SET status = @status, ticket_id = COALESCE(@ticketId, ticket_id), updated_at = @updatedAt WHERE code = @code',
  );
  const taken = db.prepare<[string, number, number], { start_at: number; n: number }>(
    `SELECT start_at, COUNT(*) AS n FROM bookings WHERE area_id = ? AND start_at >= ? AND start_at < ?
      AND status IN ('booked', 'checked_in') GROUP BY start_at`,
  );
  const openOfCitizen = db.prepare<[string, string], BookingRow>(
    `SELECT * FROM bookings WHERE citizen_hash = ? AND business_day = ? AND status = 'booked' ORDER BY start_at`,
  );
  const byDay = db.prepare<[string], BookingRow>(
    'SELECT * FROM bookings WHERE business_day = ? ORDER BY start_at, code',
  );
  const bookedBefore = db.prepare<[number], BookingRow>(
    `SELECT * FROM bookings WHERE status = 'booked' AND start_at < ? ORDER BY start_at`,
  );
  return {
    get: (code) => {
      const r = byCode.get(code);
      return r && toBooking(r);
    },
    byTicket: (ticketId) => {
      const r = byTicket.get(ticketId);
      return r && toBooking(r);
    },
    insert: (b) => void insert.run({ ...b, priority: b.priority ? 1 : 0 }),
    update: (code, patch) => void update.run({ code, ticketId: null, ...patch }),
    taken: (areaId, fromMs, toMs) => new Map(taken.all(areaId, fromMs, toMs).map((r) => [r.start_at, r.n])),
    openOfCitizen: (hash, day) => openOfCitizen.all(hash, day).map(toBooking),
    byDay: (day) => byDay.all(day).map(toBooking),
    bookedStartedBefore: (ms) => bookedBefore.all(ms).map(toBooking),
  };
}

export function createCitizensRepository(db: Db): CitizensRepository {
  const ticketsOfDay = db.prepare<[string, string], { area_id: string; n: number }>(
    `SELECT issued_area_id AS area_id, COUNT(*) AS n FROM tickets WHERE business_day = ? AND citizen_hash = ?
      AND status <> 'cancelled' GROUP BY issued_area_id`,
  );
  const purgeTickets = db.prepare(
    'UPDATE tickets SET citizen_hash = NULL WHERE citizen_hash IS NOT NULL AND business_day < ?',
  );
  const purgeBookings = db.prepare(
    `UPDATE bookings SET citizen_hash = NULL WHERE citizen_hash IS NOT NULL AND (business_day < ? OR status <> 'booked')`,
  );
  return {
    ticketsOfDay: (hash, day) => new Map(ticketsOfDay.all(day, hash).map((r) => [r.area_id, r.n])),
    purgeHashes: (today) => purgeTickets.run(today).changes + purgeBookings.run(today).changes,
  };
}
