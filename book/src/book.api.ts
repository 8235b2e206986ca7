import type { ApiClient } from '@client/api.client';
import type { BookableAreaDto, BookingDto, ProcedureDto } from '@contract/dto';

export type {
  BookableAreaDto,
  BookingDto,
  BookingSlotDto as SlotDto,
  BookingSlotsDto as SlotsDto,
} from '@contract/dto';

/** What the citizen came for: a procedure (its area is the procedure's) or just an area. */
export interface Choice {
  areaId: string;
  areaName: string;
  departmentName: string;
  procedure: Pick<ProcedureDto, 'id' | 'code' | 'name'> | null;
}

const seg = encodeURIComponent;

/** The public routes of /book, on the shared typed client (contract/routes.ts). */
export function bookApi(api: ApiClient) {
  const target = (c: Choice) => (c.procedure ? { procedureId: c.procedure.id } : { areaId: c.areaId });
  return {
    config: () => api.config(),
    /** Areas one can book (slotCapacity > 0) or take a remote number in; 404 booking.disabled when both are off. */
    areas: (): Promise<BookableAreaDto[]> => api.send('GET /api/public/booking/areas', '/public/booking/areas'),
    searchProcedures: (q: string) => api.procedures({ q, limit: 20 }),
    slots: (areaId: string, date: string) =>
      api.send('GET /api/public/booking/slots', `/public/booking/slots?areaId=${seg(areaId)}&date=${seg(date)}`),
    book: (c: Choice, start: string, citizenId: string): Promise<BookingDto> =>
      api.send('POST /api/public/bookings', '/public/bookings', { ...target(c), start, citizenId }),
    booking: (code: string) => api.send('GET /api/public/bookings/:code', `/public/bookings/${seg(code)}`),
    cancel: (code: string) => api.send('DELETE /api/public/bookings/:code', `/public/bookings/${seg(code)}`),
    remoteTicket: (c: Choice, citizenId: string) =>
      api.send('POST /api/public/tickets', '/public/tickets', { ...target(c), citizenId }),
  };
}

export type BookApi = ReturnType<typeof bookApi>;

/** 12 digits, nothing else (spaces and dots people type between groups are dropped). The server decides the rest. */
export function cleanCitizenId(typed: string): string {
  return typed.replace(/[\s.-]/g, '');
}

export function looksLikeCitizenId(typed: string): boolean {
  return /^\d{12}$/.test(cleanCitizenId(typed));
}

/** Booking codes are 8 letters/digits; people type them in lower case or with spaces. */
export function cleanCode(typed: string): string {
  return typed.replace(/[^0-9a-z]/gi, '').toUpperCase();
}

/** The same origin's path of a ticket's track URL: behind a gateway the absolute LAN address would not open. */
export function trackPath(trackUrl: string): string {
  try {
    return new URL(trackUrl, 'http://x').pathname;
  } catch {
    return trackUrl;
  }
}

/** YYYY-MM-DD plus n calendar days (business days are dates, not instants: no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
