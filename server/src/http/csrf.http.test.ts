import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Cookies cannot be borrowed: a state change authenticated only by the session cookie needs a JSON body and
 * a same-origin Origin / Sec-Fetch-Site. In-process requests are addressed to http://localhost.
 */
let t: TestServer;
let ids: Record<string, string>;
const SELF = 'http://localhost';

/** Every row of every table: "nothing changed" means this did not move. */
function dbDigest(): string {
  const db = t.server.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const h = createHash('sha256');
  for (const name of tables) h.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()));
  return h.digest('hex');
}

async function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  const res = await t.server.app.request(path, { method, headers, body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json, headers: res.headers };
}

/** Every state-changing API route the app serves, with real ids so that an accepted request would change something. */
function stateChangingRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of t.server.app.routes) {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) || !r.path.startsWith('/api/')) continue;
    const path = r.path.replace(/\/(\w+)\/:id/g, (_m, kind: string) => `/${kind}/${ids[kind] ?? 'x'}`);
    if (seen.has(`${r.method} ${path}`)) continue;
    seen.add(`${r.method} ${path}`);
    out.push({ method: r.method, path });
  }
  return out;
}

const USER = JSON.stringify({ username: 'ke-gian', password: 'password-123', displayName: 'Kẻ gian', role: 'admin' });

beforeAll(async () => {
  t = await startTestServer();
  const clerk = await t.createClerk('an');
  const device = await t.createDevice('kiosk');
  const counter = (await t.counters())[0];
  const area = (await t.areas())[0];
  const dep = (await t.call('GET', '/api/departments', undefined, t.adminToken)).body[0];
  const ticket = (await t.call('POST', '/api/tickets', { areaId: area.id }, device.token)).body;
  ids = {
    users: clerk.id,
    devices: device.id,
    counters: counter.id,
    areas: area.id,
    departments: dep.id,
    tickets: ticket.id,
  };
});
afterAll(async () => {
  await t.close();
});

describe('cookie-authenticated state changes', () => {
  const cookie = () => ({ cookie: `hcc_session=${t.adminToken}` });
  const refusedVariants: [string, () => Record<string, string>][] = [
    ['text/plain from the same origin', () => ({ ...cookie(), 'content-type': 'text/plain', origin: SELF })],
    [
      'a form from the same origin',
      () => ({ ...cookie(), 'content-type': 'application/x-www-form-urlencoded', origin: SELF }),
    ],
    [
      'multipart from the same origin',
      () => ({ ...cookie(), 'content-type': 'multipart/form-data; boundary=x', origin: SELF }),
    ],
    ['no content type', () => ({ ...cookie(), origin: SELF })],
    [
      'text/plain from another origin (the classic attack)',
      () => ({ ...cookie(), 'content-type': 'text/plain', origin: 'http://evil.example' }),
    ],
    [
      'JSON from another origin',
      () => ({ ...cookie(), 'content-type': 'application/json', origin: 'http://evil.example' }),
    ],
    [
      'JSON from another port of the same host',
      () => ({ ...cookie(), 'content-type': 'application/json', origin: 'http://localhost:8081' }),
    ],
    ['JSON with Origin "null"', () => ({ ...cookie(), 'content-type': 'application/json', origin: 'null' })],
    ['JSON with neither Origin nor Sec-Fetch-Site', () => ({ ...cookie(), 'content-type': 'application/json' })],
    [
      'JSON with Sec-Fetch-Site: cross-site',
      () => ({ ...cookie(), 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }),
    ],
    [
      'JSON with Sec-Fetch-Site: same-site',
      () => ({ ...cookie(), 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }),
    ],
    [
      'JSON, same Origin but Sec-Fetch-Site: cross-site',
      () => ({ ...cookie(), 'content-type': 'application/json', origin: SELF, 'sec-fetch-site': 'cross-site' }),
    ],
  ];

  it('covers the whole surface', () => {
    const routes = stateChangingRoutes().map((r) => `${r.method} ${r.path.replace(/\/[\w-]{12,}/g, '/:id')}`);
    for (const r of [
      'POST /api/users',
      'PATCH /api/users/:id',
      'POST /api/devices',
      'DELETE /api/devices/:id',
      'POST /api/auth/logout',
      'PATCH /api/settings',
      'POST /api/config/import',
      'POST /api/backups',
    ]) {
      expect(routes).toContain(r);
    }
    expect(routes.length).toBeGreaterThan(30);
  });

  for (const [name, headers] of refusedVariants) {
    it(`refuses ${name} on every state-changing route (403, nothing changed)`, async () => {
      const before = dbDigest();
      for (const r of stateChangingRoutes()) {
        const res = await send(r.method, r.path, headers(), USER);
        expect(res.status, `${r.method} ${r.path}`).toBe(403);
        expect(res.body.error.code, `${r.method} ${r.path}`).toBe('auth.cross_site');
        expect(res.body.error.message).toMatch(/không/);
      }
      expect(dbDigest()).toBe(before);
      expect(t.server.db.prepare('SELECT COUNT(*) FROM users WHERE username = ?').pluck().get('ke-gian')).toBe(0);
    });
  }

  it('reads stay open to the cookie from anywhere (GET is not a state change)', async () => {
    const r = await send('GET', '/api/auth/me', {
      ...cookie(),
      origin: 'http://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(r.status).toBe(200);
    expect(r.body.user.username).toBe('admin');
  });

  it('accepts same-origin JSON by Origin, by Sec-Fetch-Site, or from the configured PUBLIC_URL', async () => {
    const a = await send(
      'POST',
      '/api/users',
      { ...cookie(), 'content-type': 'application/json; charset=utf-8', origin: SELF },
      JSON.stringify({ username: 'cookie-1', password: 'password-123', displayName: 'Cookie 1', role: 'clerk' }),
    );
    expect(a.status).toBe(201);
    const b = await send(
      'POST',
      '/api/users',
      { ...cookie(), 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      JSON.stringify({ username: 'cookie-2', password: 'password-123', displayName: 'Cookie 2', role: 'clerk' }),
    );
    expect(b.status).toBe(201);
    const c = await send(
      'POST',
      '/api/users',
      { ...cookie(), 'content-type': 'application/json', origin: 'http://hcc.test', 'sec-fetch-site': 'same-origin' },
      JSON.stringify({ username: 'cookie-3', password: 'password-123', displayName: 'Cookie 3', role: 'clerk' }),
    );
    expect(c.status).toBe(201);
    const counter = await send('POST', `/api/counters/${ids.counters}/open`, {
      cookie: `hcc_session=${await t.login('an', 'password-123')}`,
      'content-type': 'application/json',
      origin: SELF,
    });
    expect(counter.status).toBe(200);
  });

  it('a bearer token works from anywhere, whatever the content type', async () => {
    const r = await send(
      'POST',
      '/api/users',
      {
        authorization: `Bearer ${t.adminToken}`,
        'content-type': 'text/plain',
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      JSON.stringify({ username: 'bearer-1', password: 'password-123', displayName: 'Bearer 1', role: 'clerk' }),
    );
    expect(r.status).toBe(201);
    // A browser front-end sends its bearer token and the cookie together: the bearer decides.
    const both = await send(
      'POST',
      '/api/users',
      { authorization: `Bearer ${t.adminToken}`, ...cookie(), 'content-type': 'application/json' },
      JSON.stringify({ username: 'bearer-2', password: 'password-123', displayName: 'Bearer 2', role: 'clerk' }),
    );
    expect(both.status).toBe(201);
  });

  it('logout by cookie from another origin is refused and the session stays', async () => {
    const token = await t.login('an', 'password-123');
    const r = await send('POST', '/api/auth/logout', {
      cookie: `hcc_session=${token}`,
      'content-type': 'text/plain',
      origin: 'http://evil.example',
    });
    expect(r.status).toBe(403);
    expect((await t.call('GET', '/api/auth/me', undefined, token)).status).toBe(200);
    const ok = await send('POST', '/api/auth/logout', {
      cookie: `hcc_session=${token}`,
      'content-type': 'application/json',
      origin: SELF,
    });
    expect(ok.status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', undefined, token)).status).toBe(401);
  });
});

describe('login that sets the cookie', () => {
  const body = JSON.stringify({ username: 'an', password: 'password-123' });
  it('is refused from another origin (login CSRF): 403, no cookie, no session', async () => {
    const sessions = () => t.server.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get();
    const before = sessions();
    const signals: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
      { origin: SELF, 'sec-fetch-site': 'same-site' },
    ];
    for (const h of signals) {
      const r = await send('POST', '/api/auth/login', { 'content-type': 'text/plain', ...h }, body);
      expect(r.status, JSON.stringify(h)).toBe(403);
      expect(r.body.error.code).toBe('auth.cross_site');
      expect(r.headers.get('set-cookie')).toBeNull();
    }
    expect(sessions()).toBe(before);
  });
  it('works from the same origin and from programs that send no Origin', async () => {
    const a = await send('POST', '/api/auth/login', { 'content-type': 'application/json', origin: SELF }, body);
    expect(a.status).toBe(200);
    expect(a.headers.get('set-cookie')).toContain('hcc_session=');
    const b = await send('POST', '/api/auth/login', { 'content-type': 'application/json' }, body);
    expect(b.status).toBe(200);
  });
});
