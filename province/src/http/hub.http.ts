import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../../server/src/contract/errors.ts';
import { hashToken } from '../../../server/src/core/accounts/password.ts';
import type { LoginLimiter } from '../../../server/src/core/accounts/login.limiter.ts';
import type { Clock } from '../../../server/src/core/clock.ts';
import { bearer, browserSignals } from '../../../server/src/http/auth.middleware.ts';
import { errorBody, onError } from '../../../server/src/http/error.handler.ts';
import { isJsonContentType, isSameOrigin, ownOrigins, STATE_CHANGING } from '../../../server/src/http/origin.guard.ts';
import type { Logger } from '../../../server/src/logging/logger.ts';
import { accountsRepo, type HubRole, type HubUser } from '../storage/accounts.repo.ts';
import type { HubDb } from '../storage/hub.db.ts';

/** A different cookie name from a center's: cookies ignore ports, and a hub may share a host with a center. */
export const HUB_SESSION_COOKIE = 'hcc_province_session';

export interface HubServices {
  db: HubDb;
  clock: Clock;
  log: Logger;
  limiter: LoginLimiter;
  timeZone: string;
  publicUrl: string | null;
  /** False until migrations ran (PostgreSQL may be down at start-up): everything but health answers 503. */
  ready(): boolean;
}

export type HubEnv = { Variables: { user: HubUser | null; token: string | null } };

/** Resolves the hub user of a request (bearer token or session cookie), with a center's cross-site rule. */
export function hubAuth(s: HubServices): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const fromHeader = bearer(c.req.header('authorization'));
    const token = fromHeader ?? getCookie(c, HUB_SESSION_COOKIE) ?? null;
    // A center's feed token is not a session: the feed routes check it themselves.
    const user =
      token && token.length <= 200 && !c.req.path.startsWith('/api/province/feed')
        ? await accountsRepo.sessionUser(s.db, hashToken(token), s.clock.now())
        : null;
    if (
      user &&
      !fromHeader &&
      STATE_CHANGING.has(c.req.method) &&
      !(
        isJsonContentType(c.req.header('content-type')) &&
        isSameOrigin(browserSignals(c), ownOrigins(c.req.url, s.publicUrl))
      )
    )
      throw new AppError('auth.cross_site');
    c.set('user', user);
    c.set('token', token);
    await next();
  };
}

/** 401 without a valid session, 403 with one whose role is not allowed here. */
export function requireHubUser(c: Context<HubEnv>, roles: HubRole[] = ['admin', 'supervisor']): HubUser {
  const u = c.get('user');
  if (!u) throw new AppError('auth.required');
  if (!roles.includes(u.role)) throw new AppError('auth.forbidden');
  return u;
}

/** Connection-level failures of either driver: the database is away, not the request at fault. */
const DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
export function isDatabaseDown(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = String((err as { code?: unknown }).code ?? '');
  if (DOWN_CODES.has(code) || /^(08|57P)/.test(code)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|PGlite is closed/i.test(
    err.message,
  );
}

/**
 * The center's error mapper, with PostgreSQL's own faults in front: an unreachable database is 503 (the hub
 * stays up), a value PostgreSQL refuses (class 22, data exception) is the caller's 422, never a 500.
 */
export function hubOnError(log: Logger) {
  const base = onError((msg, err) => log.error(msg, err));
  return (err: Error, c: Context) => {
    if (isDatabaseDown(err)) {
      log.warn(`PostgreSQL không kết nối được ở ${c.req.method} ${c.req.path}`, err);
      c.header('Retry-After', '5');
      return c.json(errorBody('province.database_unavailable'), 503);
    }
    const code = String((err as { code?: unknown }).code ?? '');
    if (/^22/.test(code)) return c.json(errorBody('request.invalid'), 422);
    if (code === '23505') return c.json(errorBody('request.invalid', 'Dữ liệu trùng lặp.'), 409);
    return base(err, c);
  };
}
