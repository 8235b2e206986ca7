import { describe, expect, it } from 'vitest';
import {
  businessDay,
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatDay,
  formatTime,
  formatWeekday,
} from './time.format.ts';

// Moved here from kiosk/src/area.labels.test.ts, counter/src/format.test.ts and admin's report.format.test.ts,
// whose copies of these functions this module replaces.
describe('time in the center time zone', () => {
  const d = new Date('2026-11-26T01:15:02Z'); // 08:15:02 in Hà Nội
  it('dd/mm/yyyy and 24-hour clock', () => {
    expect(formatDate(d, 'Asia/Ho_Chi_Minh')).toBe('26/11/2026');
    expect(formatTime(d, 'Asia/Ho_Chi_Minh')).toBe('08:15');
    expect(formatTime(d, 'Asia/Ho_Chi_Minh', true)).toBe('08:15:02');
    expect(formatWeekday(d, 'Asia/Ho_Chi_Minh')).toBe('Thứ Năm');
    expect(formatTime(new Date('2026-11-26T10:05:00Z'), 'Asia/Ho_Chi_Minh')).toBe('17:05');
  });
  it('reads the ISO strings and epoch milliseconds the API and the clocks give, in the default zone', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
    expect(formatTime('2026-11-26T01:15:00.000Z')).toBe('08:15');
    expect(formatTime('2026-11-26T13:05:00.000Z')).toBe('20:05');
    expect(formatDateTime('2026-11-26T01:15:02Z', 'Asia/Ho_Chi_Minh')).toBe('26/11/2026 08:15:02');
    expect(formatDate(Date.parse('2026-11-29T02:00:00Z'))).toBe('29/11/2026');
    expect(formatWeekday(Date.parse('2026-11-29T02:00:00Z'))).toBe('Chủ Nhật');
  });
  it('midnight is 00, never 24, and the day turns at the center’s midnight, not UTC’s', () => {
    const justAfter = '2026-11-26T17:00:30Z'; // 00:00:30 on the 27th in Hà Nội, still the 26th in UTC
    expect(formatTime(justAfter, 'Asia/Ho_Chi_Minh', true)).toBe('00:00:30');
    expect(formatDate(justAfter, 'Asia/Ho_Chi_Minh')).toBe('27/11/2026');
    expect(businessDay(justAfter, 'Asia/Ho_Chi_Minh')).toBe('2026-11-27');
    expect(businessDay(justAfter, 'UTC')).toBe('2026-11-26');
  });
  it('shows a dash for what is not an instant (a ticket not yet called)', () => {
    for (const v of [null, undefined, '', 'not a date']) {
      expect(formatTime(v)).toBe('—');
      expect(formatDate(v)).toBe('—');
      expect(formatDateTime(v)).toBe('—');
    }
    expect(formatWeekday(null)).toBe('');
    expect(businessDay(null)).toBe('');
  });
  it('a business day YYYY-MM-DD as dd/mm/yyyy', () => {
    expect(formatDay('2026-02-01')).toBe('01/02/2026');
    expect(formatDay('hôm nay')).toBe('hôm nay');
  });
});
