import type { Clock } from '../clock.ts';
import { AttemptWindow } from './attempt.window.ts';

export interface LoginLimits {
  /** Failures of one user from one address before any wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it… */
  firstDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** A user + address quiet this long starts afresh. */
  forgetMs: number;
  /** One address, whatever names it tries: failures allowed in `addressWindowMs`. */
  perAddress: number;
  addressWindowMs: number;
  maxKeys: number;
}

const DEFAULTS: LoginLimits = {
  freeFailures: 3,
  firstDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  forgetMs: 15 * 60_000,
  perAddress: 30,
  addressWindowMs: 5 * 60_000,
  maxKeys: 10_000,
};

/**
 * Slows the failing client, never the account: the key is user + address, so an attacker's failures cost
 * the attacker growing waits (1 s, 2 s, 4 s … 5 min after three free failures) while the clerk at her own
 * PC logs in at once. An address trying many names is capped as a whole. In memory: a restart forgives.
 */
export class LoginLimiter {
  private limits: LoginLimits;
  private pairs = new Map<string, { failures: number; lastAt: number }>();
  private addresses: AttemptWindow;

  constructor(
    private clock: Clock,
    limits: Partial<LoginLimits> = {},
  ) {
    this.limits = { ...DEFAULTS, ...limits };
    this.addresses = new AttemptWindow(clock, this.limits.perAddress, this.limits.addressWindowMs, this.limits.maxKeys);
  }

  get size(): number {
    return this.pairs.size + this.addresses.size;
  }

  /** Milliseconds this client must still wait before trying this user again; 0 when it may try now. */
  waitMs(username: string, address: string): number {
    const p = this.pair(username, address);
    const own = p ? Math.max(0, p.lastAt + this.delayAfter(p.failures) - this.clock.now()) : 0;
    return Math.max(own, this.addresses.waitMs(address));
  }

  fail(username: string, address: string): void {
    const key = pairKey(username, address);
    const p = this.pair(username, address);
    this.pairs.delete(key); // re-inserted last, so the oldest entries are the ones dropped under a flood
    this.pairs.set(key, { failures: (p?.failures ?? 0) + 1, lastAt: this.clock.now() });
    for (const k of this.pairs.keys()) {
      if (this.pairs.size <= this.limits.maxKeys) break;
      this.pairs.delete(k);
    }
    this.addresses.fail(address);
  }

  /** The right password: clears this client's waits for this user and gives back the attempt counted in advance. */
  succeed(username: string, address: string): void {
    this.pairs.delete(pairKey(username, address));
    this.addresses.forgiveOne(address);
  }

  private delayAfter(failures: number): number {
    const over = failures - this.limits.freeFailures;
    if (over < 0) return 0;
    return Math.min(this.limits.maxDelayMs, this.limits.firstDelayMs * 2 ** Math.min(over, 30));
  }

  private pair(username: string, address: string) {
    const key = pairKey(username, address);
    const p = this.pairs.get(key);
    if (p && this.clock.now() - p.lastAt > this.limits.forgetMs) {
      this.pairs.delete(key);
      return undefined;
    }
    return p;
  }
}

const pairKey = (username: string, address: string) => `${username.toLowerCase()}\u0000${address}`;
