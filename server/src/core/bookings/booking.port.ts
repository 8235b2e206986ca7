import type { BookingStatus } from '../../contract/dto.ts';

/** A booking (lịch hẹn) of one slot of one area. Times in epoch ms. */
export interface Booking {
  /** 8 characters without look-alikes: the only key the citizen holds (core/ids.ts newBookingCode). */
  code: string;
  areaId: string;
  procedureId: string | null;
  businessDay: string;
  startAt: number;
  endAt: number;
  /** Stored `booked` past its late window reads as `missed` (bookingStatus); the sweep stores it. */
  status: BookingStatus;
  /** Keyed hash of the citizen's ID; null once purged (past days, closed bookings). */
  citizenHash: string | null;
  citizenLast3: string;
  /** The citizen reaches elderlyAge by the booked day: the checked-in ticket is a priority one. */
  priority: boolean;
  ticketId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface BookingsRepository {
  get(code: string): Booking | undefined;
  byTicket(ticketId: string): Booking | undefined;
  insert(b: Booking): void;
  update(code: string, patch: { status: BookingStatus; ticketId?: string | null; updatedAt: number }): void;
  /** Places taken in the slots of an area between two instants (booked or checked in), by slot start. */
  taken(areaId: string, fromMs: number, toMs: number): Map<number, number>;
  /** A citizen's bookings still `booked` on a business day. */
  openOfCitizen(hash: string, day: string): Booking[];
  byDay(day: string): Booking[];
  /** Bookings still `booked` whose slot started before the instant (to be marked missed). */
  bookedStartedBefore(ms: number): Booking[];
}

/** The citizen side of the tickets table and of bookings: what the limits count, what the purge forgets. */
export interface CitizensRepository {
  /** Tickets of a business day taken for the citizen (any status but cancelled), by area. */
  ticketsOfDay(hash: string, day: string): Map<string, number>;
  /**
   * Forgets hashes no longer needed: tickets of days before `today`, bookings no longer open or of days before
   * `today`. Returns how many rows it cleared.
   */
  purgeHashes(today: string): number;
}
