import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * The built screens as files on disk (a dist/ of our own, not the shared build), served through serve-static:
 * SPA fallbacks, cache rules, voice packs, the security headers, and no way out of the served folders.
 */
let t: TestServer;
let root: string;
const SECRET = 'secret-should-never-be-served';

function put(rel: string, body: string): void {
  const file = join(root, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, body);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hcc-static-'));
  const dist = join(root, 'dist');
  put('package.json', SECRET); // what a traversal from dist/kiosk would reach (../../package.json)
  put('dist/secret.txt', SECRET);
  for (const app of ['kiosk', 'counter', 'display', 'admin', 'book']) {
    put(`dist/${app}/index.html`, `<!doctype html><title>${app}</title>`);
    put(`dist/${app}/assets/${app}-Ab12Cd.js`, `console.log('${app}')`);
  }
  put('dist/kiosk/favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  put('dist/counter/rating.html', '<!doctype html><title>rating</title>');
  put('dist/display/track.html', '<!doctype html><title>track</title>');
  put('dist/display/voice/default/chime.wav', 'RIFF-bundled-chime');
  put('dist/display/voice/default/mot.wav', 'RIFF-bundled-mot');
  put('dist/fonts/be-vietnam-pro-vietnamese-400.woff2', 'wOF2-font');
  t = await startTestServer({ listen: true, env: { STATIC_DIR: dist } });
  // A center's own recording replaces the bundled one of the same name.
  mkdirSync(join(t.dataDir, 'voice', 'default'), { recursive: true });
  writeFileSync(join(t.dataDir, 'voice', 'default', 'chime.wav'), 'RIFF-own-chime');
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => t.server.app.request(path, init);

/** Over a real socket with the path exactly as written (fetch and app.request would normalise `..`). */
function raw(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it('the landing page links the citizen booking page', async () => {
    expect(await (await get('/')).text()).toContain('href="/book"');
  });

  it('hashed assets: their type, a year of cache, the security headers', async () => {
    const r = await get('/kiosk/assets/kiosk-Ab12Cd.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toBe("console.log('kiosk')");
    const font = await get('/fonts/be-vietnam-pro-vietnamese-400.woff2');
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('cache-control')).toContain('immutable');
  });

  it("each screen's page for its own routes, never cached; other files of the app revalidated", async () => {
    for (const [path, title] of [
      ['/kiosk', 'kiosk'],
      ['/kiosk/', 'kiosk'],
      ['/counter/login', 'counter'],
      ['/display/counter/1', 'display'],
      ['/admin/reports/daily', 'admin'],
      ['/rating', 'rating'],
      ['/t/abc123', 'track'],
      ['/book', 'book'],
      ['/book/lookup', 'book'],
    ]) {
      const r = await get(path!);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(r.headers.get('cache-control'), path).toBe('no-cache');
      expect(r.headers.get('content-security-policy'), path).toBeTruthy();
      expect(await r.text(), path).toContain(`<title>${title}</title>`);
    }
    const icon = await get('/kiosk/favicon.svg');
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('a missing file is a 404 (not the page), HEAD answers without a body', async () => {
    expect((await get('/kiosk/missing.js')).status).toBe(404);
    expect((await get('/admin/assets/gone-123.css')).status).toBe(404);
    expect((await get('/fonts/none.woff2')).status).toBe(404);
    const head = await get('/kiosk/assets/kiosk-Ab12Cd.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String("console.log('kiosk')".length));
  });

  it("voice: the center's own recording first, then the bundled one", async () => {
    const own = await get('/voice/default/chime.wav');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('audio/wav');
    expect(await own.text()).toBe('RIFF-own-chime');
    expect(await (await get('/voice/default/mot.wav')).text()).toBe('RIFF-bundled-mot');
    expect((await get('/voice/default/none.wav')).status).toBe(404);
  });

  it('no path leaves the served folders: encoded slashes, dots, backslashes, NUL, double encoding', async () => {
    const paths = [
      '/kiosk/..%2f..%2fpackage.json',
      '/kiosk/..%2F..%2Fpackage.json',
      '/kiosk/%2e%2e/%2e%2e/package.json',
      '/kiosk/%2e%2e%2f%2e%2e%2fpackage.json',
      '/kiosk/assets/..%5c..%5c..%5cpackage.json',
      '/kiosk/..%252f..%252fpackage.json',
      '/kiosk/..%2fsecret.txt',
      '/kiosk/index.html%00.js',
      '/fonts/..%2f..%2fpackage.json',
      '/fonts/..%2fsecret.txt',
      '/voice/..%2f..%2f..%2fpackage.json',
      '/voice/..%2fqueue.sqlite',
      '/voice/%2e%2e/%2e%2e/secret.txt',
    ];
    for (const p of paths) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(await r.text(), p).not.toContain(SECRET);
      const w = await raw(p);
      expect(w.status, p).toBe(404);
      expect(w.body, p).not.toContain(SECRET);
    }
    // Unencoded dots are resolved by the URL parser before any route: they never reach a file either.
    for (const p of ['/kiosk/../../package.json', '/kiosk/../secret.txt', '/voice/../../queue.sqlite']) {
      const w = await raw(p);
      expect(w.body, p).not.toContain(SECRET);
      expect(w.status, p).toBe(404);
    }
  });
});

describe('a screen not built yet', () => {
  it('says so (503, in Vietnamese) instead of a blank page', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hcc-static-empty-'));
    const s = await startTestServer({ env: { STATIC_DIR: empty } });
    try {
      const r = await s.server.app.request('/kiosk');
      expect(r.status).toBe(503);
      expect(await r.text()).toContain('chưa được build');
      expect((await s.server.app.request('/counter/assets/x-1.js')).status).toBe(404);
    } finally {
      await s.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
