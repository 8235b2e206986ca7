import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId (random bytes from a pool, issue 15)', () => {
  it('gives url-safe ids of the asked size, never the same one twice across many refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const id = newId(i % 3 === 0 ? 9 : 16);
      expect(id).toMatch(i % 3 === 0 ? /^[A-Za-z0-9_-]{12}$/ : /^[A-Za-z0-9_-]{22}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(20_000);
    expect(newId(5000)).toHaveLength(Math.ceil((5000 * 4) / 3));
  });
});
