import { coreHarness } from './core.harness.testing.ts';
import { issueTicket } from '../core/tickets/tickets.usecases.ts';
import { createUnitOfWork, type DomainEvent, type DurableCommit, type TxDeps } from '../core/ports.ts';
import { createGroupedUnitOfWork } from '../core/unit-of-work.group.ts';

/** The real store (in-memory SQLite, real migrations); the event-loop turn is ended by hand (`endTurn`). */
export function grouped(cap?: number, durable?: DurableCommit) {
  const h = coreHarness();
  const published: DomainEvent[][] = [];
  const log: string[] = [];
  const notifier = {
    publish: (events: DomainEvent[]) => {
      // What a display would read now: the committed state, outside any transaction.
      log.push(`publish in-tx=${h.db.inTransaction} tickets=${count(h)}`);
      published.push(events);
    },
  };
  const turns: (() => void)[] = [];
  const run = createUnitOfWork(h.deps, notifier);
  const runGrouped = createGroupedUnitOfWork(h.deps, notifier, run, (cb) => turns.push(cb), { cap, durable });
  const endTurn = async () => {
    turns.shift()!();
    await new Promise((r) => setImmediate(r)); // let the settled promises' callbacks run
  };
  const issue = (tx: TxDeps, code = 'XDGT', key?: string) =>
    issueTicket(tx, { areaId: h.area(code).id, actor: h.kiosk, ...(key ? { idempotencyKey: key } : {}) }).ticket;
  return { h, published, log, run, runGrouped, endTurn, turns, issue };
}

export const count = (h: ReturnType<typeof coreHarness>) =>
  (h.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;

/** Settles a promise into a value or its error, and notes when it settled. */
export function outcome<T>(p: Promise<T>, log: string[], name: string) {
  return p.then(
    (v) => (log.push(`${name} resolved`), { ok: true as const, v }),
    (e: unknown) => (log.push(`${name} rejected`), { ok: false as const, e }),
  );
}
