import { AppError } from '../../contract/errors.ts';
import type { AreaUnavailableReason, TicketStatus } from '../../contract/dto.ts';
import type { CenterSettings, IssuingHours } from '../../contract/settings.schema.ts';
import type { Area, Ticket } from '../entities.ts';
import { businessDay, localMinuteOfDay, localParts } from '../time/zoned-time.ts';

/** Pure queue rules: no storage, no clock of their own. */

export interface AreaDayState {
  last_number: number;
  issued: number;
}

/**
 * The next number of an area on a business day: consecutive from numberStart, never reused,
 * refused past the daily limit or the end of the block.
 */
export function nextNumber(
  area: Pick<Area, 'numberStart' | 'numberEnd' | 'dailyLimit'>,
  day: AreaDayState | undefined,
): { seq: number; number: string } {
  const issued = day?.issued ?? 0;
  if (area.dailyLimit !== null && issued >= area.dailyLimit) throw new AppError('area.daily_limit_reached');
  const seq = day ? day.last_number + 1 : area.numberStart;
  if (seq > area.numberEnd) throw new AppError('area.numbers_exhausted');
  return { seq, number: String(seq) };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when the moment falls in one of the opening windows (days: 0 = Sunday … 6 = Saturday). */
export function withinHours(hours: IssuingHours, ms: number, timeZone: string): boolean {
  const weekday = localParts(ms, timeZone).weekday;
  const minute = localMinuteOfDay(ms, timeZone);
  return hours.some((w) => w.days.includes(weekday) && minute >= toMinutes(w.from) && minute < toMinutes(w.to));
}

/** Why a kiosk may not issue in this area now (null: it may). Counting limits is the caller's part. */
export function issuingBlock(
  settings: Pick<CenterSettings, 'timeZone' | 'holidays' | 'issuingHours' | 'enforceIssuingHours'>,
  area: Area,
  now: number,
): AreaUnavailableReason {
  if (!area.active) return 'inactive';
  if (!area.open) return 'closed';
  if (!settings.enforceIssuingHours) return null;
  if (settings.holidays.includes(businessDay(now, settings.timeZone))) return 'holiday';
  const hours = area.hours ?? settings.issuingHours;
  if (hours.length > 0 && !withinHours(hours, now, settings.timeZone)) return 'outside_hours';
  return null;
}

/**
 * The full availability of an area including today's counts. `served`: whether any active counter serves the
 * area (closed or not); a ticket in an area no counter serves would never be called, so none is issued.
 */
export function areaAvailability(
  block: AreaUnavailableReason,
  area: Area,
  day: AreaDayState | undefined,
  served: boolean,
): AreaUnavailableReason {
  if (block === 'inactive' || block === 'closed') return block;
  if (!served) return 'no_counter';
  if (block) return block;
  if (area.dailyLimit !== null && (day?.issued ?? 0) >= area.dailyLimit) return 'full';
  if ((day ? day.last_number + 1 : area.numberStart) > area.numberEnd) return 'numbers_exhausted';
  return null;
}

export const BLOCK_ERRORS = {
  inactive: 'area.not_found',
  closed: 'area.closed',
  no_counter: 'area.no_counter',
  holiday: 'area.holiday',
  outside_hours: 'area.outside_hours',
  full: 'area.daily_limit_reached',
  numbers_exhausted: 'area.numbers_exhausted',
} as const;

const CALLABLE: TicketStatus[] = ['waiting', 'no_show'];
export function isCallable(t: Ticket): boolean {
  return CALLABLE.includes(t.status);
}
export function isCurrent(t: Ticket): boolean {
  return t.status === 'called' || t.status === 'serving';
}

/**
 * Estimated wait in minutes: tickets ahead × the area's average service time today, shared by the
 * open counters serving it. Null when nobody serves the area (no honest estimate exists).
 */
export function estimateWaitMin(input: {
  ahead: number;
  avgServiceSec: number | null;
  servingCounters: number;
  defaultServiceSec?: number;
}): number | null {
  if (input.servingCounters <= 0) return null;
  const per = input.avgServiceSec ?? input.defaultServiceSec ?? 300;
  return Math.ceil((input.ahead * per) / input.servingCounters / 60);
}
