import type { DeviceDto } from '../../contract/dto.ts';
import type { Actor, Device } from '../entities.ts';
import type { Deps } from '../ports.ts';
import { toIso } from '../time/zoned-time.ts';

/** Devices as the admin's list shows them, and the kiosks whose printers the printer screen watches. */
export function createDeviceView(deps: Deps) {
  const iso = (ms: number | null) => (ms === null ? null : toIso(ms, deps.settings.get().timeZone));

  /** The pairing code itself is never listed (only its hash is kept); the list says whether one is outstanding. */
  function dto(d: Device, withPairing = false): DeviceDto {
    return {
      id: d.id,
      kind: d.kind,
      name: d.name,
      counterId: d.counterId,
      kioskId: d.kioskId,
      printer: d.printer,
      createdAt: iso(d.createdAt)!,
      revokedAt: iso(d.revokedAt),
      lastSeenAt: iso(d.lastSeenAt),
      settings: d.settings,
      ...(withPairing
        ? {
            pairingExpiresAt:
              d.pairingExpiresAt !== null && d.pairingExpiresAt > deps.clock.now() ? iso(d.pairingExpiresAt) : null,
            inUse: d.tokenUsedAt !== null,
          }
        : {}),
    };
  }

  return {
    dto,
    iso,
    /** Every device, with whether a pairing code is outstanding. */
    list: (): DeviceDto[] => deps.store.accounts.devices().map((d) => dto(d, true)),
    /** Live kiosks with a printer; a kiosk asking sees only its own. */
    printerKiosks: (actor: Actor): Device[] =>
      deps.store.accounts
        .devices()
        .filter(
          (d) => d.kind === 'kiosk' && !d.revokedAt && d.printer && (actor.kind !== 'device' || d.id === actor.id),
        ),
  };
}
