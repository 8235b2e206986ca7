import {
  centerSettingsPatchSchema,
  centerSettingsSchema,
  type CenterSettings,
} from '../../contract/settings.schema.ts';
import { AppError } from '../../contract/errors.ts';
import type { Clock } from '../clock.ts';
import type { SettingsSource } from '../ports.ts';
import type { StorePort } from '../store.port.ts';
import { isValidTimeZone } from '../time/zoned-time.ts';

const KEY = 'center';

/** A patch that passed every check, not written yet: what `write` stores. */
export interface CheckedSettings {
  next: CenterSettings;
  sent: Record<string, unknown>;
}

/** Settings that are objects of their own: a patch of some of their fields keeps the others. */
const NESTED = ['booking', 'citizenLimits'] as const;
function mergeNested(raw: unknown, current: CenterSettings): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const k of NESTED) {
    const v = out[k];
    if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = { ...current[k], ...v };
  }
  return out;
}

/** The center's settings, read once and cached; every write goes through validation and the audit log. */
export function createSettingsService(
  store: StorePort,
  clock: Clock,
): SettingsSource & {
  update(patch: unknown, actor: { kind: string; id: string | null }): CenterSettings;
  check(patch: unknown): CheckedSettings;
  write(checked: CheckedSettings, actor: { kind: string; id: string | null }): void;
  replace(value: Partial<CenterSettings>): void;
} {
  let cached: CenterSettings | null = null;
  const load = (): CenterSettings => {
    const raw = store.settings.get<unknown>(KEY) ?? {};
    const parsed = centerSettingsSchema.safeParse(raw);
    return parsed.success ? parsed.data : centerSettingsSchema.parse({});
  };
  /** Every check of `update`, with no write: an import validates its settings before it changes anything. */
  function check(raw: unknown): CheckedSettings {
    const patch = mergeNested(raw, load());
    const p = centerSettingsPatchSchema.safeParse(patch);
    if (!p.success)
      throw new AppError(
        'settings.invalid',
        undefined,
        p.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    // zod's partial() still fills defaults: merge only the keys the caller actually sent.
    const sent = Object.fromEntries(
      Object.keys(patch as object).map((k) => [k, (p.data as Record<string, unknown>)[k]]),
    );
    const next = centerSettingsSchema.parse({ ...load(), ...sent });
    if (!isValidTimeZone(next.timeZone)) throw new AppError('settings.invalid', 'Múi giờ không hợp lệ.');
    const keys = new Set(next.ratingLevels.map((l) => l.key));
    if (keys.size !== next.ratingLevels.length) throw new AppError('settings.invalid', 'Mã mức đánh giá bị trùng.');
    return { next, sent };
  }
  /**
   * Stores a checked patch inside the caller's transaction. The cache is dropped rather than set: if that
   * transaction rolls back, the next read loads what is really stored.
   */
  function write({ next, sent }: CheckedSettings, actor: { kind: string; id: string | null }): void {
    store.settings.put(KEY, next, clock.now());
    store.journal.audit({
      at: clock.now(),
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'settings.update',
      entity: 'settings',
      entityId: KEY,
      data: sent,
    });
    cached = null;
  }
  return {
    get: () => (cached ??= load()),
    update(patch, actor) {
      const checked = check(patch);
      store.tx(() => write(checked, actor));
      cached = checked.next;
      return checked.next;
    },
    check,
    write,
    replace(value) {
      store.settings.put(KEY, centerSettingsSchema.parse(value), clock.now());
      cached = null;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
