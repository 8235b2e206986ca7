import { Hono } from 'hono';
import { AppError } from '../contract/errors.ts';
import { deleteCookie, setCookie } from 'hono/cookie';
import { loginInput, pairInput } from '../contract/inputs.schema.ts';
import { login, logout, userDto } from '../core/accounts/accounts.usecases.ts';
import { pairDevice } from '../core/accounts/devices.usecases.ts';
import { PairingLimiter } from '../core/accounts/pairing.limiter.ts';
import { browserSignals, requireActor, SESSION_COOKIE } from './auth.middleware.ts';
import { clientAddress } from './client.address.ts';
import { isCrossSite, ownOrigins } from './origin.guard.ts';
import type { AppEnv, Services } from './http.types.ts';
import { reply } from './route.reply.ts';
import { readBody } from './validation.ts';
import { clerkTally } from '../core/reports/clerk.tally.ts';

export function authRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const pairing = new PairingLimiter(s.deps.clock);

  app.post('/login', async (c) => {
    // Login CSRF: another site's page must not sign this browser in (to an account of its choosing).
    if (isCrossSite(browserSignals(c), ownOrigins(c.req.url, s.config.publicUrl)))
      throw new AppError('auth.cross_site');
    const input = await readBody(c, loginInput);
    const res = await login({ ...s.deps, limiter: s.limiter }, { ...input, clientKey: clientAddress(c) });
    setCookie(c, SESSION_COOKIE, res.token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 24 * 3600 });
    return reply(c, 'POST /api/auth/login', res);
  });

  app.post('/logout', (c) => {
    const token = c.get('token');
    if (token) s.run((tx) => logout(tx, { token }));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return reply(c, 'POST /api/auth/logout', { ok: true });
  });

  app.get('/me', (c) => {
    const actor = requireActor(c);
    if (actor.kind === 'user') {
      const u = s.deps.store.accounts.user(actor.id)!;
      return reply(c, 'GET /api/auth/me', {
        kind: 'user',
        user: userDto(u),
        counterId: s.deps.store.catalog.counterOfClerk(u.id)?.id ?? null,
      });
    }
    if (actor.kind === 'device') {
      // What a screen needs to draw itself, not the device's pairing or token state.
      const { id, kind, name, counterId, kioskId, printer, settings } = s.deps.store.accounts.device(actor.id)!;
      const device = { id, kind, name, counterId, kioskId, printer, settings };
      return reply(c, 'GET /api/auth/me', { kind: 'device', device });
    }
    return reply(c, 'GET /api/auth/me', { kind: 'system' });
  });

  /** Today's tally of the logged-in clerk: served, no-shows, average service time, ratings by level. */
  app.get('/me/tally', (c) => {
    const actor = requireActor(c, { roles: ['admin', 'supervisor', 'clerk'] });
    return reply(c, 'GET /api/auth/me/tally', clerkTally(s.deps, { day: s.view.today(), userId: actor.id }));
  });

  /** A device screen trades the code an admin gave for its token, once; wrong guesses are budgeted per address and server-wide. */
  app.post('/pair', async (c) => {
    const { code } = await readBody(c, pairInput);
    const address = clientAddress(c);
    pairing.check(address);
    let res;
    try {
      res = s.run((tx) => pairDevice(tx, { code }));
    } catch (e) {
      if (e instanceof AppError && e.code === 'auth.invalid_pairing_code') pairing.fail(address);
      throw e;
    }
    const { device, token } = res;
    return reply(c, 'POST /api/auth/pair', {
      token,
      device: { id: device.id, kind: device.kind, name: device.name, counterId: device.counterId },
    });
  });

  return app;
}
