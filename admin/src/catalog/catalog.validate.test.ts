import { describe, expect, it } from 'vitest';
import { validateSettings } from '../settings/settings.validate.ts';
import { centerSettingsSchema } from '../../../server/src/contract/settings.schema.ts';
import { validateNewUser } from '../accounts/users.validate.ts';
import { validateDevice } from '../accounts/device.links.ts';
import { moveItem, validateArea, validateCounter, validateDepartment, type AreaDraft } from './catalog.validate.ts';

const draft = (p: Partial<AreaDraft> = {}): AreaDraft => ({
  code: 'E2E',
  departmentId: 'd1',
  name: 'Thử',
  numberStart: 10001,
  numberEnd: 10999,
  dailyLimit: null,
  targetWaitMinutes: 15,
  hours: null,
  open: true,
  active: true,
  ...p,
});
const others = [
  { id: 'a1', code: 'LLTP', numberStart: 1001, numberEnd: 1999, active: true },
  { id: 'a2', code: 'OLD', numberStart: 5000, numberEnd: 5999, active: false },
];

describe('catalog validation', () => {
  it('accepts a good area and refuses overlapping active blocks before the server does', () => {
    expect(validateArea(draft(), others)).toEqual({});
    expect(validateArea(draft({ numberStart: 1500, numberEnd: 2500 }), others).numberStart).toBe(
      'Dãy số trùng với lĩnh vực LLTP (1001–1999).',
    );
    expect(validateArea(draft({ numberStart: 5000, numberEnd: 5100 }), others)).toEqual({}); // an inactive area's block is free
    expect(validateArea(draft({ id: 'a1', code: 'LLTP', numberStart: 1001, numberEnd: 1999 }), others)).toEqual({}); // itself
  });

  it('names each bad field', () => {
    const e = validateArea(
      draft({
        code: 'có dấu',
        name: ' ',
        departmentId: '',
        numberStart: NaN,
        numberEnd: 5,
        dailyLimit: 0,
        targetWaitMinutes: 2000,
        hours: [
          { days: [], from: '07:00', to: '08:00' },
          { days: [1], from: '9:00', to: '08:00' },
        ],
      }),
      [],
    );
    expect(Object.keys(e).sort()).toEqual([
      'code',
      'dailyLimit',
      'departmentId',
      'hours.0',
      'hours.1',
      'name',
      'numberStart',
      'targetWaitMinutes',
    ]);
    expect(validateArea(draft({ numberStart: 20, numberEnd: 10 }), []).numberEnd).toBe(
      'Số kết thúc phải ≥ số bắt đầu.',
    );
    expect(validateArea(draft({ code: 'lltp' }), others).code).toBe('Mã lĩnh vực đã tồn tại.');
  });

  it('counters: unique number, a name, each area once; reorder moves one step', () => {
    expect(
      validateCounter({ number: 3, name: 'Quầy 3', areaIds: ['a', 'b'], active: true }, [{ id: 'x', number: 1 }]),
    ).toEqual({});
    expect(
      validateCounter({ number: 1, name: '', areaIds: ['a', 'a'], active: true }, [{ id: 'x', number: 1 }]),
    ).toEqual({ number: 'Số quầy đã tồn tại.', name: 'Nhập tên quầy.', areaIds: 'Một lĩnh vực chỉ chọn một lần.' });
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('departments, users and devices follow the server’s rules', () => {
    expect(validateDepartment({ code: 'STP', name: 'Sở Tư pháp' }, [{ id: '1', code: 'stp' }]).code).toBe(
      'Mã sở, ngành đã tồn tại.',
    );
    expect(validateNewUser({ username: 'nguyễn', password: 'short', displayName: '' }, [])).toEqual({
      username: '2–64 ký tự: chữ không dấu, số, . _ -',
      password: 'Mật khẩu ít nhất 8 ký tự.',
      displayName: 'Nhập họ tên.',
    });
    expect(
      validateNewUser({ username: 'canbo1', password: 'password-1', displayName: 'An' }, ['CANBO1']).username,
    ).toBe('Tên đăng nhập đã tồn tại.');
    expect(
      validateDevice({ kind: 'rating', name: 'Pad', counterId: '', kioskId: '', printer: '' }).counterId,
    ).toBeDefined();
    expect(
      validateDevice({ kind: 'kiosk', name: 'K', counterId: '', kioskId: '', printer: 'http://x' }).printer,
    ).toBeDefined();
    expect(
      validateDevice({ kind: 'kiosk', name: 'K', counterId: '', kioskId: '', printer: 'tcp://10.0.0.5:9100' }),
    ).toEqual({});
  });
});

describe('settings validation', () => {
  const base = centerSettingsSchema.parse({});
  it('the defaults are valid', () => expect(validateSettings(base)).toEqual({}));
  it('catches hours, holidays, levels and ranges', () => {
    const e = validateSettings({
      ...base,
      issuingHours: [{ days: [1], from: '11:00', to: '07:00' }],
      holidays: ['2026-02-30'],
      announcement: 'Mời quầy {counter}',
      ratingLevels: [
        { key: 'a', label: 'A' },
        { key: 'a', label: 'B' },
      ],
      kioskIdleSeconds: 1,
      publicUrl: 'ftp://x',
    });
    expect(e).toEqual({
      'issuingHours.0': 'Giờ kết thúc phải sau giờ bắt đầu.',
      holidays: 'Ngày không hợp lệ: 2026-02-30.',
      announcement: 'Câu mời cần có {number} (số thứ tự).',
      ratingLevels: 'Mã mức đánh giá bị trùng.',
      kioskIdleSeconds: 'Từ 5 đến 600 giây.',
      publicUrl: 'Địa chỉ dạng http://192.168.1.10:8080 hoặc để trống.',
    });
  });
});
