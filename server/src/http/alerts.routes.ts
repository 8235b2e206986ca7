import { Hono } from 'hono';
import { collectAlerts } from '../core/alerts/alerts.producers.ts';
import { LEADERS, requireActor } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { reply } from './route.reply.ts';

/** The control room's alerts that need the server's knowledge (GET /api/alerts): leaders only, names staff. */
export function alertRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    requireActor(c, { roles: LEADERS });
    return reply(c, 'GET /api/alerts', { alerts: collectAlerts({ deps: s.deps, today: s.view.today() }) });
  });
  return app;
}
