import { Hono } from 'hono';
import { provinceLinkInput } from '../contract/province.link.schema.ts';
import { LEADERS, requireActor } from '../http/auth.middleware.ts';
import type { AppEnv, Services } from '../http/http.types.ts';
import { reply } from '../http/route.reply.ts';
import { readBody } from '../http/validation.ts';

/** The center's link to its province hub: leaders see its state and lag; admins set where it goes. */
export function provinceRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.get('/link', (c) => {
    requireActor(c, { roles: LEADERS });
    return reply(c, 'GET /api/province/link', s.province.view());
  });
  app.put('/link', async (c) => {
    const a = requireActor(c, { roles: ['admin'] });
    const input = await readBody(c, provinceLinkInput);
    return reply(c, 'PUT /api/province/link', s.province.update(input, a));
  });
  return app;
}
