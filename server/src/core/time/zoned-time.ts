/**
 * Wall-clock arithmetic in the center's time zone with Intl only (no tz database to ship):
 * the business day, ISO strings with the zone's offset, and Vietnamese date formats.
 */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's offset per minute already asked for: formatToParts is the costliest step of a ticket's view (every
 * timestamp of every payload) and of a simulated day (issue 15: a clock moving through the day), while an offset
 * changes only at a zone's transitions. A minute's offset is kept only when the same at its first and last second
 * (no zone changes its offset twice within a minute); a minute holding a transition, or a moment Date cannot carry,
 * is formatted by Intl itself, as before. At most MINUTES_KEPT minutes per zone (then forgotten all at once).
 */
const minuteOffsets = new Map<string, Map<number, number | null>>();
const MINUTES_KEPT = 4096;

/** The zone's offset at a whole second, in ms, from Intl's own parts. */
function offsetMsAt(sec: number, timeZone: string): number {
  const p = computeParts(sec * 1000, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - sec * 1000;
}

function minuteOffset(minute: number, timeZone: string): number | null {
  let zone = minuteOffsets.get(timeZone);
  if (!zone) minuteOffsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(minute);
  if (offset === undefined) {
    const first = offsetMsAt(minute * 60, timeZone);
    // Any real offset is under a day (Date.UTC reads years 0–99 as 19xx: such an answer is not one).
    offset = first === offsetMsAt(minute * 60 + 59, timeZone) && Math.abs(first) < 86_400_000 ? first : null;
    if (zone.size >= MINUTES_KEPT) zone.clear();
    zone.set(minute, offset);
  }
  return offset;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const sec = Math.floor(ms / 1000);
  const offsetMs = minuteOffset(Math.floor(sec / 60), timeZone);
  if (offsetMs === null) return computeParts(ms, timeZone);
  const d = new Date(sec * 1000 + offsetMs);
  const year = d.getUTCFullYear();
  // Years Intl writes differently (before year 1: eras) keep Intl's answer.
  if (year < 1) return computeParts(ms, timeZone);
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

function computeParts(ms: number, timeZone: string): LocalParts {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: WEEKDAYS[p.weekday ?? 'Sun'] ?? 0,
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The business day (YYYY-MM-DD) a moment belongs to: the calendar date in the center's zone. */
export function businessDay(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Offset of the zone from UTC at that moment, in minutes (Vietnam: +420). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** ISO-8601 with the zone's offset, e.g. 2026-11-26T08:15:02.000+07:00. */
export function toIso(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  // The offset from the same parts (offsetMinutes would format the moment a second time).
  const off = Math.round(
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000) / 60000,
  );
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(((ms % 1000) + 1000) % 1000, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** dd/mm/yyyy HH:mm:ss, 24-hour, as printed on tickets and shown to people. */
export function formatViDateTime(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

export function formatViDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** Minutes since local midnight, for comparing with "07:30"-style opening hours. */
export function localMinuteOfDay(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return p.hour * 60 + p.minute;
}

export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Adds n calendar days to a YYYY-MM-DD string. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
