import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../../server/src/contract/errors.ts';
import { feedBatch } from '../../../server/src/contract/province.feed.ts';
import { hashToken } from '../../../server/src/core/accounts/password.ts';
import { bearer } from '../../../server/src/http/auth.middleware.ts';
import { errorBody } from '../../../server/src/http/error.handler.ts';
import { parseWith, readBody } from '../../../server/src/http/validation.ts';
import { readCatalog } from '../catalog/catalog.import.ts';
import { centersRepo } from '../centers/centers.repo.ts';
import { applyFeedBatch, FeedGap } from '../feed/feed.apply.ts';
import type { HubEnv, HubServices } from './hub.http.ts';

const catalogQuery = z.object({ since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() });

/** The center's token, checked before its body is read: a stranger's megabytes are not parsed. */
async function centerOf(s: HubServices, c: Context<HubEnv>): Promise<string> {
  const token = bearer(c.req.header('authorization'));
  const id = token && token.length <= 200 ? await centersRepo.idByTokenHash(s.db, hashToken(token)) : null;
  if (!id) throw new AppError('province.bad_token');
  return id;
}

/** The wire protocol with the centers (docs/province.md): the feed in, the province catalogue out. */
export function feedRoutes(s: HubServices) {
  const app = new Hono<HubEnv>();
  app.post('/feed', async (c) => {
    const centerId = await centerOf(s, c);
    const batch = await readBody(c, feedBatch);
    try {
      return c.json(await applyFeedBatch(s.db, centerId, batch, s.clock.now()));
    } catch (e) {
      if (e instanceof FeedGap) return c.json({ ...errorBody('province.feed_gap'), ackSeq: e.ackSeq }, 409);
      throw e;
    }
  });
  /** A center (its token) or a hub user reads the catalogue; `since` equal to the version: unchanged. */
  app.get('/catalog', async (c) => {
    if (!c.get('user')) await centerOf(s, c);
    const q = parseWith(catalogQuery, c.req.query());
    const cat = await readCatalog(s.db);
    if (q.since === cat.version) return c.json({ version: cat.version, unchanged: true });
    return c.json({ version: cat.version, procedures: cat.rows });
  });
  return app;
}
