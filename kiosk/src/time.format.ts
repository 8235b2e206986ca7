/** Dates and clocks shown to people: dd/mm/yyyy and 24-hour time, always in the center's time zone. */
function parts(date: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    weekday: 'long',
  });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

export function formatDate(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

export function formatClock(date: Date, timeZone: string, seconds = false): string {
  const p = parts(date, timeZone);
  return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

const WEEKDAYS: Record<string, string> = {
  Monday: 'Thứ Hai',
  Tuesday: 'Thứ Ba',
  Wednesday: 'Thứ Tư',
  Thursday: 'Thứ Năm',
  Friday: 'Thứ Sáu',
  Saturday: 'Thứ Bảy',
  Sunday: 'Chủ Nhật',
};

export function formatWeekday(date: Date, timeZone: string): string {
  return WEEKDAYS[parts(date, timeZone).weekday ?? ''] ?? '';
}
