import { describe, expect, it } from 'vitest';
import type { AppError } from '../../contract/errors.ts';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { createDevice, updateDevice } from './devices.usecases.ts';

const admin = { kind: 'user', id: 'u-admin', role: 'admin', username: 'admin', displayName: 'Quản trị' } as const;
const audits = (h: ReturnType<typeof coreHarness>) =>
  h.store.journal.auditPage(Number.MAX_SAFE_INTEGER, 100).filter((r) => r.action === 'device.update');
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('updateDevice', () => {
  it('writes the change with its audit entry; moving a display to another counter says so (sockets must drop)', () => {
    const h = coreHarness();
    const { device } = h.run((tx) =>
      createDevice(tx, { kind: 'display', name: 'Biển số', counterId: h.counter(1).id, actor: admin }),
    );
    const renamed = h.run((tx) =>
      updateDevice(tx, { deviceId: device.id, patch: { name: 'Biển số quầy 1' }, actor: admin }),
    );
    expect(renamed).toMatchObject({ moved: false, device: { name: 'Biển số quầy 1', counterId: h.counter(1).id } });
    const moved = h.run((tx) =>
      updateDevice(tx, { deviceId: device.id, patch: { counterId: h.counter(2).id }, actor: admin }),
    );
    expect(moved.moved).toBe(true);
    expect(h.store.accounts.device(device.id)).toMatchObject({ name: 'Biển số quầy 1', counterId: h.counter(2).id });
    expect(audits(h).map((r) => [r.actor_id, r.entity_id])).toEqual([
      ['u-admin', device.id],
      ['u-admin', device.id],
    ]);
  });

  it('refuses a printer on a non-kiosk, an unknown counter and a revoked device, changing and logging nothing', () => {
    const h = coreHarness();
    const { device } = h.run((tx) =>
      createDevice(tx, { kind: 'display', name: 'Màn hình', counterId: null, actor: admin }),
    );
    const before = h.store.accounts.device(device.id);
    expect(
      codeOf(() =>
        h.run((tx) =>
          updateDevice(tx, { deviceId: device.id, patch: { printer: 'tcp://10.0.0.9:9100' }, actor: admin }),
        ),
      ),
    ).toBe('device.printer_only_kiosk');
    expect(
      codeOf(() =>
        h.run((tx) => updateDevice(tx, { deviceId: device.id, patch: { counterId: 'khong-co' }, actor: admin })),
      ),
    ).toBe('counter.not_found');
    expect(
      codeOf(() => h.run((tx) => updateDevice(tx, { deviceId: 'khong-co', patch: { name: 'x' }, actor: admin }))),
    ).toBe('device.not_found');
    expect(h.store.accounts.device(device.id)).toEqual(before);
    expect(audits(h)).toEqual([]);
  });
});
