import { describe, expect, it } from 'vitest';
import type { ProcedureDto } from '@contract/dto';
import { procedure } from './kiosk.fixtures.ts';
import { createProcedureSearch, type Scheduler, type SearchResult } from './procedure.search.ts';

/** Hand-driven debounce timer and hand-resolved answers: the order of events is the test's, not the clock's. */
function setup() {
  const timers: { ms: number; fn: () => void }[] = [];
  const schedule: Scheduler = {
    after(ms, fn) {
      const t = { ms, fn };
      timers.push(t);
      return () => timers.splice(timers.indexOf(t) >>> 0, 1);
    },
  };
  const asked: { q: string; resolve: (r: ProcedureDto[]) => void }[] = [];
  const results: SearchResult[] = [];
  const search = createProcedureSearch({
    fetch: (q) => new Promise((resolve) => asked.push({ q, resolve })),
    onResult: (r) => results.push(r),
    schedule,
  });
  const fire = () => timers.splice(0).forEach((t) => t.fn());
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { search, asked, results, timers, fire, settle };
}

describe('procedure search as you type', () => {
  it('waits ~150 ms after the last key: a fast typist makes one request', () => {
    const t = setup();
    for (const q of ['k', 'kh', 'kha', 'khai']) t.search.query(q);
    expect(t.timers.map((x) => x.ms)).toEqual([150]);
    t.fire();
    expect(t.asked.map((a) => a.q)).toEqual(['khai']);
  });

  it('an answer that arrives after a newer query is dropped', async () => {
    const t = setup();
    t.search.query('ho');
    t.fire();
    t.search.query('ho chieu');
    t.fire();
    t.asked[1]!.resolve([procedure({ id: 'new' })]);
    await t.settle();
    t.asked[0]!.resolve([procedure({ id: 'old' })]);
    await t.settle();
    const done = t.results.filter((r) => r.status === 'done');
    expect(done.map((r) => [r.query, r.items.map((x) => x.id)])).toEqual([['ho chieu', ['new']]]);
  });

  it('an empty query asks nothing; at most 8 results are kept', async () => {
    const t = setup();
    t.search.query('  ');
    expect(t.timers).toHaveLength(0);
    expect(t.results.at(-1)).toEqual({ query: '  ', status: 'idle', items: [] });
    t.search.query('so do');
    t.fire();
    t.asked[0]!.resolve(Array.from({ length: 12 }, (_, i) => procedure({ id: `p${i}` })));
    await t.settle();
    expect(t.results.at(-1)!.items).toHaveLength(8);
  });

  it('a failed request ends as an error, not an endless "searching"', async () => {
    const t = setup();
    const failing = createProcedureSearch({
      fetch: () => Promise.reject(new Error('offline')),
      onResult: (r) => t.results.push(r),
      schedule: { after: (_ms, fn) => (fn(), () => {}) },
    });
    failing.query('khai');
    await t.settle();
    expect(t.results.at(-1)).toMatchObject({ query: 'khai', status: 'error' });
  });
});
