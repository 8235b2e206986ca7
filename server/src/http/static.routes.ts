import { Hono, type Context } from 'hono';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { AppEnv, Services } from './http.types.ts';
import { LANDING_CSS, landingPage } from './landing.page.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file strictly inside root, or null: `..`, encoded slashes and absolute paths never escape. */
export function safeJoin(root: string, rel: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, '.' + sep + decoded);
  const base = resolve(root);
  if (full !== base && !full.startsWith(base + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

function sendFile(c: Context, file: string, immutable: boolean): Response {
  return c.body(readFileSync(file), 200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
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
  const page =
    (appName: string, html = 'index.html') =>
    (c: Context) => {
      const file = join(dist, appName, html);
      return existsSync(file) ? sendFile(c, file, false) : notBuilt(c, appName);
    };
  const assets = (appName: string) => (c: Context) => {
    const rel = c.req.path.slice(`/${appName}/`.length);
    const file = safeJoin(join(dist, appName), rel);
    if (file) return sendFile(c, file, rel.startsWith('assets/'));
    return null;
  };

  app.get('/', (c) => c.html(landingPage(s)));
  app.get('/landing.css', (c) =>
    c.body(LANDING_CSS, 200, { 'content-type': TYPES['.css']!, 'cache-control': 'no-cache' }),
  );
  for (const name of ['kiosk', 'counter', 'display', 'admin']) {
    app.get(`/${name}`, page(name));
    app.get(`/${name}/*`, (c) => assets(name)(c) ?? (extname(c.req.path) ? c.notFound() : page(name)(c)));
  }
  app.get('/rating', page('counter', 'rating.html'));
  app.get('/t/:id', page('display', 'track.html'));
  app.get('/voice/*', (c) => {
    const rel = c.req.path.slice('/voice/'.length);
    const file = safeJoin(join(s.config.dataDir, 'voice'), rel) ?? safeJoin(join(dist, 'display', 'voice'), rel);
    return file ? sendFile(c, file, false) : c.notFound();
  });
  app.get('/fonts/*', (c) => {
    const file = safeJoin(join(dist, 'fonts'), c.req.path.slice('/fonts/'.length));
    return file ? sendFile(c, file, true) : c.notFound();
  });
  return app;
}
