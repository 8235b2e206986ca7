import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../contract/errors.ts';
import type { Role, DeviceKind } from '../contract/dto.ts';
import type { Actor } from '../core/entities.ts';
import { authenticate } from '../core/accounts/accounts.usecases.ts';
import type { AppEnv, Services } from './http.types.ts';
import { isJsonContentType, isSameOrigin, ownOrigins, STATE_CHANGING, type BrowserSignals } from './origin.guard.ts';

export const SESSION_COOKIE = 'hcc_session';

export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/** Resolves the caller once per request; routes then ask for the roles or device kinds they allow. */
export function authMiddleware(s: Services): MiddlewareHandler<AppEnv> {
  // "Last seen" is written at most once a minute per device: a write per request would cost an fsync each.
  const seen = new Map<string, number>();
  return async (c, next) => {
    const fromHeader = bearer(c.req.header('authorization'));
    const token = fromHeader ?? getCookie(c, SESSION_COOKIE) ?? null;
    const actor = token ? (authenticate(s.deps, token) ?? null) : null;
    // Only the cookie vouches for this caller: the change must come as JSON from one of our own pages.
    if (
      actor &&
      !fromHeader &&
      STATE_CHANGING.has(c.req.method) &&
      !(
        isJsonContentType(c.req.header('content-type')) &&
        isSameOrigin(browserSignals(c), ownOrigins(c.req.url, s.config.publicUrl))
      )
    ) {
      throw new AppError('auth.cross_site');
    }
    if (actor?.kind === 'device') {
      const now = s.deps.clock.now();
      if (now - (seen.get(actor.id) ?? 0) > 60_000) {
        seen.set(actor.id, now);
        // "Last seen" is a courtesy: a full or read-only disk must not turn a device's read into a 503.
        try {
          s.deps.store.accounts.touchDevice(actor.id, now);
        } catch {
          seen.delete(actor.id);
        }
      }
    }
    c.set('actor', actor);
    c.set('token', token);
    await next();
  };
}

export const browserSignals = (c: Context): BrowserSignals => ({
  origin: c.req.header('origin'),
  fetchSite: c.req.header('sec-fetch-site'),
});

export interface Allow {
  roles?: Role[];
  devices?: DeviceKind[];
}

/** 401 without valid credentials, 403 with credentials that are not allowed here. */
export function requireActor(c: Context<AppEnv>, allow?: Allow): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('auth.required');
  if (!allow) return actor;
  if (actor.kind === 'user' && allow.roles?.includes(actor.role)) return actor;
  if (actor.kind === 'device' && allow.devices?.includes(actor.deviceKind)) return actor;
  throw new AppError('auth.forbidden');
}

export const STAFF: Role[] = ['admin', 'supervisor', 'clerk'];
export const LEADERS: Role[] = ['admin', 'supervisor'];
export const ALL_DEVICES: DeviceKind[] = ['kiosk', 'display', 'rating', 'printer'];
