import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { extname, join } from 'node:path';
import type { AppEnv, Services } from './http.types.ts';
import { LANDING_CSS, landingPage } from './landing.page.ts';

/** Vite's hashed file names change with their content: those may be kept a year; everything else is revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/**
 * The two types the voice packs use that hono's MIME table lacks: with `nosniff`, a clip sent as
 * application/octet-stream would not play.
 */
const MISSING_TYPES: Record<string, string> = { '.wav': 'audio/wav', '.ogg': 'audio/ogg' };

/**
 * The files under `dir` for the part of the request path after `prefix`, through @hono/node-server's
 * serve-static (MIME type, streaming, HEAD and ranges). It refuses by itself what could leave `dir`: any `%` in
 * the path (an encoded slash, dot or NUL), `.`/`..` segments, `//` and backslashes; then the caller's fallback
 * runs. No root option: serve-static warns once per missing root, and DATA_DIR/voice is usually absent.
 */
function filesUnder(prefix: string, dir: string): MiddlewareHandler<AppEnv> {
  return serveStatic<AppEnv>({ rewriteRequestPath: (path) => join(dir, path.slice(prefix.length)) });
}

/** One file, whatever the path (a screen's page for all its client-side routes). */
function oneFile(file: string): MiddlewareHandler<AppEnv> {
  return serveStatic<AppEnv>({ path: file });
}

/** The file's answer with its cache rule, or undefined when there is no such file. */
async function tryServe(c: Context<AppEnv>, files: MiddlewareHandler<AppEnv>, cache: string) {
  const res = await files(c, async () => {});
  if (!res) return undefined;
  res.headers.set('cache-control', cache);
  const type = MISSING_TYPES[extname(c.req.path).toLowerCase()];
  if (type) res.headers.set('content-type', type);
  return res;
}

function notBuilt(c: Context, app: string): Response {
  return c.html(
    `<!doctype html><meta charset="utf-8"><title>Chưa sẵn sàng</title><link rel="stylesheet" href="/landing.css"><body><main>
    <h1>Màn hình «${app}» chưa được build</h1><p>Chạy <code>npm run build</code> (hoặc <code>npm start</code>, lệnh này tự build) rồi tải lại trang.</p></main></body>`,
    503,
  );
}

/** Serves the built front-ends (dist/<app>) and the voice packs; device screens are single-page apps. */
export function staticRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const dist = s.config.staticDir;
  const page = (appName: string, html = 'index.html') => {
    const file = oneFile(join(dist, appName, html));
    return async (c: Context<AppEnv>) => (await tryServe(c, file, REVALIDATE)) ?? notBuilt(c, appName);
  };

  app.get('/', (c) => c.html(landingPage(s)));
  app.get('/landing.css', (c) =>
    c.body(LANDING_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': REVALIDATE }),
  );
  for (const name of ['kiosk', 'counter', 'display', 'admin', 'book']) {
    const index = page(name);
    const files = filesUnder(`/${name}/`, join(dist, name));
    app.get(`/${name}`, index);
    app.get(`/${name}/*`, async (c) => {
      const cache = c.req.path.startsWith(`/${name}/assets/`) ? IMMUTABLE : REVALIDATE;
      const res = await tryServe(c, files, cache);
      if (res) return res;
      // A missing file is a 404; any other path is one of the screen's own routes: its page.
      return extname(c.req.path) ? c.notFound() : index(c);
    });
  }
  app.get('/rating', page('counter', 'rating.html'));
  app.get('/t/:id', page('display', 'track.html'));
  // A center's own recordings (DATA_DIR/voice) before the bundled ones.
  const ownVoice = filesUnder('/voice/', join(s.config.dataDir, 'voice'));
  const bundledVoice = filesUnder('/voice/', join(dist, 'display', 'voice'));
  app.get(
    '/voice/*',
    async (c) =>
      (await tryServe(c, ownVoice, REVALIDATE)) ?? (await tryServe(c, bundledVoice, REVALIDATE)) ?? c.notFound(),
  );
  const fonts = filesUnder('/fonts/', join(dist, 'fonts'));
  app.get('/fonts/*', async (c) => (await tryServe(c, fonts, IMMUTABLE)) ?? c.notFound());
  return app;
}
