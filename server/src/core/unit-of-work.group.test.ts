import { describe, expect, it } from 'vitest';
import { AppError } from '../contract/errors.ts';
import { count, grouped, outcome } from '../testing/unit-of-work.group.testing.ts';

describe('group commit (runGrouped)', () => {
  it('runs the calls of one turn in one transaction: one publish, numbers in call order', async () => {
    const g = grouped();
    const all = [1, 2, 3].map((i) =>
      outcome(
        g.runGrouped((tx) => g.issue(tx)),
        g.log,
        `call ${i}`,
      ),
    );
    expect(g.turns).toHaveLength(1); // one flush scheduled for the turn
    expect(count(g.h)).toBe(0); // nothing runs before the turn ends
    await g.endTurn();
    const results = await Promise.all(all);
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = results.map((r) => (r.ok ? Number(r.v.number) : NaN));
    expect(numbers[1]).toBe(numbers[0]! + 1);
    expect(numbers[2]).toBe(numbers[0]! + 2);
    expect(g.published).toHaveLength(1);
  });

  it('a refused call rolls back only its own writes and rejects only its own promise', async () => {
    const g = grouped();
    const before = count(g.h);
    const first = g.runGrouped((tx) => g.issue(tx));
    const refused = g.runGrouped((tx) => {
      g.issue(tx); // written, then the use case refuses: this row must not survive
      g.issue(tx);
      throw new AppError('area.closed');
    });
    const last = g.runGrouped((tx) => g.issue(tx));
    const settled = Promise.allSettled([first, refused, last]);
    await g.endTurn();
    const [a, b, c] = await settled;
    expect(a.status).toBe('fulfilled');
    expect(b.status === 'rejected' && (b.reason as AppError).code).toBe('area.closed');
    expect(c.status).toBe('fulfilled');
    expect(count(g.h)).toBe(before + 2);
    const ids = [a, c].map((r) => (r.status === 'fulfilled' ? r.value.id : ''));
    for (const id of ids) expect(g.h.store.tickets.get(id)).toBeTruthy();
    // The refused call's numbers were rolled back too: the survivors are consecutive.
    const [na, nc] = [a, c].map((r) => (r.status === 'fulfilled' ? Number(r.value.number) : NaN));
    expect(nc).toBe(na! + 1);
    // Only the survivors' events, each call's own.
    expect(g.published.flat().filter((e) => e.type === 'ticket:issued')).toEqual(
      ids.map((ticketId) => ({ type: 'ticket:issued', ticketId })),
    );
  });

  it('publishes after the commit and before any promise resolves, in call order, deduplicated per call', async () => {
    const g = grouped();
    const calls = [1, 2, 3].map((i) =>
      outcome(
        g.runGrouped((tx) => {
          const t = g.issue(tx);
          tx.emit({ type: 'ticket:updated', ticketId: t.id });
          tx.emit({ type: 'ticket:updated', ticketId: t.id }); // twice in one call: sent once
          return t;
        }),
        g.log,
        `call ${i}`,
      ),
    );
    await g.endTurn();
    const results = await Promise.all(calls);
    const ids = results.map((r) => (r.ok ? r.v.id : ''));
    expect(g.log).toEqual(['publish in-tx=false tickets=3', 'call 1 resolved', 'call 2 resolved', 'call 3 resolved']);
    const issuedOrUpdated = g.published[0]!.filter((e) => e.type === 'ticket:issued' || e.type === 'ticket:updated');
    expect(issuedOrUpdated).toEqual(
      ids.flatMap((ticketId) => [
        { type: 'ticket:issued', ticketId },
        { type: 'ticket:updated', ticketId },
      ]),
    );
  });

  it("tells each area's queue once per batch: the count is read after the shared COMMIT, so repeats say the same", async () => {
    const g = grouped();
    const calls = [1, 2, 3].map(() => g.runGrouped((tx) => g.issue(tx)));
    const other = g.runGrouped((tx) => g.issue(tx, 'LLTP'));
    await g.endTurn();
    const ids = (await Promise.all(calls)).map((t) => t.id);
    const otherId = (await other).id;
    const xdgt = g.h.area('XDGT').id;
    const lltp = g.h.area('LLTP').id;
    // Every ticket's own event in call order; each area's queue:updated once, at its first place.
    expect(g.published).toEqual([
      [
        { type: 'ticket:issued', ticketId: ids[0] },
        { type: 'queue:updated', areaId: xdgt },
        { type: 'ticket:issued', ticketId: ids[1] },
        { type: 'ticket:issued', ticketId: ids[2] },
        { type: 'ticket:issued', ticketId: otherId },
        { type: 'queue:updated', areaId: lltp },
      ],
    ]);
  });

  it('a failing COMMIT rejects every call of the batch and publishes nothing', async () => {
    const g = grouped();
    const ok = g.runGrouped((tx) => g.issue(tx));
    const breaksCommit = g.runGrouped((tx) => {
      const t = g.issue(tx);
      // A foreign key checked only at COMMIT: the shared COMMIT itself fails (as a full disk would fail it).
      g.h.db.pragma('defer_foreign_keys = ON');
      g.h.db.prepare("UPDATE counters SET clerk_id = 'no-such-user' WHERE number = 1").run();
      return t;
    });
    const settled = Promise.allSettled([ok, breaksCommit]);
    await g.endTurn();
    const [a, b] = await settled;
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    expect(a.status === 'rejected' && (a.reason as { code?: string }).code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(g.published).toEqual([]);
    expect(count(g.h)).toBe(0);
    expect(g.h.db.inTransaction).toBe(false);
  });

  it('an unexpected error rolls the batch back and runs the other calls alone', async () => {
    const g = grouped();
    const first = g.runGrouped((tx) => g.issue(tx));
    const bug = g.runGrouped((tx) => {
      g.issue(tx);
      throw new TypeError('a bug');
    });
    const last = g.runGrouped((tx) => g.issue(tx));
    const settled = Promise.allSettled([first, bug, last]);
    await g.endTurn();
    const [a, b, c] = await settled;
    expect(b.status === 'rejected' && (b.reason as Error).message).toBe('a bug');
    expect(a.status).toBe('fulfilled');
    expect(c.status).toBe('fulfilled');
    expect(count(g.h)).toBe(2);
    expect(g.published.flat().filter((e) => e.type === 'ticket:issued')).toHaveLength(2);
  });

  it('the same idempotency key twice in one batch gives one ticket', async () => {
    const g = grouped();
    const a = g.runGrouped((tx) => g.issue(tx, 'XDGT', 'k-1'));
    const b = g.runGrouped((tx) => g.issue(tx, 'XDGT', 'k-1'));
    await g.endTurn();
    const [ta, tb] = await Promise.all([a, b]);
    expect(tb.id).toBe(ta.id);
    expect(count(g.h)).toBe(1);
  });

  it('a batch holds at most `cap` calls; the rest commit in the next turn', async () => {
    const g = grouped(4);
    const all = Array.from({ length: 6 }, () => g.runGrouped((tx) => g.issue(tx)));
    await g.endTurn();
    expect(count(g.h)).toBe(4);
    expect(g.turns).toHaveLength(1);
    await g.endTurn();
    expect((await Promise.all(all)).map((t) => t.id)).toHaveLength(6);
    expect(g.published.map((events) => events.filter((e) => e.type === 'ticket:issued').length)).toEqual([4, 2]);
  });
});
