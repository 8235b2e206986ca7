// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { AreaDto, DeviceDto } from '../../../server/src/contract/dto.ts';
import type { AdminApi } from '../admin.api.ts';
import { clickText, settle, submit, type } from '../admin.testing.ts';
import { DevicesPanel } from './devices.panel.tsx';
import { displaySettings, filterFromSettings } from './display.filter.tsx';

let host: HTMLElement;
beforeEach(() => { host = document.createElement('div'); document.body.appendChild(host); });
afterEach(() => { render(null, host); host.remove(); });
const mount = async (node: preact.ComponentChild) => { await act(async () => { render(node, host); }); await settle(); };

const area = (id: string, code: string, name: string): AreaDto => ({
  id, code, name, departmentId: 'd1', departmentName: 'Sở Tư pháp', departmentCode: 'STP', open: true, active: true, available: true, unavailableReason: null,
  waiting: 0, issuedToday: 0, dailyLimit: null, numberStart: 1, numberEnd: 999, targetWaitMinutes: null, servingCounters: 0, estimatedWaitMin: null, longestWaitSec: 0, hours: null, sort: 0,
});
const catalog = { departments: [], areas: [area('a1', 'LLTP', 'Lý lịch tư pháp'), area('a2', 'HTCT', 'Hộ tịch'), area('a3', 'CT', 'Chứng thực')], counters: [] };
const hall: DeviceDto = { id: 'dev1', kind: 'display', name: 'Màn hình sảnh', counterId: null, kioskId: null, printer: null, createdAt: '', revokedAt: null, lastSeenAt: null, pairingCode: null };
const tick = (code: string) => act(async () => { (host.querySelector(`[data-area=${code}] input`) as HTMLInputElement).click(); });

describe('display device filter', () => {
  it('creates a hall display with counters and ticked areas in settings', async () => {
    const createDevice = vi.fn(async (d: Parameters<AdminApi['createDevice']>[0]) => ({ ...hall, id: 'dev2', name: d.name, token: 'tok' }));
    await mount(<DevicesPanel api={{ devices: async () => [], createDevice } as unknown as AdminApi} catalog={catalog} />);
    await act(async () => { clickText(host, '+ Thêm thiết bị'); });
    await act(async () => { type(host, 'select[name=kind]', 'display'); });
    await act(async () => { type(host, 'input[name=name]', 'Màn hình tầng 2'); });
    await act(async () => { type(host, 'input[name=displayCounters]', '1; 2'); });
    expect([...host.querySelectorAll('.area-checks label')].map((l) => l.textContent)).toEqual(['LLTP – Lý lịch tư pháp', 'HTCT – Hộ tịch', 'CT – Chứng thực']);
    await tick('LLTP'); await tick('CT'); await tick('LLTP'); await tick('HTCT'); // unticking works too
    await act(async () => { submit(host.querySelector('form[aria-label="Thiết bị mới"]')); });
    await settle();
    expect(createDevice).toHaveBeenCalledWith({ kind: 'display', name: 'Màn hình tầng 2', settings: { counters: [1, 2], areas: ['a3', 'a2'] } });
  });

  it('edits the filter of an existing hall display with PATCH settings, and shows the server error', async () => {
    const updateDevice = vi.fn()
      .mockRejectedValueOnce(Object.assign(new Error('Không tìm thấy thiết bị.'), { code: 'device.not_found' }))
      .mockResolvedValueOnce(hall);
    const listed = { ...hall, settings: { counters: [3], areas: ['HTCT'] } }; // a code typed by hand still ticks its box
    await mount(<DevicesPanel api={{ devices: async () => [listed], updateDevice } as unknown as AdminApi} catalog={catalog} />);
    await act(async () => { clickText(host, 'Nội dung hiển thị'); });
    const form = host.querySelector('form[aria-label="Nội dung màn hình hiển thị"]');
    expect(form?.querySelector('h3')?.textContent).toBe('Nội dung hiển thị của «Màn hình sảnh»');
    expect((host.querySelector('input[name=displayCounters]') as HTMLInputElement).value).toBe('3');
    expect([...host.querySelectorAll<HTMLInputElement>('.area-checks input')].map((i) => i.checked)).toEqual([false, true, false]);
    await tick('LLTP');
    await act(async () => { submit(form); });
    await settle();
    expect(host.querySelector('.notice-error')?.textContent).toBe('Không tìm thấy thiết bị.');
    await act(async () => { submit(host.querySelector('form[aria-label="Nội dung màn hình hiển thị"]')); });
    await settle();
    expect(updateDevice).toHaveBeenLastCalledWith('dev1', { settings: { counters: [3], areas: ['a2', 'a1'] } });
    expect(host.querySelector('.notice-ok')?.textContent).toBe('Đã lưu nội dung hiển thị của Màn hình sảnh.');
    expect(host.querySelector('form[aria-label="Nội dung màn hình hiển thị"]')).toBeNull();
  });

  it('counter boards have no hall filter; empty choices mean everything', async () => {
    const board = { ...hall, id: 'dev3', name: 'Bảng quầy 1', counterId: 'c1' };
    await mount(<DevicesPanel api={{ devices: async () => [board] } as unknown as AdminApi} catalog={catalog} />);
    expect(host.querySelector('tr[data-device="Bảng quầy 1"]')?.textContent).not.toContain('Nội dung hiển thị');
    expect(displaySettings({ counters: '', areaIds: [] })).toEqual({ counters: [], areas: [] });
    expect(filterFromSettings(undefined, catalog.areas)).toEqual({ counters: '', areaIds: [] });
  });
});
