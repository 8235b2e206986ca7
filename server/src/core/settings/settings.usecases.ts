import type { CenterSettings } from '../../contract/settings.schema.ts';
import type { Actor } from '../entities.ts';
import type { TxDeps } from '../ports.ts';
import type { SettingsService } from './settings.service.ts';

/**
 * An admin changes the center's settings: checked, stored with its audit entry and announced to every screen
 * (`config:updated`) in one transaction, so a refused patch changes nothing and tells no one.
 */
export function updateSettings(
  tx: TxDeps,
  { service, patch, actor }: { service: Pick<SettingsService, 'check' | 'write'>; patch: unknown; actor: Actor },
): CenterSettings {
  const checked = service.check(patch);
  service.write(checked, { kind: actor.kind, id: actor.id });
  tx.emit({ type: 'config:updated', reason: 'settings.update' });
  return checked.next;
}
