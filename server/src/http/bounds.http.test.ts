import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Defect 3 (issue 11): free-form input nested thousands of levels deep made JSON.stringify overflow
 * the stack (500). Every free-form field is bounded, and no body, however deep, reaches a 5xx.
 */
let t: TestServer;
// A body limit far above the default, so the depth itself (not the size) is what is tried.
beforeAll(async () => {
  t = await startTestServer({ env: { BODY_LIMIT: String(2 * 1024 * 1024) } });
});
afterAll(async () => {
  await t.close();
});

const nestedObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const nestedArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
/** A value as deep as asked, built without recursion. */
const deepValue = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

describe('free-form input is bounded (depth, size), never a 5xx', () => {
  it('device settings nested thousands of levels deep → 4xx on create and update, nothing stored', async () => {
    const before = (await t.call('GET', '/api/devices', undefined, t.adminToken)).body.length;
    for (const depth of [5000, 20]) {
      const r = await t.call(
        'POST',
        '/api/devices',
        undefined,
        t.adminToken,
        `{"kind":"display","name":"Màn hình","settings":{"x":${nestedObject(depth)}}}`,
      );
      expect(r.status, `depth ${depth}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `depth ${depth}`).toBeLessThan(500);
    }
    expect((await t.call('GET', '/api/devices', undefined, t.adminToken)).body.length).toBe(before);
    const display = await t.createDevice('display', { settings: { counters: [1, 2], areas: ['LLTP'] } });
    for (const raw of [
      `{"settings":{"x":${nestedObject(5000)}}}`,
      `{"settings":{"x":${nestedArray(5000)}}}`,
      JSON.stringify({ settings: { x: deepValue(9) } }),
    ]) {
      const r = await t.call('PATCH', `/api/devices/${display.id}`, undefined, t.adminToken, raw);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    const stored = (await t.call('GET', '/api/devices', undefined, t.adminToken)).body.find(
      (d: any) => d.id === display.id,
    );
    expect(stored.settings).toEqual({ counters: [1, 2], areas: ['LLTP'] });
  });

  it('a reasonable settings object still passes (depth and size within the bounds)', async () => {
    const ok = await t.call(
      'POST',
      '/api/devices',
      {
        kind: 'display',
        name: 'Màn hình sảnh',
        settings: { counters: [1, 2, 3], areas: ['LLTP'], layout: { columns: 2, theme: { dark: true } } },
      },
      t.adminToken,
    );
    expect(ok.status).toBe(201);
  });

  it('settings that are too big (many keys, long strings, huge arrays) → 422', async () => {
    const manyKeys = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]));
    const long = { note: 'x'.repeat(20_000) };
    const wide = { list: Array.from({ length: 5000 }, (_, i) => i) };
    for (const settings of [manyKeys, long, wide]) {
      const r = await t.call('POST', '/api/devices', { kind: 'display', name: 'Màn hình', settings }, t.adminToken);
      expect(r.status).toBe(422);
    }
  });

  it('every route with a free-form field refuses deep nesting with 4xx', async () => {
    const kiosk = await t.createDevice('kiosk');
    const area = (await t.areas()).find((a) => a.code === 'LLTP');
    const tk = (await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    const deep = nestedObject(5000);
    const cases: [string, string, string][] = [
      ['POST', '/api/devices', `{"kind":"display","name":"x","settings":${deep}}`],
      ['PATCH', '/api/settings', `{"name":${deep}}`],
      ['PATCH', '/api/settings', `{"x":${deep}}`],
      ['POST', '/api/config/import', `{"center":{"name":${deep}}}`],
      ['POST', '/api/config/import', `{"center":{"x":${deep}}}`],
      ['POST', `/api/tickets/${tk.id}/annotate`, `{"note":${deep}}`],
      ['POST', '/api/ratings', `{"ticketId":"${tk.id}","level":"satisfied","reasons":[${deep}],"comment":${deep}}`],
      ['POST', '/api/users', `{"username":"abc","password":"password-123","displayName":${deep},"role":"clerk"}`],
    ];
    for (const [method, path, raw] of cases) {
      const r = await t.call(method, path, undefined, t.adminToken, raw);
      expect(r.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${method} ${path}`).toBeLessThan(500);
    }
    // The refused settings changed nothing.
    expect((await t.call('GET', '/api/settings', undefined, t.adminToken)).body.name).toBe(
      'Trung tâm Phục vụ hành chính công tỉnh Nghệ An',
    );
  });

  it('a body of 100 000 "[" (or "{") is refused with 400 before it is parsed, on every JSON route', async () => {
    const bodies = [
      '['.repeat(100_000),
      nestedArray(100_000),
      `{"a":${'{"a":'.repeat(100_000)}`,
      nestedObject(100_000),
    ];
    const routes: [string, string][] = [
      ['POST', '/api/devices'],
      ['PATCH', '/api/settings'],
      ['POST', '/api/config/import'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/tickets'],
      ['POST', '/api/users'],
    ];
    for (const [method, path] of routes) {
      for (const raw of bodies) {
        const r = await t.call(method, path, undefined, t.adminToken, raw);
        expect(r.status, `${method} ${path}`).toBe(400);
        expect(r.body.error.code).toMatch(/^request\./);
      }
    }
    expect((await t.call('GET', '/api/health')).status).toBe(200);
  });
});
