/** Catalogue shapes: areas and departments (re-exported by dto.ts). */

/** `no_counter`: no active counter serves the area, so a ticket there would never be called. */
export type AreaUnavailableReason =
  'closed' | 'inactive' | 'no_counter' | 'outside_hours' | 'holiday' | 'full' | 'numbers_exhausted' | null;

export interface AreaDto {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  departmentCode: string;
  open: boolean;
  active: boolean;
  /** Whether a kiosk may issue a ticket now, and why not. */
  available: boolean;
  unavailableReason: AreaUnavailableReason;
  waiting: number;
  issuedToday: number;
  dailyLimit: number | null;
  numberStart: number;
  numberEnd: number;
  targetWaitMinutes: number | null;
  /** Open counters serving this area now. */
  servingCounters: number;
  estimatedWaitMin: number | null;
  longestWaitSec: number;
  /** The area's own issuing hours; null: the center's hours apply. */
  hours: { days: number[]; from: string; to: string }[] | null;
  sort: number;
  /** Bookings one slot takes (0: not bookable); PATCH /api/areas/:id sets it. Always in the server's answers. */
  bookingSlotCapacity?: number;
}

export interface DepartmentDto {
  id: string;
  code: string;
  name: string;
  sort: number;
  active: boolean;
}
