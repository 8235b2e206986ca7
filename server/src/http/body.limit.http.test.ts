import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * The body limit over a real socket (body.limit.ts): a Content-Length past the limit is refused from the header, a
 * chunked body (no length) by counting; either way 413 and no ticket. A body within the limit is read straight off
 * the socket, and the answer — its security and cache headers set in place (security.headers.ts `setAfter`) —
 * comes whole.
 */
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer({ listen: true, env: { BODY_LIMIT: '2048' } });
});
afterEach(async () => {
  await t.close();
});

function post(path: string, token: string, body: string, chunked = false) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const headers: Record<string, string | number> = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    };
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = request(`${t.url}${path}`, { method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    if (chunked) {
      // Several chunks, so the server cannot know the size before reading.
      for (let i = 0; i < body.length; i += 500) req.write(body.slice(i, i + 500));
      req.end();
    } else req.end(body);
  });
}

const ticketCount = () => (t.server.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;

describe('request body limit over a socket', () => {
  it('refuses a Content-Length past the limit and a chunked body past it, and issues nothing', async () => {
    const kiosk = await t.createDevice('kiosk');
    const areaId = (await t.areas())[0].id;
    const before = ticketCount();
    const big = JSON.stringify({ areaId, idempotencyKey: 'x'.repeat(4000) });
    const byLength = await post('/api/tickets', kiosk.token, big);
    expect(byLength.status).toBe(413);
    expect(JSON.parse(byLength.text).error.code).toBe('request.too_large');
    const byCounting = await post('/api/tickets', kiosk.token, big, true);
    expect(byCounting.status).toBe(413);
    expect(JSON.parse(byCounting.text).error.code).toBe('request.too_large');
    expect(ticketCount()).toBe(before);
  });

  it('reads a body within the limit, by length or chunked, and answers whole with every header', async () => {
    const kiosk = await t.createDevice('kiosk');
    const areaId = (await t.areas())[0].id;
    const a = await post('/api/tickets', kiosk.token, JSON.stringify({ areaId, idempotencyKey: 'k1' }));
    expect(a.status).toBe(201);
    const ticket = JSON.parse(a.text);
    expect(ticket).toMatchObject({ areaId, status: 'waiting' });
    expect(a.headers['content-length']).toBe(String(Buffer.byteLength(a.text)));
    expect(a.headers['cache-control']).toBe('no-store');
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(a.headers['content-type']).toMatch(/^application\/json/);
    const b = await post('/api/tickets', kiosk.token, JSON.stringify({ areaId, idempotencyKey: 'k2' }), true);
    expect(b.status).toBe(201);
    expect(JSON.parse(b.text).number).not.toBe(ticket.number);
    // A refusal's answer carries them too (set after the error handler built it).
    const refused = await post('/api/tickets', kiosk.token, '{"areaId":');
    expect(refused.status).toBe(400);
    expect(refused.headers['x-frame-options']).toBe('DENY');
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});
