import { counterListName } from '@ui/counter.name';

/** Durations and counter names as clerks read them; instants (dates, clocks) are ui/src/time.format.ts's. */

/** 75 → "01:15", 3725 → "1:02:05": a running clock clerks read at a glance. */
export function clock(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(r).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A human duration: "45 giây", "12 phút", "1 giờ 05 phút". */
export function duration(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '—';
  const s = Math.max(0, Math.round(sec));
  if (s < 60) return `${s} giây`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} phút`;
  return `${Math.floor(m / 60)} giờ ${String(m % 60).padStart(2, '0')} phút`;
}

export function secondsSince(iso: string | null | undefined, now: number): number {
  return iso ? Math.max(0, (now - new Date(iso).getTime()) / 1000) : 0;
}

// Counter names: one definition for every screen (ui/src/counter.name.ts).
export { counterShortName } from '@ui/counter.name';

export const counterTitle = (c: { number: number; name: string }): string => counterListName(c, '—');
