import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors.ts';
import { centerSettingsSchema } from '../../contract/settings.schema.ts';
import type { Area } from '../entities.ts';
import { areaAvailability, estimateWaitMin, issuingBlock, nextNumber, withinHours } from './ticket.rules.ts';

const area: Area = {
  id: 'a',
  code: 'LLTP',
  departmentId: 'd',
  name: 'Lý lịch tư pháp',
  numberStart: 1001,
  numberEnd: 1003,
  dailyLimit: null,
  targetWaitMin: 20,
  hours: null,
  open: true,
  active: true,
  sort: 0,
  bookingSlotCapacity: 0,
};
const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('numbering', () => {
  it('starts at numberStart and counts up', () => {
    expect(nextNumber(area, undefined)).toEqual({ seq: 1001, number: '1001' });
    expect(nextNumber(area, { last_number: 1001, issued: 1 })).toEqual({ seq: 1002, number: '1002' });
  });
  it('refuses past the block and past the daily limit', () => {
    expect(code(() => nextNumber(area, { last_number: 1003, issued: 3 }))).toBe('area.numbers_exhausted');
    expect(code(() => nextNumber({ ...area, dailyLimit: 2 }, { last_number: 1002, issued: 2 }))).toBe(
      'area.daily_limit_reached',
    );
  });
});

describe('issuing hours', () => {
  const VN = 'Asia/Ho_Chi_Minh';
  const hours = [
    { days: [1, 2, 3, 4, 5], from: '07:00', to: '11:30' },
    { days: [6], from: '07:30', to: '11:00' },
  ];
  const settings = centerSettingsSchema.parse({
    issuingHours: hours,
    enforceIssuingHours: true,
    holidays: ['2026-12-01'],
  });
  it('knows the windows in local time', () => {
    expect(withinHours(hours, Date.parse('2026-11-26T07:00:00+07:00'), VN)).toBe(true); // Thursday
    expect(withinHours(hours, Date.parse('2026-11-26T11:30:00+07:00'), VN)).toBe(false); // end is exclusive
    expect(withinHours(hours, Date.parse('2026-11-28T10:59:00+07:00'), VN)).toBe(true); // Saturday
    expect(withinHours(hours, Date.parse('2026-11-29T09:00:00+07:00'), VN)).toBe(false); // Sunday
  });
  it('blocks closed areas, holidays and off hours only when enforced', () => {
    const night = Date.parse('2026-11-26T22:00:00+07:00');
    expect(issuingBlock(settings, area, night)).toBe('outside_hours');
    expect(issuingBlock({ ...settings, enforceIssuingHours: false }, area, night)).toBe(null);
    expect(issuingBlock(settings, { ...area, open: false }, night)).toBe('closed');
    expect(issuingBlock(settings, area, Date.parse('2026-12-01T08:00:00+07:00'))).toBe('holiday');
    expect(issuingBlock(settings, { ...area, hours: [{ days: [4], from: '20:00', to: '23:00' }] }, night)).toBe(null);
  });
  it('reports a full or exhausted area', () => {
    expect(areaAvailability(null, { ...area, dailyLimit: 1 }, { last_number: 1001, issued: 1 }, true)).toBe('full');
    expect(areaAvailability(null, area, { last_number: 1003, issued: 3 }, true)).toBe('numbers_exhausted');
    expect(areaAvailability(null, area, undefined, true)).toBe(null);
  });
  it('an area no counter serves issues nothing, whatever the hour; a closed one says closed first', () => {
    expect(areaAvailability(null, area, undefined, false)).toBe('no_counter');
    expect(areaAvailability('outside_hours', area, undefined, false)).toBe('no_counter');
    expect(areaAvailability('closed', area, undefined, false)).toBe('closed');
  });
});

describe('estimated wait', () => {
  it('shares the queue among open counters', () => {
    expect(estimateWaitMin({ ahead: 6, avgServiceSec: 300, servingCounters: 2 })).toBe(15);
    expect(estimateWaitMin({ ahead: 0, avgServiceSec: 300, servingCounters: 1 })).toBe(0);
    expect(estimateWaitMin({ ahead: 3, avgServiceSec: null, servingCounters: 1 })).toBe(15);
    expect(estimateWaitMin({ ahead: 3, avgServiceSec: 100, servingCounters: 0 })).toBe(null);
  });
});
