import { describe, expect, it } from 'vitest';
import { storageFault } from '../storage/storage.fault.ts';
import type { DurableCommit } from './ports.ts';
import { issueTicket } from './tickets/tickets.usecases.ts';
import { count, grouped, outcome } from '../testing/unit-of-work.group.testing.ts';

/**
 * A DurableCommit whose syncs return when the test says so (storage/wal.sync.ts is the real one, tested on a file).
 * `log` records, in order, what the group asked of it.
 */
function fakeDurable(log: string[], inTx: () => boolean) {
  const syncs: ((error: Error | null) => void)[] = [];
  let relaxedNow = false;
  const durable: DurableCommit = {
    relaxed(fn) {
      relaxedNow = true;
      try {
        return fn();
      } finally {
        relaxedNow = false;
        log.push(`relaxed commit done in-tx=${inTx()}`);
      }
    },
    sync(done) {
      log.push('sync started');
      syncs.push(done);
    },
    syncNow() {
      log.push('sync now');
    },
  };
  return { durable, syncs, relaxed: () => relaxedNow };
}

function setup() {
  const log: string[] = [];
  const holder: { inTx: () => boolean } = { inTx: () => false };
  const fake = fakeDurable(log, () => holder.inTx());
  const g = grouped(undefined, fake.durable);
  holder.inTx = () => g.h.db.inTransaction;
  return { g, log: g.log, durableLog: log, ...fake };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('group commit with the sync off the main thread (durable)', () => {
  it('commits relaxed, then answers and publishes only once the sync returned', async () => {
    const { g, durableLog, syncs } = setup();
    let relaxedDuringCall = false;
    const a = outcome(
      g.runGrouped((tx) => g.issue(tx)),
      g.log,
      'a',
    );
    const b = outcome(
      g.runGrouped((tx) => {
        relaxedDuringCall = true;
        return g.issue(tx);
      }),
      g.log,
      'b',
    );
    await g.endTurn();
    expect(relaxedDuringCall).toBe(true);
    expect(durableLog).toEqual(['relaxed commit done in-tx=false', 'sync started']);
    expect(count(g.h)).toBe(2); // committed…
    expect(g.published).toEqual([]); // …but nobody told
    expect(g.log).toEqual([]); // …nor answered
    syncs[0]!(null);
    await tick();
    expect(g.log).toEqual(['publish in-tx=false tickets=2', 'a resolved', 'b resolved']);
    expect((await a).ok && (await b).ok).toBe(true);
  });

  it('a sync that returns before an older one settles both batches, in commit order', async () => {
    const { g, syncs } = setup();
    const first = outcome(
      g.runGrouped((tx) => g.issue(tx)),
      g.log,
      'first',
    );
    await g.endTurn();
    const second = outcome(
      g.runGrouped((tx) => g.issue(tx)),
      g.log,
      'second',
    );
    await g.endTurn();
    expect(syncs).toHaveLength(2);
    syncs[1]!(null); // the newer sync covers the older commit too
    await tick();
    expect(g.log).toEqual([
      'publish in-tx=false tickets=2',
      'publish in-tx=false tickets=2',
      'first resolved',
      'second resolved',
    ]);
    const numbers = [await first, await second].map((r) => (r.ok ? Number(r.v.number) : NaN));
    expect(numbers[1]).toBe(numbers[0]! + 1);
    syncs[0]!(null); // the older one returns late: nothing left to settle, nothing told twice
    await tick();
    expect(g.published).toHaveLength(2);
  });

  it('a failed sync rejects its batch as a storage fault and tells nobody; the next batch is not affected', async () => {
    const { g, syncs } = setup();
    const lost = g.runGrouped((tx) => g.issue(tx));
    await g.endTurn();
    const failure = Object.assign(new Error('fsync'), { code: 'SQLITE_IOERR_FSYNC' });
    syncs[0]!(failure);
    await expect(lost).rejects.toBe(failure);
    expect(storageFault(failure)).toBe('io_error');
    expect(g.published).toEqual([]);
    const next = g.runGrouped((tx) => g.issue(tx));
    await g.endTurn();
    syncs[1]!(null);
    await expect(next).resolves.toMatchObject({ status: 'waiting' });
    expect(g.published).toHaveLength(1);
  });

  it('a write through run that publishes meanwhile syncs now and tells of the waiting batch first', async () => {
    const { g, durableLog } = setup();
    const issued = outcome(
      g.runGrouped((tx) => g.issue(tx)),
      g.log,
      'issued',
    );
    await g.endTurn();
    // As server.ts wires it: run's notifier settles the group's waiting batches before it publishes.
    g.runGrouped.settleCommitted();
    g.run((tx) => tx.emit({ type: 'queue:updated', areaId: g.h.area('XDGT').id }));
    expect(durableLog).toEqual(['relaxed commit done in-tx=false', 'sync started', 'sync now']);
    expect(g.published.map((events) => events.map((e) => e.type))).toEqual([
      ['ticket:issued', 'queue:updated'],
      ['queue:updated'],
    ]);
    expect((await issued).ok).toBe(true);
  });

  it('settleCommitted with nothing waiting does not sync', () => {
    const { g, durableLog } = setup();
    g.runGrouped.settleCommitted();
    expect(durableLog).toEqual([]);
  });

  it('a refused call in a durable batch is refused once the sync returned, and nothing of it is written', async () => {
    const { g, syncs } = setup();
    const refused = outcome(
      g.runGrouped((tx) => issueTicket(tx, { areaId: 'no-such-area', actor: g.h.kiosk })),
      g.log,
      'refused',
    );
    await g.endTurn();
    expect(g.log).toEqual([]);
    syncs[0]!(null);
    const r = await refused;
    expect(r.ok === false && (r.e as { code?: string }).code).toBe('area.not_found');
    expect(count(g.h)).toBe(0);
  });
});
