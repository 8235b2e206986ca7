/** Number and time formatting shared by the control room and the reports (Vietnamese conventions). */
export const TZ_DEFAULT = 'Asia/Ho_Chi_Minh';

/** Seconds as mm:ss (minutes keep counting past 60, as a stopwatch does); null as a dash. */
export function mmss(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '—';
  const s = Math.max(0, Math.round(sec));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** A 0–1 share as "87,5 %" (Vietnamese decimal comma); null as a dash. */
export function percent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} %`;
}

export const int = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('vi-VN'));

/** YYYY-MM-DD → dd/mm/yyyy. */
export function dmy(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDay;
}

/** An instant as "dd/mm/yyyy HH:mm:ss" in the center's time zone. */
export function dateTime(at: number | string | Date, timeZone = TZ_DEFAULT): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '—';
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today's date (YYYY-MM-DD) in the center's time zone. */
export function todayIn(timeZone = TZ_DEFAULT, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const bytes = (n: number) =>
  n >= 1 << 20
    ? `${(n / (1 << 20)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
    : `${Math.ceil(n / 1024).toLocaleString('vi-VN')} KB`;

/** dd/mm/yyyy (as people type it) → YYYY-MM-DD, or null when it is not a real day. */
export function parseDmy(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
