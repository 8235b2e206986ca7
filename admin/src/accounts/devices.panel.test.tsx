// @vitest-environment happy-dom
import { withTestHost } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { AreaDto, DeviceDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { clickText, settle, submit, type } from '../admin.testing.ts';
import { renderSettled } from '@ui/render.testing';
import { DevicesPanel } from './devices.panel.tsx';
import { deviceDto } from './device.testing.ts';
import { displaySettings, filterFromSettings } from './display.filter.tsx';

let host: HTMLElement;
withTestHost((h) => (host = h));
const mount = (node: preact.ComponentChild) => renderSettled(node, host);

const area = (id: string, code: string, name: string): AreaDto => ({
  id,
  code,
  name,
  departmentId: 'd1',
  departmentName: 'Sở Tư pháp',
  departmentCode: 'STP',
  open: true,
  active: true,
  available: true,
  unavailableReason: null,
  waiting: 0,
  issuedToday: 0,
  dailyLimit: null,
  numberStart: 1,
  numberEnd: 999,
  targetWaitMinutes: null,
  servingCounters: 0,
  estimatedWaitMin: null,
  longestWaitSec: 0,
  hours: null,
  sort: 0,
});
const catalog = {
  departments: [],
  areas: [area('a1', 'LLTP', 'Lý lịch tư pháp'), area('a2', 'HTCT', 'Hộ tịch'), area('a3', 'CT', 'Chứng thực')],
  counters: [],
};
const hall = deviceDto({ pairingCode: null });
const tick = (code: string) =>
  act(async () => {
    (host.querySelector(`[data-area=${code}] input`) as HTMLInputElement).click();
  });

describe('display device filter', () => {
  it('creates a hall display with counters and ticked areas in settings', async () => {
    const createDevice = vi.fn(async (d: Parameters<AdminApi['createDevice']>[0]) => ({
      ...hall,
      id: 'dev2',
      name: d.name,
      token: 'tok',
    }));
    await mount(
      <DevicesPanel api={{ devices: async () => [], createDevice } as unknown as AdminApi} catalog={catalog} />,
    );
    await act(async () => {
      clickText(host, '+ Thêm thiết bị');
    });
    await act(async () => {
      type(host, 'select[name=kind]', 'display');
    });
    await act(async () => {
      type(host, 'input[name=name]', 'Màn hình tầng 2');
    });
    await act(async () => {
      type(host, 'input[name=displayCounters]', '1; 2');
    });
    expect([...host.querySelectorAll('.area-checks label')].map((l) => l.textContent)).toEqual([
      'LLTP – Lý lịch tư pháp',
      'HTCT – Hộ tịch',
      'CT – Chứng thực',
    ]);
    await tick('LLTP');
    await tick('CT');
    await tick('LLTP');
    await tick('HTCT'); // unticking works too
    await act(async () => {
      submit(host.querySelector('form[aria-label="Thiết bị mới"]'));
    });
    await settle();
    expect(createDevice).toHaveBeenCalledWith({
      kind: 'display',
      name: 'Màn hình tầng 2',
      settings: { counters: [1, 2], areas: ['a3', 'a2'] },
    });
  });

  it('edits the filter of an existing hall display with PATCH settings, and shows the server error', async () => {
    const updateDevice = vi
      .fn()
      .mockRejectedValueOnce(Object.assign(new Error('Không tìm thấy thiết bị.'), { code: 'device.not_found' }))
      .mockResolvedValueOnce(hall);
    const listed = { ...hall, settings: { counters: [3], areas: ['HTCT'] } }; // a code typed by hand still ticks its box
    await mount(
      <DevicesPanel api={{ devices: async () => [listed], updateDevice } as unknown as AdminApi} catalog={catalog} />,
    );
    await act(async () => {
      clickText(host, 'Nội dung hiển thị');
    });
    const form = host.querySelector('form[aria-label="Nội dung màn hình hiển thị"]');
    expect(form?.querySelector('h3')?.textContent).toBe('Nội dung hiển thị của «Màn hình sảnh»');
    expect((host.querySelector('input[name=displayCounters]') as HTMLInputElement).value).toBe('3');
    expect([...host.querySelectorAll<HTMLInputElement>('.area-checks input')].map((i) => i.checked)).toEqual([
      false,
      true,
      false,
    ]);
    await tick('LLTP');
    await act(async () => {
      submit(form);
    });
    await settle();
    expect(host.querySelector('.notice-error')?.textContent).toBe('Không tìm thấy thiết bị.');
    await act(async () => {
      submit(host.querySelector('form[aria-label="Nội dung màn hình hiển thị"]'));
    });
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

describe('pairing codes on demand', () => {
  const kiosk: DeviceDto = {
    ...hall,
    id: 'k1',
    kind: 'kiosk',
    name: 'Ki-ốt sảnh',
    inUse: false,
    pairingExpiresAt: null,
  };
  const soon = new Date(Date.now() + 10 * 60_000).toISOString();

  it('lists the pairing state without any code, and shows a requested code once with its expiry', async () => {
    const running: DeviceDto = { ...kiosk, id: 'k2', name: 'Ki-ốt tầng 2', inUse: true };
    const waiting: DeviceDto = { ...kiosk, id: 'k3', name: 'Ki-ốt chờ', pairingExpiresAt: soon };
    const pairingCode = vi.fn(async () => ({ code: '482913', expiresAt: soon, replacedToken: false }));
    await mount(
      <DevicesPanel
        api={{ devices: async () => [kiosk, running, waiting], pairingCode } as unknown as AdminApi}
        catalog={catalog}
      />,
    );
    expect(host.querySelector('tr[data-device="Ki-ốt sảnh"]')?.textContent).toContain('Chưa ghép nối');
    expect(host.querySelector('tr[data-device="Ki-ốt tầng 2"]')?.textContent).toContain('Đang hoạt động');
    expect(host.querySelector('tr[data-device="Ki-ốt chờ"]')?.textContent).toContain('Chờ ghép nối · mã hết hạn');
    await act(async () => {
      clickText(host.querySelector('tr[data-device="Ki-ốt sảnh"]') as HTMLElement, 'Tạo mã ghép nối');
    });
    await settle();
    expect(pairingCode).toHaveBeenCalledWith('k1');
    const box = host.querySelector('[data-testid=pairing-code-box]');
    expect(box?.querySelector('.pair-code')?.textContent).toBe('482913');
    expect(box?.textContent).toContain('Mã ghép nối của «Ki-ốt sảnh»');
    expect(box?.textContent).toMatch(/một lần, đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} \(10 phút\)/);
    await act(async () => {
      clickText(host, 'Đã ghép nối xong, đóng');
    });
    expect(host.querySelector('[data-testid=pairing-code-box]')).toBeNull();
  });

  it('re-pairs a device in use only after the admin confirms, and says the old token stopped', async () => {
    const running: DeviceDto = { ...kiosk, inUse: true };
    const pairingCode = vi.fn(async () => ({ code: '000731', expiresAt: soon, replacedToken: true }));
    const ask = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', ask);
    await mount(
      <DevicesPanel api={{ devices: async () => [running], pairingCode } as unknown as AdminApi} catalog={catalog} />,
    );
    await act(async () => {
      clickText(host, 'Ghép nối lại');
    });
    await settle();
    expect(ask.mock.calls[0]?.[0]).toContain('Mã thiết bị hiện tại ngừng hoạt động ngay');
    expect(pairingCode).not.toHaveBeenCalled();
    await act(async () => {
      clickText(host, 'Ghép nối lại');
    });
    await settle();
    expect(pairingCode).toHaveBeenCalledWith('k1');
    expect(host.querySelector('[data-testid=pairing-code-box]')?.textContent).toContain(
      'Mã thiết bị cũ đã ngừng hoạt động',
    );
    vi.unstubAllGlobals();
  });

  it('shows the server refusal (a revoked device) as a message', async () => {
    const pairingCode = vi.fn(async () => {
      throw Object.assign(new Error('Không tìm thấy thiết bị.'), { code: 'device.not_found' });
    });
    await mount(
      <DevicesPanel api={{ devices: async () => [kiosk], pairingCode } as unknown as AdminApi} catalog={catalog} />,
    );
    await act(async () => {
      clickText(host, 'Tạo mã ghép nối');
    });
    await settle();
    expect(host.querySelector('.notice-error')?.textContent).toBe('Không tìm thấy thiết bị.');
  });
});

describe('kiosk printer model', () => {
  const kiosk: DeviceDto = { ...hall, id: 'k1', kind: 'kiosk', name: 'Ki-ốt sảnh', printer: 'tcp://10.0.0.9:9100' };

  it('creates a kiosk with its printer model in settings (epson, the default, adds nothing)', async () => {
    const createDevice = vi.fn(async (d: Parameters<AdminApi['createDevice']>[0]) => ({
      ...kiosk,
      name: d.name,
      token: 'tok',
    }));
    await mount(
      <DevicesPanel api={{ devices: async () => [], createDevice } as unknown as AdminApi} catalog={catalog} />,
    );
    await act(async () => {
      clickText(host, '+ Thêm thiết bị');
    });
    const models = [...host.querySelectorAll('select[name=printerModel] option')].map((o) => o.textContent);
    expect(models).toEqual(['Epson / ESC/POS (mặc định)', 'Star (Star Line Mode)']);
    await act(async () => {
      type(host, 'input[name=name]', 'Ki-ốt tầng 1');
    });
    await act(async () => {
      type(host, 'input[name=printer]', 'tcp://10.0.0.9:9100');
    });
    await act(async () => {
      type(host, 'select[name=printerModel]', 'star');
    });
    await act(async () => {
      submit(host.querySelector('form[aria-label="Thiết bị mới"]'));
    });
    await settle();
    expect(createDevice).toHaveBeenCalledWith({
      kind: 'kiosk',
      name: 'Ki-ốt tầng 1',
      printer: 'tcp://10.0.0.9:9100',
      settings: { printerModel: 'star' },
    });
  });

  it("changes a listed kiosk's printer model with PATCH settings, keeping its other settings", async () => {
    const listed = { ...kiosk, settings: { note: 'x' } };
    const updateDevice = vi.fn(async () => listed);
    await mount(
      <DevicesPanel api={{ devices: async () => [listed], updateDevice } as unknown as AdminApi} catalog={catalog} />,
    );
    const select = host.querySelector('select[aria-label="Loại máy in của Ki-ốt sảnh"]') as HTMLSelectElement;
    expect(select.value).toBe('epson');
    await act(async () => {
      type(host, 'select[aria-label="Loại máy in của Ki-ốt sảnh"]', 'star');
    });
    await settle();
    expect(updateDevice).toHaveBeenCalledWith('k1', { settings: { note: 'x', printerModel: 'star' } });
    expect(host.textContent).toContain('Đã đổi loại máy in của Ki-ốt sảnh.');
  });
});
