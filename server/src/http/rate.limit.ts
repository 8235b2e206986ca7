import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from './error.handler.ts';
import { clientAddress } from './client.address.ts';
import type { AppEnv } from './http.types.ts';

export interface AddressLimit {
  /** Requests an address may make in a burst; the bucket refills at capacity per windowMs. */
  capacity: number;
  windowMs: number;
  /** Requests of one address in progress at once. */
  maxConcurrent: number;
  /** Addresses remembered; past it, full and idle ones are forgotten first (a flood of addresses stays bounded). */
  maxAddresses: number;
}

/**
 * Anonymous callers (phones on the hall Wi-Fi, the kiosk's print page): 60 requests per 10 s per address and
 * 10 at once. A tracking page makes a handful of requests in a visit; on the LAN every phone has its own
 * address, so only a flood meets this.
 */
export const ANONYMOUS_LIMIT: AddressLimit = {
  capacity: 60,
  windowMs: 10_000,
  maxConcurrent: 10,
  maxAddresses: 10_000,
};
/** The ticket PNG per address: a kiosk's print page loads one per ticket, nobody needs three at once. */
export const PNG_PER_ADDRESS = 2;

interface Bucket {
  tokens: number;
  at: number;
  active: number;
}

/**
 * A token bucket and an in-progress count per address. Time is a monotonic millisecond source (not the
 * center's clock: this measures the transport, and a clock step must not open or shut the tap).
 */
export function createAddressLimiter(
  limit: AddressLimit = ANONYMOUS_LIMIT,
  now: () => number = () => performance.now(),
) {
  const buckets = new Map<string, Bucket>();
  const rate = limit.capacity / limit.windowMs;

  function bucket(address: string, at: number): Bucket {
    let b = buckets.get(address);
    if (b) {
      b.tokens = Math.min(limit.capacity, b.tokens + (at - b.at) * rate);
      b.at = at;
      return b;
    }
    if (buckets.size >= limit.maxAddresses) forget(at);
    b = { tokens: limit.capacity, at, active: 0 };
    buckets.set(address, b);
    return b;
  }

  /** Forgets the addresses whose bucket is full again and idle; if none is, the oldest ones. */
  function forget(at: number): void {
    for (const [a, b] of buckets)
      if (b.active === 0 && b.tokens + (at - b.at) * rate >= limit.capacity) buckets.delete(a);
    for (const a of buckets.keys()) {
      if (buckets.size < limit.maxAddresses) break;
      buckets.delete(a);
    }
  }

  return {
    /** Takes one request: 0 when it may go on (call release when done), else the ms until it may retry. */
    take(address: string): number {
      const at = now();
      const b = bucket(address, at);
      if (b.active >= limit.maxConcurrent) return 1000;
      if (b.tokens < 1) return Math.max(1, Math.ceil((1 - b.tokens) / rate));
      b.tokens -= 1;
      b.active++;
      return 0;
    },
    release(address: string): void {
      const b = buckets.get(address);
      if (b && b.active > 0) b.active--;
    },
    size: () => buckets.size,
  };
}

export type AddressLimiter = ReturnType<typeof createAddressLimiter>;

/** 429 request.rate_limited with the wait in whole seconds, as every 429 here: details.retryAfterSec and Retry-After. */
export function rateLimited(c: Context, retryMs: number): Response {
  const retryAfterSec = Math.max(1, Math.ceil(retryMs / 1000));
  return c.json(errorBody('request.rate_limited', undefined, { retryAfterSec }), 429, {
    'retry-after': String(retryAfterSec),
  });
}

/**
 * Limits anonymous requests per remote address. Authenticated callers (staff, devices) pass: they are
 * accountable and a kiosk at rush hour must never be throttled. A request without a socket (in-process,
 * app.request) has no address and is not limited: nothing from the network arrives that way. `except`: paths
 * with a throttle of their own that says more (login and pairing: auth.too_many_attempts with the wait).
 */
export function anonymousLimit(limiter: AddressLimiter, opts: { except?: string[] } = {}): MiddlewareHandler<AppEnv> {
  const except = new Set(opts.except ?? []);
  return async (c, next) => {
    if (c.get('actor') || except.has(c.req.path)) return next();
    const address = clientAddress(c);
    if (address === 'unknown') return next();
    const wait = limiter.take(address);
    if (wait > 0) return rateLimited(c, wait);
    try {
      await next();
    } finally {
      limiter.release(address);
    }
  };
}
