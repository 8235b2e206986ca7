import { describe, expect, it } from 'vitest';
import { createAddressLimiter } from './rate.limit.ts';

describe('the per-address limiter', () => {
  it('lets a burst of capacity through, then refills at capacity per window', () => {
    let now = 0;
    const l = createAddressLimiter({ capacity: 3, windowMs: 3000, maxConcurrent: 10, maxAddresses: 100 }, () => now);
    const go = (a: string) => {
      const w = l.take(a);
      if (w === 0) l.release(a);
      return w;
    };
    expect([go('a'), go('a'), go('a')]).toEqual([0, 0, 0]);
    expect(go('a')).toBe(1000); // one token per second: retry in 1 s
    expect(go('b')).toBe(0); // another address has its own bucket
    now += 500;
    expect(go('a')).toBe(500);
    now += 500;
    expect(go('a')).toBe(0);
  });

  it('limits requests in progress per address', () => {
    const l = createAddressLimiter({ capacity: 100, windowMs: 1000, maxConcurrent: 2, maxAddresses: 100 }, () => 0);
    expect([l.take('a'), l.take('a')]).toEqual([0, 0]);
    expect(l.take('a')).toBeGreaterThan(0);
    l.release('a');
    expect(l.take('a')).toBe(0);
  });

  it('remembers a bounded number of addresses, forgetting idle full ones first', () => {
    let now = 0;
    const l = createAddressLimiter({ capacity: 2, windowMs: 1000, maxConcurrent: 5, maxAddresses: 3 }, () => now);
    l.take('busy'); // in progress, never forgotten while others can be
    for (const a of ['x', 'y']) {
      l.take(a);
      l.release(a);
    }
    now += 5000; // x and y are full again
    for (const a of ['p', 'q', 'r', 's']) {
      l.take(a);
      l.release(a);
    }
    expect(l.size()).toBeLessThanOrEqual(3);
    expect(l.take('busy')).toBe(0); // its bucket was kept (a second token left)
  });
});
