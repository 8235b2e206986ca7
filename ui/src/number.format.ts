/**
 * Number formatting shared by the center's and the hub's control rooms and reports (Vietnamese conventions).
 * Instants and days (dd/mm/yyyy, 24-hour, the business day) are ui/src/time.format.ts's.
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
