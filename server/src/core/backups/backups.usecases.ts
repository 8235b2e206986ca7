import type { Actor } from '../entities.ts';
import type { TxDeps } from '../ports.ts';

/** A backup an admin asked for goes into the audit log, by file name (the nightly one is routine). */
export function recordBackup(tx: TxDeps, input: { file: string; actor: Actor }): void {
  const { file, actor } = input;
  tx.store.journal.audit({
    at: tx.clock.now(),
    actorKind: actor.kind,
    actorId: actor.id,
    action: 'backup.create',
    entity: 'backup',
    entityId: file,
  });
}
