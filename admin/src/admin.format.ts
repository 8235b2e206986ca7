/**
 * Number formatting shared by the control room and the reports (Vietnamese conventions). Instants and days
 * (dd/mm/yyyy, 24-hour, the business day) are ui/src/time.format.ts's.
 */

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
