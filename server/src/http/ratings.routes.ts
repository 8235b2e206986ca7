import { Hono } from 'hono';
import { ratingInput } from '../contract/inputs.schema.ts';
import { rateTicket } from '../core/ratings/ratings.usecases.ts';
import { requireActor } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { reply } from './route.reply.ts';
import { readBody } from './validation.ts';

export function ratingRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.post('/', async (c) => {
    const actor = requireActor(c, { devices: ['rating'] });
    const input = await readBody(c, ratingInput);
    const r = s.run((tx) => rateTicket(tx, { ...input, actor }));
    return reply(c, 'POST /api/ratings', r, 201);
  });
  return app;
}
