import { AppError } from '../contract/errors.ts';
import {
  dedupe,
  type Deps,
  type DomainEvent,
  type DurableCommit,
  type Notifier,
  type TxDeps,
  type UnitOfWork,
} from './ports.ts';

/** Runs `cb` once the current event-loop turn is done (server.ts: setImmediate; tests: by hand). */
export type Defer = (cb: () => void) => void;

/** More calls than this wait for the next commit: a batch's latency stays bounded. */
export const GROUP_CAP = 64;

interface Pending {
  fn: (tx: TxDeps) => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown; events: DomainEvent[] } | { ok: false; error: unknown };

export interface GroupOptions {
  /** At most this many calls a batch (default GROUP_CAP). */
  cap?: number;
  /** The fsync off the main thread (storage/wal.sync.ts); without it each batch's COMMIT waits for the disk itself. */
  durable?: DurableCommit | null;
}

/** A committed batch waiting for its sync: `seq` orders the commits; `settle` answers and tells it. */
interface Committed {
  seq: number;
  settle(error: Error | null): void;
}

/** Thrown out of the shared transaction when a call failed in a way a savepoint may not contain. */
class BatchAborted {
  constructor(
    readonly index: number,
    readonly cause: unknown,
  ) {}
}

/**
 * Group commit (docs/architecture.md, point 1b): every call queued in one event-loop turn runs in ONE outer
 * transaction, each inside its own savepoint, so the batch pays one COMMIT (one fsync) instead of one each.
 * Durability is unchanged: no promise settles before the shared COMMIT returned, and the events are published
 * (in call order, deduplicated over the batch as `run` does over its commit) after it and before any promise resolves.
 *
 * A call that throws an AppError (a refusal: area closed, limit reached…) rolls back only its own savepoint and
 * rejects only its own promise, as if run alone. Any other error (a storage fault may have rolled the whole
 * transaction back, a bug) rolls the batch back and the other calls run alone, each with `run`. If the shared
 * COMMIT itself fails, every call rejects with that error and nothing is published.
 *
 * With `durable`, the batch COMMITs without waiting for the disk and is answered and published only when the sync
 * that followed it returned (so the main thread reads the next requests meanwhile). A sync covers every commit made
 * before it started, so batches settle in commit order whichever sync returns first. A failed sync rejects the
 * batches it was to cover (a storage fault: the kiosk retries with its idempotency key and gets its ticket). Another
 * write that publishes meanwhile (a call, through `run`) first calls `settleCommitted()`, so nobody is told of a later
 * state before an earlier one.
 */
export function createGroupedUnitOfWork(
  deps: Deps,
  notifier: Notifier,
  run: UnitOfWork,
  defer: Defer,
  opts: GroupOptions = {},
) {
  const cap = opts.cap ?? GROUP_CAP;
  const durable = opts.durable ?? null;
  const queue: Pending[] = [];
  let scheduled = false;
  const committed: Committed[] = [];
  let commits = 0;

  /** Settles, in commit order, every waiting batch committed up to `seq`. */
  function settleUpTo(seq: number, error: Error | null): void {
    while (committed.length && committed[0]!.seq <= seq) committed.shift()!.settle(error);
  }

  /** Makes every waiting batch durable now (a blocking sync) and settles them: before another commit publishes. */
  function settleCommitted(): void {
    if (!committed.length || !durable) return;
    let error: Error | null = null;
    try {
      durable.syncNow();
    } catch (e) {
      error = e as Error;
    }
    settleUpTo(commits, error);
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    defer(flush);
  }

  function flush(): void {
    scheduled = false;
    const batch = queue.splice(0, cap);
    if (queue.length) schedule();
    if (!batch.length) return;
    const outcomes: Outcome[] = [];
    const commit = (fn: () => void) => (durable ? durable.relaxed(fn) : fn());
    try {
      commit(() =>
        deps.store.tx(() => {
          batch.forEach((p, i) => {
            const events: DomainEvent[] = [];
            try {
              const value = deps.store.tx(() => p.fn({ ...deps, emit: (e) => events.push(e) }));
              outcomes.push({ ok: true, value, events });
            } catch (error) {
              if (!(error instanceof AppError)) throw new BatchAborted(i, error);
              outcomes.push({ ok: false, error });
            }
          });
        }),
      );
    } catch (err) {
      if (err instanceof BatchAborted) return alone(batch, err);
      for (const p of batch) p.reject(err); // BEGIN or COMMIT failed: nothing of the batch is on disk
      return;
    }
    if (!durable) return answer(batch, outcomes);
    const seq = ++commits;
    committed.push({
      seq,
      settle: (error) => (error ? batch.forEach((p) => p.reject(error)) : answer(batch, outcomes)),
    });
    durable.sync((error) => settleUpTo(seq, error));
  }

  /** After the batch's commit is durable: one publish, then each call's answer. */
  function answer(batch: Pending[], outcomes: Outcome[]): void {
    // One publish for the commit: each websocket gets the batch's events in one write (realtime.batch.ts).
    // Deduplicated over the whole batch, as `run` does for its one commit: the payloads are read from the state
    // after the shared COMMIT, so a second queue:updated of an area would only repeat the first (and recount it).
    let publishError: unknown = null;
    const events = dedupe(outcomes.flatMap((o) => (o.ok ? o.events : [])));
    try {
      if (events.length) notifier.publish(events);
    } catch (e) {
      publishError = e; // as `run` would throw it to its caller after the commit
    }
    outcomes.forEach((o, i) => {
      const p = batch[i]!;
      if (!o.ok) p.reject(o.error);
      else if (publishError !== null) p.reject(publishError);
      else p.resolve(o.value);
    });
  }

  function alone(batch: Pending[], aborted: BatchAborted): void {
    batch.forEach((p, i) => {
      if (i === aborted.index) return p.reject(aborted.cause);
      try {
        p.resolve(run(p.fn));
      } catch (e) {
        p.reject(e);
      }
    });
  }

  function runGrouped<T>(fn: (tx: TxDeps) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      schedule();
    });
  }
  return Object.assign(runGrouped, { settleCommitted });
}

export type GroupedUnitOfWork = ReturnType<typeof createGroupedUnitOfWork>;
