import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../server/src/contract/errors.ts';
import { FEED_MAX_BYTES } from '../../../server/src/contract/province.feed.ts';
import { errorBody } from '../../../server/src/http/error.handler.ts';
import { PROCEDURE_IMPORT_LIMIT } from '../../../server/src/http/procedures.routes.ts';
import { securityHeaders } from '../../../server/src/http/security.headers.ts';
import { feedRoutes } from './feed.routes.ts';
import { hubAuth, hubOnError, isDatabaseDown, type HubEnv, type HubServices } from './hub.http.ts';
import { hubRoutes } from './hub.routes.ts';
import { reportRoutes } from './reports.routes.ts';

const SMALL_BODY = 64 * 1024;

/** Health is a real round trip to PostgreSQL, bounded in time: a hung server is as down as a stopped one. */
async function health(s: HubServices, c: Context) {
  if (!s.ready()) return c.json({ ok: false, reason: 'database_not_ready' }, 503);
  try {
    await Promise.race([
      s.db.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('connection timeout')), 3_000).unref()),
    ]);
    return c.json({ ok: true });
  } catch (e) {
    return c.json({ ok: false, reason: isDatabaseDown(e) ? 'database_unreachable' : 'database_error' }, 503);
  }
}

/** The hub's whole HTTP surface: API under /api, its screens under /province (dist/province/web). */
export function createHubApp(s: HubServices, webDir: string) {
  const app = new Hono<HubEnv>();
  app.onError(hubOnError(s.log));
  app.use('*', securityHeaders({ https: false }));
  app.notFound((c) => c.json(errorBody('request.not_found'), 404));

  const api = new Hono<HubEnv>();
  api.use('*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError('request.too_large');
      },
    });
  const small = limit(SMALL_BODY);
  const feed = limit(FEED_MAX_BYTES);
  const file = limit(PROCEDURE_IMPORT_LIMIT);
  api.use('*', (c, next) =>
    (c.req.path === '/api/province/feed' ? feed : c.req.path === '/api/province/procedures/import' ? file : small)(
      c,
      next,
    ),
  );
  api.get('/health', (c) => health(s, c));
  api.use('*', async (c, next) => {
    if (!s.ready()) throw new AppError('province.database_unavailable');
    await next();
  });
  api.use('*', hubAuth(s));
  api.route('/', hubRoutes(s));
  api.route('/province', feedRoutes(s));
  api.route('/province', reportRoutes(s));
  api.all('*', (c) => c.json(errorBody('request.not_found'), 404));
  app.route('/api', api);

  // The screens: one page for every client-side route under /province, its hashed assets beside it.
  const index = join(webDir, 'index.html');
  const page = serveStatic<HubEnv>({ path: index });
  const assets = serveStatic<HubEnv>({ rewriteRequestPath: (p) => join(webDir, p.slice('/province'.length)) });
  const notBuilt = (c: Context) =>
    c.html(
      '<!doctype html><meta charset="utf-8"><title>Chưa sẵn sàng</title><h1>Màn hình tỉnh chưa được build</h1><p>Chạy <code>npm run build</code> rồi tải lại trang (the province screens are not built yet).</p>',
      503,
    );
  app.get('/', (c) => c.redirect('/province', 302));
  app.get(
    '/province/assets/*',
    async (c, next) => (await assets(c, next)) ?? c.json(errorBody('request.not_found'), 404),
  );
  const screen = async (c: Context<HubEnv>, next: () => Promise<void>) =>
    existsSync(index) ? ((await page(c, next)) ?? notBuilt(c)) : notBuilt(c);
  app.get('/province', screen);
  app.get('/province/*', screen);
  return app;
}
