/**
 * Booking slots, pure: the slots of `slotMinutes` inside an area's issuing hours on a business day (the area's own
 * hours, else the center's), none on holidays, only from now to `daysAhead` days ahead. Times in the center's zone.
 */
import type { BookingStatus } from '../../contract/dto.ts';
import type { CenterSettings, IssuingHours } from '../../contract/settings.schema.ts';
import { addDays, businessDay, isDay, offsetMinutes } from '../time/zoned-time.ts';

export interface Slot {
  start: number;
  end: number;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The instant a local wall-clock time of a day happens in the zone (Vietnam has no DST; this still handles one). */
export function localToEpoch(day: string, minuteOfDay: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minuteOfDay);
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return guess;
}

type SlotSettings = Pick<CenterSettings, 'timeZone' | 'holidays' | 'issuingHours' | 'booking'>;

/** Whether a business day can be booked now: from today to today + daysAhead, not a holiday. */
export function bookableDay(settings: SlotSettings, day: string, now: number): boolean {
  if (!isDay(day) || settings.holidays.includes(day)) return false;
  const today = businessDay(now, settings.timeZone);
  return day >= today && day <= addDays(today, settings.booking.daysAhead);
}

/** Every slot of the day that starts after `now` (a slot under way is for walk-ins). */
export function slotsOfDay(settings: SlotSettings, hours: IssuingHours | null, day: string, now: number): Slot[] {
  if (!bookableDay(settings, day, now)) return [];
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const step = settings.booking.slotMinutes;
  const starts = new Set<number>();
  for (const w of hours ?? settings.issuingHours) {
    if (!w.days.includes(weekday)) continue;
    for (let m = minutesOf(w.from); m + step <= minutesOf(w.to); m += step) starts.add(m);
  }
  return [...starts]
    .sort((a, b) => a - b)
    .map((m) => ({
      start: localToEpoch(day, m, settings.timeZone),
      end: localToEpoch(day, m + step, settings.timeZone),
    }))
    .filter((s) => s.start > now);
}

/** The online places of a slot: the share of the area's capacity the center opens to bookings (rounded down). */
export const onlineCapacity = (areaCapacity: number, sharePercent: number): number =>
  Math.floor((areaCapacity * sharePercent) / 100);

/** A booking's status as shown: still `booked` once its late window is over reads `missed`. */
export function bookingStatus(
  b: { status: BookingStatus; startAt: number },
  now: number,
  checkInLateMinutes: number,
): BookingStatus {
  return b.status === 'booked' && now > b.startAt + checkInLateMinutes * 60_000 ? 'missed' : b.status;
}

/** Where a moment stands against a booking's check-in window. */
export function checkInWindow(
  startAt: number,
  now: number,
  booking: Pick<CenterSettings['booking'], 'checkInEarlyMinutes' | 'checkInLateMinutes'>,
): 'too_early' | 'open' | 'too_late' {
  if (now < startAt - booking.checkInEarlyMinutes * 60_000) return 'too_early';
  if (now > startAt + booking.checkInLateMinutes * 60_000) return 'too_late';
  return 'open';
}
