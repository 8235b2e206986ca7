import type { Clock } from '../clock.ts';

/**
 * Counts failed logins per key (username, client address) in a sliding window. In memory on purpose:
 * a restart forgives, which is acceptable for a LAN system and keeps logins off the disk.
 */
export class LoginLimiter {
  private failures = new Map<string, number[]>();
  /**
   * Limits per key kind (the part before ':'): a username is locked after 5 failures, but a whole address
   * only after 30, so one clerk's typos on a shared PC do not lock out the others.
   */
  constructor(private clock: Clock, private limits: Record<string, number> = { u: 5, ip: 30, pair: 10 }, private windowMs = 5 * 60_000) {}

  private limit(key: string): number { return this.limits[key.split(':')[0]!] ?? 5; }

  blocked(keys: string[]): boolean {
    const since = this.clock.now() - this.windowMs;
    return keys.some((k) => (this.failures.get(k) ?? []).filter((t) => t > since).length >= this.limit(k));
  }

  fail(keys: string[]): void {
    const now = this.clock.now();
    for (const k of keys) {
      const list = (this.failures.get(k) ?? []).filter((t) => t > now - this.windowMs);
      list.push(now);
      this.failures.set(k, list);
    }
    if (this.failures.size > 10_000) this.failures.clear(); // a flood of random names must not grow memory forever
  }

  succeed(keys: string[]): void { for (const k of keys) this.failures.delete(k); }
}
