/** Dates and times as people in the center read them: dd/mm/yyyy, 24-hour, in the center's time zone. */

function parts(d: Date, timeZone: string, opts: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('vi-VN', { timeZone, ...opts }).formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** "26/11/2026": built from parts so no locale data can reorder it. */
export function formatDate(d: Date, timeZone: string): string {
  const p = parts(d, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' });
  return `${p.day}/${p.month}/${p.year}`;
}

/** "Thứ Năm" / "Chủ Nhật". */
export function formatWeekday(d: Date, timeZone: string): string {
  const w = parts(d, timeZone, { weekday: 'long' }).weekday ?? '';
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** "09:05" or "09:05:07", 24-hour. */
export function formatTime(d: Date, timeZone: string, seconds = false): string {
  const p = parts(d, timeZone, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  });
  return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
