/**
 * The staff override PIN (citizenLimits.overridePin): lets a kiosk that requires the ID card issue a number for a
 * citizen without one, when a member of staff types it. Write-only: kept as a keyed hash under its own settings
 * key, never in the center's settings document (so neither GET /api/settings nor a config export carries it).
 */
import { AppError } from '../../contract/errors.ts';
import { overridePinSchema } from '../../contract/settings.schema.ts';
import type { Actor } from '../entities.ts';
import type { TxDeps } from '../ports.ts';
import type { StorePort } from '../store.port.ts';
import type { CitizenKeyer } from './citizen.identity.ts';

const KEY = 'citizen.overridePin';

/** Takes `citizenLimits.overridePin` (and the read-only `overridePinSet`) out of a settings patch. */
export function splitOverridePin(patch: unknown): { rest: unknown; pin: string | null | undefined } {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return { rest: patch, pin: undefined };
  const limits = (patch as Record<string, unknown>).citizenLimits;
  if (!limits || typeof limits !== 'object' || Array.isArray(limits)) return { rest: patch, pin: undefined };
  const { overridePin, overridePinSet: _ignored, ...others } = limits as Record<string, unknown>;
  void _ignored;
  const rest = { ...(patch as Record<string, unknown>) };
  if (Object.keys(others).length > 0) rest.citizenLimits = others;
  else delete rest.citizenLimits;
  if (overridePin === undefined) return { rest, pin: undefined };
  const p = overridePinSchema.safeParse(overridePin);
  if (!p.success)
    throw new AppError('settings.invalid', 'Mã xác nhận của cán bộ phải gồm 4–8 chữ số.', [
      { path: 'citizenLimits.overridePin', message: '4–8 chữ số' },
    ]);
  return { rest, pin: p.data };
}

export function writeOverridePin(
  tx: TxDeps,
  { keyer, pin, actor }: { keyer: CitizenKeyer; pin: string | null; actor: Actor },
): void {
  const now = tx.clock.now();
  tx.store.settings.put(KEY, pin === null ? null : { hash: keyer.hashPin(pin) }, now);
  tx.store.journal.audit({
    at: now,
    actorKind: actor.kind,
    actorId: actor.id,
    action: 'settings.override_pin',
    entity: 'settings',
    entityId: KEY,
    data: { set: pin !== null },
  });
}

export function overridePinSet(store: StorePort): boolean {
  return Boolean(store.settings.get<{ hash: string } | null>(KEY)?.hash);
}

/** Whether the PIN a kiosk sent is the one set (false when none is set). */
export function overridePinMatches(store: StorePort, keyer: CitizenKeyer, pin: string): boolean {
  const stored = store.settings.get<{ hash: string } | null>(KEY)?.hash;
  return Boolean(stored) && /^\d{4,8}$/.test(pin) && keyer.hashPin(pin) === stored;
}
