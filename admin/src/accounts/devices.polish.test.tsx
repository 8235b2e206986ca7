// @vitest-environment happy-dom
import { withTestHost, renderSettled } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { CounterDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { clickText, settle, submit, type } from '../admin.testing.ts';
import { DevicesPanel } from './devices.panel.tsx';
import { deviceDto } from './device.testing.ts';

/** Issue 17, admin: the devices panel's rough edges. */
let host: HTMLElement;
withTestHost((h) => (host = h));
const mount = (node: preact.ComponentChild) => renderSettled(node, host);

const counter: CounterDto = {
  id: 'c1',
  number: 1,
  name: 'Quầy 1 – Tư pháp',
  areaIds: [],
  status: 'closed',
  clerk: null,
  currentTicket: null,
  updatedAt: '',
};
const catalog = {
  departments: [],
  areas: [],
  counters: [counter, { ...counter, id: 'c2', number: 2, name: 'Một cửa' }],
};
const kiosk = deviceDto({ id: 'k1', kind: 'kiosk', name: 'Ki-ốt sảnh', inUse: false, pairingExpiresAt: null });
const openForm = () =>
  act(async () => {
    clickText(host, '+ Thêm thiết bị');
  });

describe('devices panel polish (issue 17)', () => {
  it('names counters once in the counter list: "Quầy 1 – Tư pháp", not "Quầy 1 – Quầy 1 – Tư pháp"', async () => {
    await mount(<DevicesPanel api={{ devices: async () => [] } as unknown as AdminApi} catalog={catalog} />);
    await openForm();
    await act(async () => {
      type(host, 'select[name=kind]', 'rating');
    });
    const options = [...host.querySelectorAll('select[name=counterId] option')].map((o) => o.textContent);
    expect(options).toEqual(['— Chọn quầy —', 'Quầy 1 – Tư pháp', 'Quầy 2 – Một cửa']);
  });

  it('suggests a device name that fits the kind picked', async () => {
    await mount(<DevicesPanel api={{ devices: async () => [] } as unknown as AdminApi} catalog={catalog} />);
    await openForm();
    const placeholders: Record<string, string> = {};
    for (const kind of ['kiosk', 'display', 'rating', 'printer']) {
      await act(async () => {
        type(host, 'select[name=kind]', kind);
      });
      placeholders[kind] = (host.querySelector('input[name=name]') as HTMLInputElement).placeholder;
    }
    expect(placeholders).toEqual({
      kiosk: 'Ki-ốt sảnh chính',
      display: 'Màn hình sảnh tầng 1',
      rating: 'Thiết bị đánh giá quầy 1',
      printer: 'Chương trình in ki-ốt sảnh',
    });
  });

  it('hides the pairing code once the device has paired with its token (the code no longer works)', async () => {
    let paired = false;
    const created = { ...kiosk, id: 'k9', name: 'Ki-ốt mới', pairingCode: '482913', token: 'tok-k9' };
    const api = {
      devices: async () => (paired ? [{ ...created, pairingCode: undefined, inUse: true }] : [kiosk]),
      createDevice: async () => created,
    } as unknown as AdminApi;
    await mount(<DevicesPanel api={api} catalog={catalog} pollMs={20} />);
    await openForm();
    await act(async () => {
      type(host, 'input[name=name]', 'Ki-ốt mới');
    });
    await act(async () => {
      submit(host.querySelector('form[aria-label="Thiết bị mới"]'));
    });
    await settle();
    expect(host.querySelector('[data-testid=pairing] .pair-code')?.textContent).toBe('482913');
    paired = true; // the technician opened the address with ?token=
    await act(async () => {
      await new Promise((r) => setTimeout(r, 80));
    });
    await settle();
    const box = host.querySelector('[data-testid=pairing]');
    expect(box?.querySelector('.pair-code')).toBeNull();
    expect(box?.textContent).not.toContain('482913');
    expect(box?.textContent).toContain('Thiết bị đã ghép nối');
  });

  it('clears an old success banner when a new error shows, and an old error when a success shows', async () => {
    const listed = { ...kiosk, settings: {} };
    const updateDevice = vi
      .fn()
      .mockResolvedValueOnce(listed)
      .mockRejectedValueOnce(Object.assign(new Error('Không tìm thấy thiết bị.'), { code: 'device.not_found' }));
    await mount(
      <DevicesPanel api={{ devices: async () => [listed], updateDevice } as unknown as AdminApi} catalog={catalog} />,
    );
    await act(async () => {
      type(host, 'select[aria-label="Loại máy in của Ki-ốt sảnh"]', 'star');
    });
    await settle();
    expect(host.querySelector('.notice-ok')).not.toBeNull();
    await openForm();
    await act(async () => {
      submit(host.querySelector('form[aria-label="Thiết bị mới"]')); // no name: a field error
    });
    await settle();
    expect(host.querySelector('.field-error')?.textContent).toBe('Nhập tên thiết bị.');
    expect(host.querySelector('.notice-ok')).toBeNull();
  });
});
