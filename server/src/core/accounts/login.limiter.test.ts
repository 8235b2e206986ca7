import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { LoginLimiter } from './login.limiter.ts';

describe('login limiter', () => {
  it('locks a username after 5 failures, an address after 30, and forgives after the window', () => {
    const clock = new ManualClock(0);
    const l = new LoginLimiter(clock);
    for (let i = 0; i < 5; i++) l.fail(['u:lan', 'ip:10.0.0.9']);
    expect(l.blocked(['u:lan', 'ip:10.0.0.9'])).toBe(true);
    expect(l.blocked(['u:binh', 'ip:10.0.0.9'])).toBe(false); // another clerk at the same PC
    for (let i = 0; i < 25; i++) l.fail([`u:x${i}`, 'ip:10.0.0.9']);
    expect(l.blocked(['u:binh', 'ip:10.0.0.9'])).toBe(true); // someone guessing names from one address
    clock.advance(5 * 60_000 + 1);
    expect(l.blocked(['u:lan', 'ip:10.0.0.9'])).toBe(false);
  });
});
