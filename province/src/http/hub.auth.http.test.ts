import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../testing/pg.cluster.testing.ts';
import { HUB_ADMIN_PASSWORD, startTestHub, type Backend, type TestHub } from '../testing/hub.testing.ts';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => {
  await cluster?.destroy();
});

describe.each<Backend>(['pglite', 'pg'])('hub people and centers on %s', (backend) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(backend, cluster);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs in as on a center; wrong passwords are 401 and slow only the failing client', async () => {
    expect(await t.call('POST', '/api/auth/login', { username: 'admin', password: 'wrong-one' })).toMatchObject({
      status: 401,
      json: { error: { code: 'auth.invalid_credentials' } },
    });
    const ok = await t.call('POST', '/api/auth/login', { username: 'admin', password: HUB_ADMIN_PASSWORD });
    expect(ok).toMatchObject({ status: 200, json: { user: { username: 'admin', role: 'admin' } } });
    expect(ok.headers.get('set-cookie')).toMatch(/hcc_province_session=.*HttpOnly/i);
    expect(await t.call('GET', '/api/auth/me', undefined, ok.json.token)).toMatchObject({
      status: 200,
      json: { user: { username: 'admin' } },
    });
    for (let i = 0; i < 4; i++) await t.call('POST', '/api/auth/login', { username: 'admin', password: 'guess-' + i });
    const slowed = await t.call('POST', '/api/auth/login', { username: 'admin', password: HUB_ADMIN_PASSWORD });
    expect(slowed).toMatchObject({ status: 429, json: { error: { code: 'auth.too_many_attempts' } } });
    await t.call('POST', '/api/auth/logout', undefined, ok.json.token);
    expect((await t.call('GET', '/api/auth/me', undefined, ok.json.token)).status).toBe(401);
    t.clock.advance(16 * 60_000); // the throttle forgets a quiet client
  });

  it('creates supervisors, refuses clerks and duplicates, and keeps roles apart', async () => {
    const admin = await t.adminToken();
    const user = { username: 'giamsat', password: 'password-123', displayName: 'Giám sát tỉnh', role: 'supervisor' };
    const r = await t.call('POST', '/api/users', user, admin);
    expect(r).toMatchObject({ status: 201, json: { username: 'giamsat', role: 'supervisor' } });
    expect(r.json.password).toBeUndefined();
    expect((await t.call('POST', '/api/users', { ...user, username: 'GiamSat' }, admin)).status).toBe(409);
    expect((await t.call('POST', '/api/users', { ...user, username: 'canbo', role: 'clerk' }, admin)).status).toBe(422);
    const sup = (await t.call('POST', '/api/auth/login', { username: 'giamsat', password: 'password-123' })).json.token;
    expect((await t.call('GET', '/api/province/centers', undefined, sup)).status).toBe(200);
    expect((await t.call('POST', '/api/province/centers', { code: 'X1', name: 'Xã' }, sup)).status).toBe(403);
    expect((await t.call('POST', '/api/users', { ...user, username: 'khac' }, sup)).status).toBe(403);
    expect((await t.call('GET', '/api/province/centers')).status).toBe(401);
  });

  it('creates a center with a token shown once and stored hashed; codes are unique and checked', async () => {
    const admin = await t.adminToken();
    const r = await t.call('POST', '/api/province/centers', { code: 'NA-01', name: 'Xã Nghi Lộc' }, admin);
    expect(r).toMatchObject({ status: 201, json: { code: 'NA-01', name: 'Xã Nghi Lộc' } });
    expect(r.json.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const stored = await t.hub.db.query('SELECT token_hash FROM centers WHERE id = $1', [r.json.id]);
    expect(stored[0]!.token_hash).not.toBe(r.json.token);
    expect((await t.call('POST', '/api/province/centers', { code: 'na-01', name: 'Khác' }, admin)).status).toBe(409);
    for (const code of ['', 'a/b', 'có dấu', 'x'.repeat(41)])
      expect((await t.call('POST', '/api/province/centers', { code, name: 'X' }, admin)).status).toBe(422);
    const list = (await t.call('GET', '/api/province/centers', undefined, admin)).json as any[];
    expect(list.find((c) => c.code === 'NA-01')).toEqual({
      id: r.json.id,
      code: 'NA-01',
      name: 'Xã Nghi Lộc',
      lastSeenAt: null,
      lagSec: 0,
      today: { issued: 0, served: 0, noShow: 0, waiting: 0, avgWaitSec: null, satisfiedShare: null },
      live: { longestWaitSec: null, targetWaitSec: null, openCounters: 0, waitingNoCounter: 0, linkState: 'offline' },
      tokenActive: true,
    });
    expect((await t.call('DELETE', '/api/province/centers/nope/token', undefined, admin)).status).toBe(404);
  });

  it('refuses a state change carried only by the cookie from another origin (cookies cannot be borrowed)', async () => {
    const login = await t.call('POST', '/api/auth/login', { username: 'admin', password: HUB_ADMIN_PASSWORD });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const post = (headers: Record<string, string>) =>
      fetch(`${t.url}/api/province/centers`, {
        method: 'POST',
        headers: { cookie, ...headers },
        body: JSON.stringify({ code: 'CSRF1', name: 'X' }),
      });
    expect((await post({ 'content-type': 'application/json', origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ 'content-type': 'text/plain', origin: t.url })).status).toBe(403);
    expect((await post({ 'content-type': 'application/json', origin: t.url })).status).toBe(201);
    const cross = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ username: 'admin', password: HUB_ADMIN_PASSWORD }),
    });
    expect(cross.status).toBe(403);
  });

  it('answers hostile requests with 4xx, never 5xx', async () => {
    const admin = await t.adminToken();
    const deep = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
    const cases: [string, string, string | undefined, string | undefined][] = [
      ['POST', '/api/auth/login', 'not json', undefined],
      ['POST', '/api/auth/login', deep, undefined],
      ['POST', '/api/auth/login', JSON.stringify({ username: 'a\u0000b', password: 'x' }), undefined],
      [
        'POST',
        '/api/users',
        JSON.stringify({ username: 'x\u0000', password: 'password-1', displayName: 'a', role: 'admin' }),
        admin,
      ],
      ['POST', '/api/province/centers', JSON.stringify({ code: 'Z', name: 'a\u0000b' }), admin],
      ['POST', '/api/province/centers', 'x'.repeat(100_000), admin],
      ['GET', '/api/province/reports/summary?from=2026-13-45&groupBy=center', undefined, admin],
      ['GET', '/api/province/reports/summary?groupBy=../../etc', undefined, admin],
      ['GET', '/api/province/catalog?since=abc', undefined, admin],
      ['GET', '/api/auth/me', undefined, 'x'.repeat(5000)],
      ['DELETE', `/api/province/centers/${'%00'.repeat(10)}/token`, undefined, admin],
    ];
    for (const [method, path, raw, token] of cases) {
      const r = await t.call(method, path, undefined, token, raw);
      expect(r.status, `${method} ${path}: ${r.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${method} ${path}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
    }
  });
});
