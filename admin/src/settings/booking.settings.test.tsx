// @vitest-environment happy-dom
import { renderSettled, withTestHost } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { centerSettingsSchema } from '@contract/settings.schema';
import type { AdminApi } from '../admin.api.ts';
import { settle, submit, type } from '../admin.testing.ts';
import { SettingsScreen } from './settings.screen.tsx';

/** Issue 13, staff side: the booking settings, the citizen limits, the write-only PIN, capacities per area. */
let host: HTMLElement;
withTestHost((h) => (host = h));

const withPin = (set: boolean) => {
  const s = centerSettingsSchema.parse({});
  return { ...s, citizenLimits: { ...s.citizenLimits, overridePinSet: set } };
};
const area = { id: 'a1', code: 'LLTP', name: 'Lý lịch tư pháp', bookingSlotCapacity: 0 };
function api(over: Partial<Record<keyof AdminApi, unknown>> = {}) {
  return {
    settings: async () => withPin(true),
    patchSettings: vi.fn(async () => withPin(true)),
    areas: async () => [area],
    patchArea: vi.fn(async () => ({ ...area, bookingSlotCapacity: 4 })),
    ...over,
  } as unknown as AdminApi & { patchSettings: ReturnType<typeof vi.fn>; patchArea: ReturnType<typeof vi.fn> };
}
const save = async () => {
  await act(async () => {
    submit(host.querySelector('form.settings-form'));
  });
  await settle();
};

describe('booking settings (issue 13)', () => {
  it('labels every field in Vietnamese with its unit', async () => {
    await renderSettled(<SettingsScreen api={api()} />, host);
    const labels = [...host.querySelectorAll('.field-label')].map((l) => l.textContent);
    for (const l of [
      'Đặt trước tối đa (ngày)',
      'Độ dài mỗi khung giờ (phút)',
      'Phần dành cho đặt trực tuyến (%)',
      'Được đến sớm (phút trước giờ hẹn)',
      'Được đến muộn (phút sau giờ hẹn)',
      'Mỗi địa chỉ mạng tối đa (lượt/giờ)',
      'Mỗi công dân tối đa (số/ngày)',
      'Mỗi công dân, một lĩnh vực (số/ngày)',
      'Tự động ưu tiên từ (tuổi)',
      'Mã xác nhận của cán bộ (4–8 chữ số)',
    ])
      expect(labels).toContain(l);
    expect(host.textContent).toContain('Đã đặt mã. Để trống: giữ nguyên mã cũ.');
  });

  it('saves the booking fields and a typed PIN, never sending overridePinSet', async () => {
    const a = api();
    await renderSettled(<SettingsScreen api={a} />, host);
    await act(async () => {
      (host.querySelector('input[name="booking.enabled"]') as HTMLInputElement).click();
    });
    await act(async () => {
      type(host, 'input[name="booking.daysAhead"]', '10');
      type(host, 'input[name="citizenLimits.perDay"]', '3');
      type(host, 'input[name=overridePin]', '482913');
    });
    await save();
    const body = a.patchSettings.mock.calls[0]![0];
    expect(body.booking).toMatchObject({ enabled: true, daysAhead: 10, slotMinutes: 30 });
    expect(body.citizenLimits).toEqual({
      perDay: 3,
      perAreaPerDay: 1,
      requireCardAtKiosk: false,
      overridePin: '482913',
    });
    expect(host.querySelector('.notice-ok')).not.toBeNull();
  });

  it('refuses a bad slot length and a PIN that is not 4–8 digits, in Vietnamese, sending nothing', async () => {
    const a = api();
    await renderSettled(<SettingsScreen api={a} />, host);
    await act(async () => {
      type(host, 'input[name="booking.slotMinutes"]', '3');
      type(host, 'input[name=overridePin]', '12a');
    });
    await save();
    expect(a.patchSettings).not.toHaveBeenCalled();
    const errors = [...host.querySelectorAll('.field-error')].map((e) => e.textContent);
    expect(errors).toContain('Từ 5 đến 240 phút.');
    expect(errors).toContain('Mã gồm 4 đến 8 chữ số.');
  });

  it('removes the PIN with null; leaves it alone when nothing was typed', async () => {
    const a = api();
    await renderSettled(<SettingsScreen api={a} />, host);
    await save();
    expect('overridePin' in a.patchSettings.mock.calls[0]![0].citizenLimits).toBe(false);
    await act(async () => {
      (host.querySelector('input[name="overridePin.remove"]') as HTMLInputElement).click();
    });
    await save();
    expect(a.patchSettings.mock.calls[1]![0].citizenLimits.overridePin).toBeNull();
  });

  it("sets an area's places per slot with PATCH /api/areas/:id", async () => {
    const a = api();
    await renderSettled(<SettingsScreen api={a} />, host);
    await act(async () => {
      type(host, 'input[aria-label="Lượt hẹn mỗi khung giờ của Lý lịch tư pháp"]', '4');
    });
    await act(async () => {
      (host.querySelector('tr[data-area=LLTP] button') as HTMLButtonElement).click();
    });
    await settle();
    expect(a.patchArea).toHaveBeenCalledWith('a1', { bookingSlotCapacity: 4 });
    expect(host.textContent).toContain('Đã lưu: Lý lịch tư pháp nhận 4 lượt hẹn mỗi khung giờ.');
  });
});
