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

describe('local parts kept per minute (issue 15)', () => {
  /** What Intl itself says, formatted afresh: the reference the kept offsets must equal. */
  function intlParts(ms: number, timeZone: string) {
    const f = new Intl.DateTimeFormat('en-US', {
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
    const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday!);
    return {
      year: Number(p.year),
      month: Number(p.month),
      day: Number(p.day),
      hour: Number(p.hour),
      minute: Number(p.minute),
      second: Number(p.second),
      weekday,
    };
  }

  it('equals Intl second by second across DST changes, odd offsets and the local-mean-time era', () => {
    const around = [
      ['Europe/Berlin', '2026-03-29T01:00:00Z'], // 02:00 → 03:00
      ['Europe/Berlin', '2026-10-25T01:00:00Z'], // 03:00 → 02:00, an hour twice
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // a half-hour change
      ['Asia/Kathmandu', '1986-01-01T00:00:00Z'], // +05:30 → +05:45 on the hour
      ['Asia/Ho_Chi_Minh', '1911-04-30T16:53:30Z'], // +07:06:30 (seconds in the offset) → +07:00, mid-minute
      ['Asia/Ho_Chi_Minh', '1975-06-12T16:00:00Z'],
      [VN, '2026-11-26T16:59:00Z'], // the business day turns
    ] as const;
    for (const [zone, iso] of around) {
      const at = Date.parse(iso);
      for (let ms = at - 3 * 60_000; ms <= at + 3 * 60_000; ms += 1000 + 7) {
        expect(localParts(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toEqual(intlParts(ms, zone));
      }
    }
  });

  it('equals Intl for moments taken in any order, far apart', () => {
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const ms = Date.parse('1900-01-01T00:00:00Z') + (x / 2 ** 32) * 200 * 365 * 86_400_000;
      for (const zone of [VN, 'Europe/London', 'America/Sao_Paulo'])
        expect(localParts(ms, zone)).toEqual(intlParts(ms, zone));
    }
  });
});
