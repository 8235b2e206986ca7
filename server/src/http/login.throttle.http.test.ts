import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * A right password always works: failures slow the failing client (user + address), never a client that has
 * not failed. In-process requests carry their address the way @hono/node-server gives it (env.incoming.socket);
 * the last test does the same over real sockets from 127.0.0.2 and 127.0.0.3.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  await t.createClerk('binh');
  await t.createClerk('an');
});
afterAll(async () => {
  await t.close();
});

const clock = () => t.clock as ManualClock;

async function loginFrom(address: string, username: string, password: string) {
  const res = await t.server.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
  return { status: res.status, body: (await res.json()) as any, retryAfter: res.headers.get('retry-after') };
}

describe('login throttling over HTTP', () => {
  it('50 failures from 127.0.0.2 do not stop the right password from 127.0.0.3', async () => {
    let failures = 0;
    while (failures < 50) {
      const r = await loginFrom('127.0.0.2', 'binh', 'wrong-pass');
      if (r.status === 401) {
        failures++;
        continue;
      }
      expect(r.status).toBe(429);
      clock().advance((r.body.error.details?.retryAfterSec ?? 300) * 1000); // the attacker waits as told, and fails again
    }
    const ok = await loginFrom('127.0.0.3', 'binh', 'password-123');
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe('binh');
    // The failing client itself is held back, right password or not, until its wait is over.
    const held = await loginFrom('127.0.0.2', 'binh', 'password-123');
    expect(held.status).toBe(429);
    clock().advance(held.body.error.details.retryAfterSec * 1000);
    expect((await loginFrom('127.0.0.2', 'binh', 'password-123')).status).toBe(200);
  });

  it('the failing client gets 429 with growing waits, in the body and in Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await loginFrom('127.0.0.4', 'an', 'wrong-pass')).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await loginFrom('127.0.0.4', 'an', 'wrong-pass');
      expect(r.status).toBe(429);
      expect(r.body.error.code).toBe('auth.too_many_attempts');
      expect(r.body.error.message).toMatch(/thử lại sau \d+ (giây|phút)/);
      expect(r.retryAfter).toBe(String(r.body.error.details.retryAfterSec));
      waits.push(r.body.error.details.retryAfterSec);
      clock().advance(r.body.error.details.retryAfterSec * 1000);
      expect((await loginFrom('127.0.0.4', 'an', 'wrong-pass')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    expect((await loginFrom('127.0.0.5', 'an', 'password-123')).status).toBe(200);
  });

  it('parallel guesses cannot slip past the wait: of 20 at once only the three free ones are checked', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => loginFrom('127.0.0.8', 'an', 'wrong-pass')));
    expect(all.filter((r) => r.status === 401)).toHaveLength(3);
    expect(all.filter((r) => r.status === 429)).toHaveLength(17);
  });

  it('one address guessing many names is capped across names; other addresses are not', async () => {
    let failures = 0;
    for (let i = 0; failures < 30; i++)
      if ((await loginFrom('127.0.0.6', `khong-co-${i}`, 'x')).status === 401) failures++;
    const capped = await loginFrom('127.0.0.6', 'an', 'password-123');
    expect(capped.status).toBe(429);
    expect(Number(capped.retryAfter)).toBeGreaterThan(0);
    expect((await loginFrom('127.0.0.7', 'an', 'password-123')).status).toBe(200);
  });

  it('over real sockets: the address is the peer address, so 127.0.0.3 is not held back by 127.0.0.2', async () => {
    const port = Number(new URL(t.url).port);
    const post = (localAddress: string, password: string) =>
      new Promise<{ status: number; body: any }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            localAddress,
            method: 'POST',
            path: '/api/auth/login',
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            let data = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => {
              data += d;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ username: 'binh', password }));
      });
    for (let i = 0; i < 3; i++) expect((await post('127.0.0.2', 'wrong-pass')).status).toBe(401);
    const held = await post('127.0.0.2', 'password-123');
    expect(held.status).toBe(429);
    expect(held.body.error.details.retryAfterSec).toBeGreaterThan(0);
    expect((await post('127.0.0.3', 'password-123')).status).toBe(200);
  });
});
