import { describe, expect, it } from 'vitest';
import { benchPrinting } from './printer.bench.ts';

describe('benchPrinting', () => {
  it('prints n tickets to the fake printer and reports latency and size', async () => {
    const r = await benchPrinting(10);
    expect(r.n).toBe(10);
    expect(r.p50Ms).toBeGreaterThan(0);
    expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
    expect(r.p99Ms).toBeLessThan(3000);
    expect(r.bytesPerTicket).toBeGreaterThan(20_000);
  });
});
