/** Booking and remote-number shapes (issue 13; re-exported by dto.ts). */
import type { ProcedureRef } from './dto.procedures.ts';

export type BookingStatus = 'booked' | 'checked_in' | 'cancelled' | 'missed';

/** One slot of GET /api/public/booking/slots: `capacity` is the online share of the area's slot capacity. */
export interface BookingSlotDto {
  start: string;
  end: string;
  capacity: number;
  available: number;
}
export interface BookingSlotsDto {
  areaId: string;
  date: string;
  slots: BookingSlotDto[];
}

/** A booking as its code's holder sees it (POST/GET /api/public/bookings): nothing of the citizen. */
export interface BookingDto {
  code: string;
  areaId: string;
  areaName: string;
  procedure: ProcedureRef | null;
  start: string;
  end: string;
  status: BookingStatus;
  /** Once checked in: the ticket, to follow it like any ticket. */
  ticket?: { id: string; number: string; trackUrl: string };
}

/** One line of today's bookings for staff (GET /api/bookings): the last three digits only. */
export interface StaffBookingDto {
  code: string;
  areaId: string;
  procedureId: string | null;
  procedureName: string | null;
  start: string;
  end: string;
  status: BookingStatus;
  idLast3: string;
  ticketNumber: string | null;
}
export interface StaffBookingsDto {
  date: string;
  /** `due`: still booked, not missed, starting within the next 60 minutes (or already started). */
  totals: { booked: number; checkedIn: number; cancelled: number; missed: number; due: number };
  bookings: StaffBookingDto[];
}

/** An area citizens can book or take a remote number in (GET /api/public/booking/areas). */
export interface BookableAreaDto {
  id: string;
  code: string;
  name: string;
  departmentName: string;
  /** Online places per slot (0: no bookings in this area). */
  slotCapacity: number;
  /** Whether a remote number can be taken there now (remote tickets on, the area issuing). */
  remoteAvailable: boolean;
}

export interface PublicBookingDto {
  enabled: boolean;
  remoteTickets: boolean;
  daysAhead: number;
  slotMinutes: number;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
  /** The kiosk asks for the ID card (or a booking code) before it issues. */
  requireCardAtKiosk: boolean;
  perDay: number;
  perAreaPerDay: number;
}
