import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { AttemptWindow } from './attempt.window.ts';
import { LoginLimiter } from './login.limiter.ts';

describe('login limiter', () => {
  it('slows the failing client: three free failures, then 1 s, 2 s, 4 s … capped at 5 minutes', () => {
    const clock = new ManualClock(0);
    const l = new LoginLimiter(clock);
    for (let i = 0; i < 3; i++) {
      expect(l.waitMs('lan', '10.0.0.9')).toBe(0);
      l.fail('lan', '10.0.0.9');
    }
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const w = l.waitMs('lan', '10.0.0.9');
      waits.push(w);
      clock.advance(w - 1);
      expect(l.waitMs('lan', '10.0.0.9')).toBe(1); // not a millisecond early
      clock.advance(1);
      expect(l.waitMs('lan', '10.0.0.9')).toBe(0);
      l.fail('lan', '10.0.0.9');
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300].map((s) => s * 1000));
  });

  it('never holds back a client that has not failed, whatever others did', () => {
    const clock = new ManualClock(0);
    const l = new LoginLimiter(clock);
    for (let i = 0; i < 20; i++) l.fail('lan', '10.0.0.66');
    expect(l.waitMs('lan', '10.0.0.66')).toBeGreaterThan(0);
    expect(l.waitMs('lan', '10.0.0.9')).toBe(0); // the clerk at her own PC
    expect(l.waitMs('binh', '10.0.0.66')).toBe(0); // a colleague at that PC, below the address cap (next test)
  });

  it('caps one address across usernames at 30 failures in 5 minutes, then forgives', () => {
    const clock = new ManualClock(0);
    const l = new LoginLimiter(clock);
    for (let i = 0; i < 29; i++) {
      l.fail(`x${i}`, '10.0.0.66');
      clock.advance(1000);
    }
    expect(l.waitMs('binh', '10.0.0.66')).toBe(0);
    l.fail('x29', '10.0.0.66');
    expect(l.waitMs('binh', '10.0.0.66')).toBe(5 * 60_000 - 29_000); // until the oldest failure leaves the window
    expect(l.waitMs('binh', '10.0.0.9')).toBe(0);
    clock.advance(5 * 60_000 - 29_000);
    expect(l.waitMs('binh', '10.0.0.66')).toBe(0);
  });

  it('a success clears that client and user only; quiet for 15 minutes forgets', () => {
    const clock = new ManualClock(0);
    const l = new LoginLimiter(clock);
    for (let i = 0; i < 5; i++) {
      l.fail('lan', '10.0.0.9');
      l.fail('binh', '10.0.0.9');
    }
    l.succeed('lan', '10.0.0.9');
    expect(l.waitMs('lan', '10.0.0.9')).toBe(0);
    expect(l.waitMs('binh', '10.0.0.9')).toBeGreaterThan(0);
    clock.advance(15 * 60_000 + 1);
    expect(l.waitMs('binh', '10.0.0.9')).toBe(0);
    l.fail('binh', '10.0.0.9');
    expect(l.waitMs('binh', '10.0.0.9')).toBe(0); // a fresh start: one failure is free again
  });

  it('keeps memory bounded under a flood of names without forgetting the newest', () => {
    const clock = new ManualClock(0);
    const w = new AttemptWindow(clock, 1, 60_000, 100);
    for (let i = 0; i < 1000; i++) w.fail(`k${i}`);
    expect(w.size).toBeLessThanOrEqual(100);
    expect(w.waitMs('k999')).toBeGreaterThan(0);
    const l = new LoginLimiter(clock, { maxKeys: 100 });
    for (let i = 0; i < 1000; i++) l.fail(`u${i}`, `10.1.${i >> 8}.${i & 255}`);
    expect(l.size).toBeLessThanOrEqual(200);
  });
});
