import { describe, expect, it } from 'vitest';
import { addDays, businessDay, formatViDateTime, isDay, localParts, offsetMinutes, toIso } from './zoned-time.ts';

const VN = 'Asia/Ho_Chi_Minh';

describe('zoned time', () => {
  it('puts a moment in the business day of Vietnam, not of UTC', () => {
    // 23:59:59 UTC on the 25th is 06:59:59 on the 26th in Vietnam.
    expect(businessDay(Date.parse('2026-11-25T23:59:59Z'), VN)).toBe('2026-11-26');
    // 16:59:59 UTC is 23:59:59 local: still the 26th; one second later it is the 27th.
    expect(businessDay(Date.parse('2026-11-26T16:59:59Z'), VN)).toBe('2026-11-26');
    expect(businessDay(Date.parse('2026-11-26T17:00:00Z'), VN)).toBe('2026-11-27');
  });

  it('formats ISO with the zone offset and Vietnamese dates', () => {
    const ms = Date.parse('2026-11-26T01:15:02.123Z');
    expect(toIso(ms, VN)).toBe('2026-11-26T08:15:02.123+07:00');
    expect(Date.parse(toIso(ms, VN))).toBe(ms);
    expect(formatViDateTime(ms, VN)).toBe('26/11/2026 08:15:02');
    expect(offsetMinutes(ms, VN)).toBe(420);
    expect(toIso(ms, 'UTC')).toBe('2026-11-26T01:15:02.123+00:00');
  });

  it('reads weekday and clock in the zone', () => {
    const p = localParts(Date.parse('2026-11-28T17:30:00Z'), VN); // Sunday 00:30 in Vietnam
    expect(p).toMatchObject({ weekday: 0, hour: 0, minute: 30, day: 29 });
  });

  it('validates and steps days', () => {
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('26/11/2026')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
