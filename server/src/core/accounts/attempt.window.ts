import { AppError } from '../../contract/errors.ts';
import type { Clock } from '../clock.ts';

/**
 * Failures per key in a sliding window, with a limit: once `limit` failures fall inside the window, the key
 * waits until the oldest of them leaves it. In memory on purpose (a restart forgives, acceptable in a LAN),
 * and bounded: past `maxKeys` the least recently failing keys are dropped, never the newest.
 */
export class AttemptWindow {
  private failures = new Map<string, number[]>();

  constructor(
    private clock: Clock,
    readonly limit: number,
    readonly windowMs: number,
    private maxKeys = 10_000,
  ) {}

  get size(): number {
    return this.failures.size;
  }

  /** Milliseconds this key must still wait; 0 when it may try now. */
  waitMs(key: string): number {
    const list = this.recent(key);
    if (list.length < this.limit) return 0;
    return list[list.length - this.limit]! + this.windowMs - this.clock.now();
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.clock.now());
    if (list.length > this.limit) list.splice(0, list.length - this.limit); // older ones can no longer matter
    this.failures.delete(key); // re-inserted last: Map order is then "least recently failing first"
    this.failures.set(key, list);
    for (const k of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(k);
    }
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Takes back the newest failure of this key (one counted in advance that turned out a success). */
  forgiveOne(key: string): void {
    this.failures.get(key)?.pop();
  }

  private recent(key: string): number[] {
    const since = this.clock.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}

/** The 429 a throttled caller gets: how long to wait, in words and as `details.retryAfterSec` (also `Retry-After`). */
export function throttled(
  code: 'auth.too_many_attempts' | 'auth.pairing_suspended',
  waitMs: number,
  lead: string,
): AppError {
  const sec = Math.max(1, Math.ceil(waitMs / 1000));
  const after = sec < 60 ? `${sec} giây` : `${Math.ceil(sec / 60)} phút`;
  return new AppError(code, `${lead} Vui lòng thử lại sau ${after}.`, { retryAfterSec: sec });
}
