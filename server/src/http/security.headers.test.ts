import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/** Every page and API answer carries the browser-side defences; no served HTML needs inline script or style. */
let t: TestServer;
let ticketId: string;
beforeAll(async () => {
  t = await startTestServer();
  const kiosk = await t.createDevice('kiosk');
  const area = (await t.areas())[0];
  ticketId = (await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body.id;
});
afterAll(async () => {
  await t.close();
});

const SCREENS = [
  '/',
  '/kiosk',
  '/counter',
  '/rating',
  '/display',
  '/display/counter/1',
  '/t/TICKET',
  '/admin',
  '/admin/monitor',
  '/print/ticket/TICKET',
  '/api/health',
  '/api/nope',
  '/nope',
  '/kiosk/missing.js',
  '/api/tickets/nope',
  '/print/ticket/nope',
  '/landing.css',
  '/print/ticket.js',
  '/api/users',
];

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) m.set(name, values);
  }
  return m;
}

/** What a strict CSP blocks in HTML: a <script> without src, a <style> element, style="…" and on…="…" attributes. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) if (!/\bsrc\s*=/i.test(m[1]!)) found.push(m[0]);
  for (const m of html.matchAll(/<style\b[^>]*>/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<[a-z][^>]*\s(style|on[a-z]+)\s*=[^>]*>/gi)) found.push(m[0]);
  return found;
}

describe('security headers', () => {
  it('every screen, API answer, asset and 404 carries CSP, frame, referrer, sniffing, opener and permission headers', async () => {
    for (const path of SCREENS.map((p) => p.replace('TICKET', ticketId))) {
      const res = await t.server.app.request(path);
      const h = res.headers;
      const csp = directives(h.get('content-security-policy'));
      const framedByKiosk = path.startsWith('/print/');
      expect.soft(csp.get('default-src'), path).toEqual(["'self'"]);
      expect.soft(csp.get('script-src'), path).toEqual(["'self'"]);
      expect.soft(csp.get('style-src'), path).toEqual(["'self'"]);
      expect.soft(csp.get('object-src'), path).toEqual(["'none'"]);
      expect.soft(csp.get('base-uri'), path).toEqual(["'none'"]);
      expect.soft(csp.get('form-action'), path).toEqual(["'self'"]);
      expect.soft(csp.get('img-src'), path).toEqual(["'self'", 'data:', 'blob:']);
      expect.soft(csp.get('media-src'), path).toEqual(["'self'", 'blob:', 'data:']);
      expect.soft(csp.get('connect-src'), path).toEqual(["'self'", 'ws:', 'wss:']);
      expect.soft(csp.get('font-src'), path).toEqual(["'self'"]);
      // The kiosk prints through /print/ticket/:id in a hidden frame of its own page: only that page may be framed, and only by us.
      expect.soft(csp.get('frame-ancestors'), path).toEqual([framedByKiosk ? "'self'" : "'none'"]);
      expect.soft(h.get('x-frame-options'), path).toBe(framedByKiosk ? 'SAMEORIGIN' : 'DENY');
      expect.soft(h.get('referrer-policy'), path).toBe('no-referrer');
      expect.soft(h.get('x-content-type-options'), path).toBe('nosniff');
      expect.soft(h.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect.soft(h.get('cross-origin-resource-policy'), path).toBe('same-origin');
      const perms = h.get('permissions-policy') ?? '';
      for (const f of ['camera', 'microphone', 'geolocation']) expect.soft(perms, path).toContain(`${f}=()`);
      // Served over plain HTTP here: HSTS would be ignored at best, and must never be sent.
      expect.soft(h.get('strict-transport-security'), path).toBeNull();
      await res.arrayBuffer();
    }
  });

  it("socket.io's own polling answers (handshake, refusal) carry the same headers", async () => {
    const live = await startTestServer({ listen: true });
    try {
      for (const query of ['EIO=4&transport=polling', 'EIO=3&transport=polling', 'transport=bogus']) {
        const res = await fetch(`${live.url}/socket.io/?${query}`);
        await res.arrayBuffer();
        expect.soft(res.headers.get('x-content-type-options'), query).toBe('nosniff');
        expect.soft(res.headers.get('referrer-policy'), query).toBe('no-referrer');
        expect
          .soft(directives(res.headers.get('content-security-policy')).get('frame-ancestors'), query)
          .toEqual(["'none'"]);
      }
    } finally {
      await live.close();
    }
  });

  it('no served page holds inline script or inline style; the print page keeps its script and style in files', async () => {
    for (const path of SCREENS.map((p) => p.replace('TICKET', ticketId))) {
      const res = await t.server.app.request(path);
      if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) {
        await res.arrayBuffer();
        continue;
      }
      expect.soft(inlineCode(await res.text()), path).toEqual([]);
    }
    const print = await (await t.server.app.request(`/print/ticket/${ticketId}`)).text();
    expect(print).toContain('<script src="/print/ticket.js"');
    expect(print).toContain(`data-ticket-id="${ticketId}"`);
    const js = await t.server.app.request('/print/ticket.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    // Only the kiosk's own page frames this one: tell it, and no one else, how printing went.
    expect(await js.text()).toContain('location.origin');
    const css = await t.server.app.request('/print/ticket.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('size:80mm');
    const landing = await t.server.app.request('/landing.css');
    expect(landing.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await landing.text()).toContain('@font-face');
  });

  it("the front-ends' HTML (built in dist/ when present, and the sources) has no inline script or style", () => {
    const pages = [
      'admin/index.html',
      'kiosk/index.html',
      'display/index.html',
      'display/track.html',
      'counter/index.html',
      'counter/rating.html',
    ];
    let checked = 0;
    for (const rel of pages) {
      for (const file of [join(process.cwd(), rel), join(process.cwd(), 'dist', rel)]) {
        if (!existsSync(file)) continue;
        checked++;
        expect.soft(inlineCode(readFileSync(file, 'utf8')), file).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(pages.length);
  });
});
