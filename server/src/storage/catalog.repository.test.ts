import { describe, expect, it } from 'vitest';
import { coreHarness } from '../testing/core.harness.testing.ts';
import { areaServed, callingNow } from '../contract/counter.coverage.ts';

describe('catalog repository', () => {
  // Counters are read with their areas in one statement (issue 15): every read keeps the areas in the counter's
  // order (position), not the order of the ids, and a counter without areas has none.
  it('reads every counter with its areas in their order, by each read', () => {
    const h = coreHarness();
    const ids = h.store.catalog
      .areas()
      .map((a) => a.id)
      .sort();
    const order = [ids[2]!, ids[0]!, ids[1]!];
    h.store.catalog.upsertCounter({
      id: 'cx',
      number: 99,
      name: 'Quầy 99',
      active: true,
      areaIds: order,
      updatedAt: 0,
    });
    h.store.catalog.upsertCounter({ id: 'cy', number: 98, name: 'Quầy 98', active: false, areaIds: [], updatedAt: 0 });
    const clerk = h.clerk('c1');
    h.store.catalog.saveCounterState({
      id: 'cx',
      status: 'open',
      clerkId: clerk.id,
      currentTicketId: null,
      updatedAt: 1,
    });
    expect(h.store.catalog.counter('cx')?.areaIds).toEqual(order);
    expect(h.store.catalog.counterOfClerk(clerk.id)?.areaIds).toEqual(order);
    expect(h.store.catalog.counters().find((c) => c.id === 'cx')?.areaIds).toEqual(order);
    expect(h.store.catalog.countersForArea(ids[0]!).find((c) => c.id === 'cx')?.areaIds).toEqual(order);
    expect(h.store.catalog.counter('cy')).toMatchObject({ areaIds: [], active: false });
    // The same as the counter_areas rows, for every counter of the seeded center.
    const rows = h.db.prepare('SELECT area_id FROM counter_areas WHERE counter_id = ? ORDER BY position').pluck();
    for (const c of h.store.catalog.counters()) expect(c.areaIds).toEqual(rows.all(c.id));
  });

  // The check and the wait estimate count in SQL what the contract's rule says of the counters read whole.
  it("counts an area's counters as areaServed and the open ones as the counters read whole would", () => {
    const h = coreHarness();
    const areaIds = h.store.catalog.areas().map((a) => a.id);
    const statuses = ['open', 'paused', 'closed'] as const;
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 6; i++) {
        const id = `rc${i}`;
        const mine = areaIds.filter(() => rand(3) === 0);
        h.store.catalog.upsertCounter({
          id,
          number: 200 + i,
          name: id,
          active: rand(4) > 0,
          areaIds: mine,
          updatedAt: 0,
        });
        h.store.catalog.saveCounterState({
          id,
          status: statuses[rand(3)]!,
          clerkId: null,
          currentTicketId: null,
          updatedAt: 1,
        });
      }
      for (const areaId of areaIds) {
        const whole = h.store.catalog.countersForArea(areaId);
        const counts = h.store.catalog.areaCounterCounts(areaId);
        expect(counts.active > 0).toBe(areaServed(areaId, h.store.catalog.counters()));
        expect(counts.open).toBe(whole.filter((c) => c.active && callingNow(c)).length);
      }
    }
    // An area no counter serves: none, and not served.
    h.db.prepare('DELETE FROM counter_areas WHERE area_id = ?').run(areaIds[0]);
    expect(h.store.catalog.areaCounterCounts(areaIds[0]!)).toEqual({ active: 0, open: 0 });
  });
});
