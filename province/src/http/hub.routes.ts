import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AppError } from '../../../server/src/contract/errors.ts';
import { createUserInput, loginInput } from '../../../server/src/contract/inputs.schema.ts';
import { hashToken } from '../../../server/src/core/accounts/password.ts';
import { newId, newToken } from '../../../server/src/core/ids.ts';
import { browserSignals } from '../../../server/src/http/auth.middleware.ts';
import { clientAddress } from '../../../server/src/http/client.address.ts';
import { isCrossSite, ownOrigins } from '../../../server/src/http/origin.guard.ts';
import { pathId, readBody } from '../../../server/src/http/validation.ts';
import { createHubUser, hubLogin } from '../accounts/hub.accounts.ts';
import { centersRepo } from '../centers/centers.repo.ts';
import { centerTiles } from '../centers/centers.view.ts';
import { accountsRepo, hubUserDto } from '../storage/accounts.repo.ts';
import { HUB_SESSION_COOKIE, requireHubUser, type HubEnv, type HubServices } from './hub.http.ts';

export const hubUserInput = createUserInput.extend({ role: z.enum(['admin', 'supervisor']) });
/** A center's code names it in every province report key (`<code>/<username>`): no slash, no spaces. */
export const centerInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'Mã trung tâm: chữ, số, dấu chấm, gạch (tối đa 40 ký tự).'),
    name: z.string().trim().min(1).max(200),
  })
  .strict();

/** Hub people (login, users) and centers (create, list, revoke or renew their tokens). */
export function hubRoutes(s: HubServices) {
  const app = new Hono<HubEnv>();

  app.post('/auth/login', async (c) => {
    if (isCrossSite(browserSignals(c), ownOrigins(c.req.url, s.publicUrl))) throw new AppError('auth.cross_site');
    const input = await readBody(c, loginInput);
    const res = await hubLogin(s, { ...input, clientKey: clientAddress(c) });
    setCookie(c, HUB_SESSION_COOKIE, res.token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 24 * 3600 });
    return c.json(res);
  });
  app.post('/auth/logout', async (c) => {
    const token = c.get('token');
    if (token && token.length <= 200) await accountsRepo.deleteSession(s.db, hashToken(token));
    deleteCookie(c, HUB_SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
  app.get('/auth/me', (c) => {
    const u = requireHubUser(c);
    return c.json({ kind: 'user', user: hubUserDto(u) });
  });

  app.post('/users', async (c) => {
    requireHubUser(c, ['admin']);
    const input = await readBody(c, hubUserInput);
    return c.json(await createHubUser(s, input), 201);
  });

  app.post('/province/centers', async (c) => {
    requireHubUser(c, ['admin']);
    const input = await readBody(c, centerInput);
    const token = newToken();
    const center = { id: newId(9), code: input.code, name: input.name };
    if (!(await centersRepo.insert(s.db, { ...center, tokenHash: hashToken(token) }, s.clock.now())))
      throw new AppError('province.center_code_taken');
    return c.json({ ...center, token }, 201);
  });
  app.get('/province/centers', async (c) => {
    requireHubUser(c);
    return c.json(await centerTiles(s.db, s.clock.now(), s.timeZone));
  });
  /** Revoke: the center's next push gets 401 and its data stays. */
  app.delete('/province/centers/:id/token', async (c) => {
    requireHubUser(c, ['admin']);
    const id = pathId(c, 'id');
    if (!(await centersRepo.setToken(s.db, id, null))) throw new AppError('province.center_not_found');
    return c.json({ id, revoked: true });
  });
  /** A new token for the same center (the old one stops at once); its feed position is kept. */
  app.post('/province/centers/:id/token', async (c) => {
    requireHubUser(c, ['admin']);
    const id = pathId(c, 'id');
    const token = newToken();
    if (!(await centersRepo.setToken(s.db, id, hashToken(token)))) throw new AppError('province.center_not_found');
    const center = (await centersRepo.list(s.db)).find((x) => x.id === id)!;
    return c.json({ id, code: center.code, name: center.name, token });
  });
  return app;
}
