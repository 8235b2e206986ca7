import type { CenterSettings } from '../contract/settings.schema.ts';
import type { Clock } from './clock.ts';
import type { StorePort } from './store.port.ts';

/**
 * What happened, told to the outside (sockets, printers) only after the transaction committed.
 * Payloads are ids: the realtime layer reads the committed state to build what it sends.
 */
export type DomainEvent =
  | { type: 'ticket:issued'; ticketId: string }
  | { type: 'ticket:called'; ticketId: string; counterId: string; recall: boolean; at: number }
  | { type: 'ticket:updated'; ticketId: string }
  | { type: 'counter:updated'; counterId: string }
  | { type: 'queue:updated'; areaId: string }
  | { type: 'rating:requested'; counterId: string; ticketId: string }
  | { type: 'rating:closed'; counterId: string; ticketId: string }
  | { type: 'rating:recorded'; counterId: string; ticketId: string; clerkId: string | null; level: string }
  | { type: 'config:updated'; reason: string }
  | { type: 'device:revoked'; deviceId: string }
  | { type: 'user:deactivated'; userId: string }
  /** A login session ended (logout): sockets opened with it lose their right at once. */
  | { type: 'session:ended'; tokenHash: string };

export interface Notifier {
  publish(events: DomainEvent[]): void;
}

/**
 * How a group commit takes the disk's wait off the main thread (storage/wal.sync.ts): its transaction COMMITs without
 * waiting for the disk, then the WAL is synced on a thread of its own, and nobody is answered nor told before that
 * sync returned. What is acknowledged is exactly as durable as with synchronous=FULL.
 */
export interface DurableCommit {
  /** Runs `fn`, which opens and commits its own transaction, with that COMMIT not waiting for the disk. */
  relaxed<T>(fn: () => T): T;
  /** Calls back once every commit made so far is on disk, or with the error that says it may not be. */
  sync(done: (error: Error | null) => void): void;
  /** The same, blocking the caller: for the rare commit that must publish before a pending sync returned. */
  syncNow(): void;
}

export interface SettingsSource {
  get(): CenterSettings;
}

/** Everything a use case needs: the store's ports, the clock, the settings and an emit bound to the current transaction. */
export interface Deps {
  store: StorePort;
  clock: Clock;
  settings: SettingsSource;
}

export interface TxDeps extends Deps {
  emit(e: DomainEvent): void;
}

/**
 * Runs a use case as one SQLite transaction; its events are published after the commit, in order,
 * and dropped if it throws. Repeated updates of one entity in a transaction are sent once.
 */
export function createUnitOfWork(deps: Deps, notifier: Notifier) {
  return function run<T>(fn: (tx: TxDeps) => T): T {
    const events: DomainEvent[] = [];
    const result = deps.store.tx(() => fn({ ...deps, emit: (e) => events.push(e) }));
    if (events.length) notifier.publish(dedupe(events));
    return result;
  };
}

export type UnitOfWork = ReturnType<typeof createUnitOfWork>;

/** Repeated updates of one entity (ticket, counter, queue, config) kept once, at their first place. */
export function dedupe(events: DomainEvent[]): DomainEvent[] {
  const seen = new Set<string>();
  const out: DomainEvent[] = [];
  for (const e of events) {
    const key =
      e.type === 'ticket:updated'
        ? `t:${e.ticketId}`
        : e.type === 'counter:updated'
          ? `c:${e.counterId}`
          : e.type === 'queue:updated'
            ? `q:${e.areaId}`
            : e.type === 'config:updated'
              ? 'config'
              : null;
    if (key) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(e);
  }
  return out;
}
