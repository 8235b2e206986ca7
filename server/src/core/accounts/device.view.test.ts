import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import type { Actor } from '../entities.ts';
import { createDeviceView } from './device.view.ts';
import { createDevice, revokeDevice } from './devices.usecases.ts';

const admin = { kind: 'user', id: 'u-admin', role: 'admin', username: 'admin', displayName: 'Quản trị' } as const;

function setup() {
  const h = coreHarness();
  const make = (name: string, printer: string | null, kind: 'kiosk' | 'display' = 'kiosk') =>
    h.run((tx) => createDevice(tx, { kind, name, printer, actor: admin })).device;
  return { ...h, make, view: createDeviceView(h.deps) };
}

describe('the device view', () => {
  it('lists a first pairing code as outstanding until it expires, never the code itself', () => {
    const h = setup();
    const k = h.make('Ki-ốt A', 'tcp://10.0.0.9:9100');
    expect(h.view.list().find((d) => d.id === k.id)).toMatchObject({
      pairingExpiresAt: '2026-11-26T08:10:00.000+07:00',
      inUse: false,
    });
    expect(JSON.stringify(h.view.list())).not.toContain('pairingCode');
    h.clock.advance(10 * 60_000 + 1);
    expect(h.view.list().find((d) => d.id === k.id)?.pairingExpiresAt).toBeNull();
    expect(h.view.dto(k)).not.toHaveProperty('inUse');
  });

  it('watches the printers of live kiosks only; a kiosk asking sees its own', () => {
    const h = setup();
    const a = h.make('Ki-ốt A', 'tcp://10.0.0.9:9100');
    const b = h.make('Ki-ốt B', 'tcp://10.0.0.10:9100');
    h.make('Ki-ốt C', null);
    h.make('Màn hình', null, 'display');
    const gone = h.make('Ki-ốt cũ', 'tcp://10.0.0.11:9100');
    h.run((tx) => revokeDevice(tx, { deviceId: gone.id, actor: admin }));
    expect(h.view.printerKiosks(admin).map((d) => d.name)).toEqual([a.name, b.name]);
    const asKiosk: Actor = { ...h.kiosk, id: b.id };
    expect(h.view.printerKiosks(asKiosk).map((d) => d.id)).toEqual([b.id]);
  });
});
