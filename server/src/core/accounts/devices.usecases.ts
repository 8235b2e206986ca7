import { AppError } from '../../contract/errors.ts';
import type { DeviceKind } from '../../contract/dto.ts';
import type { Actor, Device } from '../entities.ts';
import { newId, newToken } from '../ids.ts';
import type { Deps, TxDeps } from '../ports.ts';
import { hashToken, randomDigits } from './password.ts';

/** A pairing code is read out and typed at once: minutes, not days. */
export const PAIRING_MS = 10 * 60_000;

/** Every use case here runs inside the caller's transaction (`run((tx) => …)`), in the one shape `(tx, input)`. */

export function createDevice(
  tx: TxDeps,
  input: {
    kind: DeviceKind;
    name: string;
    counterId?: string | null;
    kioskId?: string | null;
    printer?: string | null;
    settings?: Record<string, unknown>;
    actor: Actor;
  },
): { device: Device; token: string; pairingCode: string } {
  const { actor } = input;
  if (input.kind === 'rating' && !input.counterId) throw new AppError('device.counter_required');
  if (input.kind === 'printer' && !input.kioskId) throw new AppError('device.kiosk_required');
  if (input.printer && input.kind !== 'kiosk') throw new AppError('device.printer_only_kiosk');
  if (input.counterId && !tx.store.catalog.counter(input.counterId)) throw new AppError('counter.not_found');
  if (input.kioskId) {
    const k = tx.store.accounts.device(input.kioskId);
    if (!k || k.kind !== 'kiosk' || k.revokedAt) throw new AppError('device.not_found', 'Không tìm thấy ki-ốt.');
  }
  const now = tx.clock.now();
  const token = newToken();
  const device: Device = {
    id: newId(12),
    kind: input.kind,
    name: input.name,
    counterId: input.kind === 'rating' || input.kind === 'display' ? (input.counterId ?? null) : null,
    kioskId: input.kind === 'printer' ? (input.kioskId ?? null) : null,
    printer: input.kind === 'kiosk' ? (input.printer ?? null) : null,
    settings: input.settings ?? {},
    pairingExpiresAt: now + PAIRING_MS,
    tokenUsedAt: null,
    createdAt: now,
    revokedAt: null,
    lastSeenAt: null,
  };
  tx.store.accounts.insertDevice(device, hashToken(token));
  const code = drawPairingCode(tx);
  tx.store.accounts.setPairingCode(device.id, code.hash, now + PAIRING_MS);
  tx.store.journal.audit({
    at: now,
    actorKind: actor.kind,
    actorId: actor.id,
    action: 'device.create',
    entity: 'device',
    entityId: device.id,
    data: { kind: device.kind, name: device.name },
  });
  return { device, token, pairingCode: code.code };
}

/** Six digits an admin reads out; the database keeps only their SHA-256, and no live device may share one. */
function drawPairingCode(tx: Deps): { code: string; hash: string } {
  for (;;) {
    const code = randomDigits(6);
    const hash = hashToken(code);
    if (!tx.store.accounts.pairingHashTaken(hash)) return { code, hash };
  }
}

/**
 * An admin asks for a code on demand (valid PAIRING_MS; a newer code replaces an older one). For a device
 * whose token is in use this is a re-pairing (a new PC, a wiped browser): its current token stops working at
 * once, so the code is again the only way in. `replacedToken` tells the caller to drop the device's sockets.
 */
export function issuePairingCode(
  tx: TxDeps,
  input: { deviceId: string; actor: Actor },
): { code: string; expiresAt: number; replacedToken: boolean } {
  const { deviceId: id, actor } = input;
  const now = tx.clock.now();
  const d = tx.store.accounts.device(id);
  if (!d || d.revokedAt) throw new AppError('device.not_found');
  const replacedToken = d.tokenUsedAt !== null;
  if (replacedToken) tx.store.accounts.replaceToken(id, hashToken(newToken()));
  const { code, hash } = drawPairingCode(tx);
  tx.store.accounts.setPairingCode(id, hash, now + PAIRING_MS);
  tx.store.journal.audit({
    at: now,
    actorKind: actor.kind,
    actorId: actor.id,
    action: 'device.pairing_code',
    entity: 'device',
    entityId: id,
    data: { replacedToken },
  });
  return { code, expiresAt: now + PAIRING_MS, replacedToken };
}

/**
 * Trades a live code for the device token, once. The token is minted now (only its hash is stored), so it
 * replaces the one shown when the device was made; the code dies in the same transaction.
 */
export function pairDevice(tx: TxDeps, input: { code: string }): { device: Device; token: string } {
  const token = newToken();
  const now = tx.clock.now();
  const device = tx.store.accounts.takePairing(hashToken(input.code.trim()), now, hashToken(token));
  if (!device) throw new AppError('auth.invalid_pairing_code');
  tx.store.journal.audit({
    at: now,
    actorKind: 'device',
    actorId: device.id,
    action: 'device.pair',
    entity: 'device',
    entityId: device.id,
  });
  return { device, token };
}

export function revokeDevice(tx: TxDeps, input: { deviceId: string; actor: Actor }): Device {
  const { deviceId: id, actor } = input;
  const d = tx.store.accounts.device(id);
  if (!d) throw new AppError('device.not_found');
  tx.store.accounts.revokeDevice(id, tx.clock.now());
  tx.store.journal.audit({
    at: tx.clock.now(),
    actorKind: actor.kind,
    actorId: actor.id,
    action: 'device.revoke',
    entity: 'device',
    entityId: id,
  });
  return tx.store.accounts.device(id)!;
}

/**
 * An admin renames a device, moves it to another counter, points a kiosk at another printer or changes its
 * settings. Checked and written in one transaction; `moved` tells the caller to drop the device's sockets,
 * which are in the old counter's rooms (the screen reconnects into the new ones).
 */
export function updateDevice(
  tx: TxDeps,
  input: {
    deviceId: string;
    patch: { name?: string; counterId?: string | null; printer?: string | null; settings?: Record<string, unknown> };
    actor: Actor;
  },
): { device: Device; moved: boolean } {
  const { patch, actor } = input;
  const d = tx.store.accounts.device(input.deviceId);
  if (!d || d.revokedAt) throw new AppError('device.not_found');
  if (patch.printer && d.kind !== 'kiosk') throw new AppError('device.printer_only_kiosk');
  if (patch.counterId && !tx.store.catalog.counter(patch.counterId)) throw new AppError('counter.not_found');
  const next: Device = {
    ...d,
    name: patch.name ?? d.name,
    counterId: patch.counterId === undefined ? d.counterId : (patch.counterId ?? null),
    printer: patch.printer === undefined ? d.printer : (patch.printer ?? null),
    settings: patch.settings ?? d.settings,
  };
  tx.store.accounts.updateDevice(next);
  tx.store.journal.audit({
    at: tx.clock.now(),
    actorKind: actor.kind,
    actorId: actor.id,
    action: 'device.update',
    entity: 'device',
    entityId: d.id,
    data: patch,
  });
  return { device: next, moved: next.counterId !== d.counterId || next.kioskId !== d.kioskId };
}
