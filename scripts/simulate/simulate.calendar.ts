import type { CenterSettings, IssuingHours } from '../../server/src/contract/settings.schema.ts';
import { withinHours } from '../../server/src/core/tickets/ticket.rules.ts';
import { addDays, localParts, offsetMinutes } from '../../server/src/core/time/zoned-time.ts';

/**
 * Which days are business days and when, for the simulation: the center's own opening hours and holidays
 * (settings), read through the same rule the kiosk obeys (`withinHours`).
 */

/** When the center sets no hours ("always open"), a simulated day still keeps office hours: Mon–Fri. */
export const FALLBACK_HOURS: IssuingHours = [
  { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
  { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
];

export const centerHours = (s: Pick<CenterSettings, 'issuingHours'>): IssuingHours =>
  s.issuingHours.length > 0 ? s.issuingHours : FALLBACK_HOURS;

/** The weekday (0 = Sunday) of a YYYY-MM-DD calendar date: the same everywhere. */
export const weekdayOf = (day: string): number => new Date(`${day}T12:00:00Z`).getUTCDay();

export const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The opening windows of a weekday, in local minutes, in order: [from, to). */
export function windowsOf(hours: IssuingHours, weekday: number): Array<[number, number]> {
  return hours
    .filter((w) => w.days.includes(weekday))
    .map((w): [number, number] => [toMinutes(w.from), toMinutes(w.to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
}

export function isBusinessDay(day: string, s: Pick<CenterSettings, 'issuingHours' | 'holidays'>): boolean {
  return !s.holidays.includes(day) && windowsOf(centerHours(s), weekdayOf(day)).length > 0;
}

/** The `n` business days before `today` (not counting today), oldest first. */
export function businessDaysBefore(
  today: string,
  n: number,
  s: Pick<CenterSettings, 'issuingHours' | 'holidays'>,
): string[] {
  const out: string[] = [];
  // A week always holds a business day unless the hours name none: then nothing is found, not a loop forever.
  if (!Array.from({ length: 7 }, (_, d) => windowsOf(centerHours(s), d).length > 0).some(Boolean)) return out;
  for (let day = addDays(today, -1); out.length < n; day = addDays(day, -1)) if (isBusinessDay(day, s)) out.push(day);
  return out.reverse();
}

/** The moment of local midnight starting a business day in the zone. */
export function dayStartMs(day: string, timeZone: string): number {
  const noonUtc = Date.parse(`${day}T12:00:00Z`);
  const guess = Date.parse(`${day}T00:00:00Z`) - offsetMinutes(noonUtc, timeZone) * 60_000;
  // Corrects a zone whose offset at midnight differs from noon's (a DST change that day).
  const p = localParts(guess, timeZone);
  return guess - (p.hour * 60 + p.minute) * 60_000 + (p.hour >= 12 ? 86_400_000 : 0);
}

/** Citizens come in waves: the morning (08:00–10:30) and afternoon (14:00–15:30) peaks hold three times the rest. */
export const PEAKS: Array<[number, number]> = [
  [8 * 60, 10 * 60 + 30],
  [14 * 60, 15 * 60 + 30],
];
const PEAK_WEIGHT = 3;

const weightCache = new Map<string, number[]>();

/**
 * Arrival weight of each local minute of the day (1440): zero outside the hours, higher in the peaks. The hours
 * are read minute by minute through `withinHours`, so a simulated ticket is issued only when a kiosk would issue it.
 */
export function minuteWeights(hours: IssuingHours, day: string, timeZone: string): number[] {
  const start = dayStartMs(day, timeZone);
  const key = `${weekdayOf(day)}|${offsetMinutes(start + 43_200_000, timeZone)}|${JSON.stringify(hours)}`;
  let w = weightCache.get(key);
  if (!w) {
    w = Array.from({ length: 1440 }, (_, m) => {
      if (!withinHours(hours, start + m * 60_000, timeZone)) return 0;
      return PEAKS.some(([a, b]) => m >= a && m < b) ? PEAK_WEIGHT : 1;
    });
    weightCache.set(key, w);
  }
  return w;
}
