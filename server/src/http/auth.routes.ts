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
import { readBody } from './validation.ts';
import { summaryReport } from '../core/reports/reports.usecases.ts';

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
    return c.json(res);
  });

  app.post('/logout', (c) => {
    const token = c.get('token');
    if (token) s.run((tx) => logout(tx, token));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get('/me', (c) => {
    const actor = requireActor(c);
    if (actor.kind === 'user') {
      const u = s.deps.store.accounts.user(actor.id)!;
      return c.json({
        kind: 'user',
        user: userDto(u),
        counterId: s.deps.store.catalog.counterOfClerk(u.id)?.id ?? null,
      });
    }
    if (actor.kind === 'device') {
      const d = s.deps.store.accounts.device(actor.id)!;
      return c.json({
        kind: 'device',
        device: {
          id: d.id,
          kind: d.kind,
          name: d.name,
          counterId: d.counterId,
          kioskId: d.kioskId,
          printer: d.printer,
          settings: d.settings,
        },
      });
    }
    return c.json({ kind: 'system' });
  });

  /** Today's tally of the logged-in clerk: served, no-shows, average service time, ratings by level. */
  app.get('/me/tally', (c) => {
    const actor = requireActor(c, { roles: ['admin', 'supervisor', 'clerk'] });
    const day = s.view.today();
    const report = summaryReport(s.deps, { from: day, to: day, groupBy: 'clerk' });
    const user = s.deps.store.accounts.user(actor.id)!;
    const row = report.rows.find((r) => r.key === user.username);
    return c.json({
      businessDay: day,
      served: row?.served ?? 0,
      noShow: row?.noShow ?? 0,
      called: row?.issued ?? 0,
      avgServiceSec: row?.avgServiceSec ?? null,
      ratings: row?.ratings ?? Object.fromEntries(s.settings.get().ratingLevels.map((l) => [l.key, 0])),
    });
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
    return c.json({
      token,
      device: { id: device.id, kind: device.kind, name: device.name, counterId: device.counterId },
    });
  });

  return app;
}
