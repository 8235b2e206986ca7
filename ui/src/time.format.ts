/**
 * The one place the screens turn an instant into what people read: dd/mm/yyyy, a 24-hour clock, the Vietnamese
 * weekday and the business day, always in the center's time zone (never the browser's). Every value is built
 * from `formatToParts`, so no locale data can reorder or re-punctuate it.
 */

/** The zone a screen uses until the center's settings say otherwise (settings.schema.ts has the same default). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An instant as the screens receive it: a Date, epoch milliseconds or an ISO string from the API. */
export type Instant = Date | number | string;
/** What the API may hold instead of an instant (a ticket not yet called): shown as a dash. */
type MaybeInstant = Instant | null | undefined;

const WEEKDAYS: Record<string, string> = {
  Monday: 'Thứ Hai',
  Tuesday: 'Thứ Ba',
  Wednesday: 'Thứ Tư',
  Thursday: 'Thứ Năm',
  Friday: 'Thứ Sáu',
  Saturday: 'Thứ Bảy',
  Sunday: 'Chủ Nhật',
};

/** The instant's wall-clock parts in `timeZone`, or null when it is not a real instant. */
function parts(at: MaybeInstant, timeZone: string): Record<string, string> | null {
  if (at === null || at === undefined) return null;
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return null;
  // en-GB only names the parts; the order and punctuation are ours. h23: midnight is 00, never 24.
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    weekday: 'long',
  });
  return Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
}

/** "26/11/2026"; a dash for what is not an instant. */
export function formatDate(at: MaybeInstant, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(at, timeZone);
  return p ? `${p.day}/${p.month}/${p.year}` : '—';
}

/** "09:05" or, with seconds, "09:05:07". */
export function formatTime(at: MaybeInstant, timeZone: string = DEFAULT_TIME_ZONE, seconds = false): string {
  const p = parts(at, timeZone);
  if (!p) return '—';
  return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** "26/11/2026 08:15:02". */
export function formatDateTime(at: MaybeInstant, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(at, timeZone);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}` : '—';
}

/** "Thứ Năm", "Chủ Nhật". */
export function formatWeekday(at: MaybeInstant, timeZone: string = DEFAULT_TIME_ZONE): string {
  return WEEKDAYS[parts(at, timeZone)?.weekday ?? ''] ?? '';
}

/** The business day (YYYY-MM-DD) the instant falls on in the center's zone: the day reports and numbering use. */
export function businessDay(at: MaybeInstant, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(at, timeZone);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}

/** YYYY-MM-DD (a business day, not an instant) → dd/mm/yyyy; anything else unchanged. */
export function formatDay(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDay;
}

/** dd/mm/yyyy (as people type it) → YYYY-MM-DD, or null when it is not a real day. */
export function parseDmy(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
