import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * A pairing code pairs once: made on demand by an admin, valid 10 minutes, stored hashed, dead once used or
 * once the device's token is in use, and a server-wide budget of wrong guesses (20 per 10 minutes) stops
 * brute force from many addresses. Each test starts past the previous one's windows.
 */
let t: TestServer;
const sockets: Socket[] = [];
const clock = () => t.clock as ManualClock;
const MIN = 60_000;

beforeAll(async () => {
  t = await startTestServer({ listen: true });
});
beforeEach(() => {
  clock().advance(11 * MIN);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(async () => {
  await t.close();
});

async function pairFrom(address: string, code: string) {
  const res = await t.server.app.request(
    '/api/auth/pair',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
  return { status: res.status, body: (await res.json()) as any, retryAfter: res.headers.get('retry-after') };
}
const newDevice = async (kind = 'kiosk') => {
  const r = await t.call('POST', '/api/devices', { kind, name: `${kind} ghép nối` }, t.adminToken);
  expect(r.status).toBe(201);
  return r.body as { id: string; token: string; pairingCode: string; pairingExpiresAt: string };
};
const newCode = (id: string, token = t.adminToken) =>
  t.call('POST', `/api/devices/${id}/pairing-code`, undefined, token);
const me = (token: string) => t.call('GET', '/api/auth/me', undefined, token);
/** Six digits that are no live code of this test. */
const wrong = (i: number, not: string[]) => {
  let c = String(100_000 + ((i * 7919) % 900_000));
  while (not.includes(c)) c = String(Number(c) + 1);
  return c;
};

describe('pairing codes', () => {
  it('are made on demand by an admin: six digits, valid 10 minutes, shown once, never listed', async () => {
    const d = await newDevice();
    expect(d.pairingCode).toMatch(/^\d{6}$/);
    expect(Date.parse(d.pairingExpiresAt)).toBe(clock().now() + 10 * MIN);
    const fresh = await newCode(d.id);
    expect(fresh.status).toBe(200);
    expect(fresh.body.code).toMatch(/^\d{6}$/);
    expect(Date.parse(fresh.body.expiresAt)).toBe(clock().now() + 10 * MIN);
    // The new code replaces the old one.
    if (fresh.body.code !== d.pairingCode) expect((await pairFrom('127.0.1.1', d.pairingCode)).status).toBe(404);
    const listed = (await t.call('GET', '/api/devices', undefined, t.adminToken)).body.find((x: any) => x.id === d.id);
    expect(JSON.stringify(listed)).not.toContain(fresh.body.code);
    expect(listed).toMatchObject({ pairingExpiresAt: fresh.body.expiresAt, inUse: false });
    const clerk = await t.createClerk('an');
    expect((await newCode(d.id, clerk.token)).status).toBe(403);
    expect((await newCode('khong-co')).status).toBe(404);
  });

  it('are stored hashed: the row holds neither the code nor the token', async () => {
    const d = await newDevice();
    const again = (await newCode(d.id)).body.code as string;
    const row = t.server.db.prepare('SELECT * FROM devices WHERE id = ?').get(d.id) as Record<string, unknown>;
    expect(Object.keys(row)).not.toContain('pairing_code');
    expect(Object.keys(row)).not.toContain('pairing_token');
    expect(typeof row.pairing_code_hash).toBe('string');
    for (const secret of [again, d.pairingCode, d.token]) {
      for (const v of Object.values(row)) expect(String(v)).not.toContain(secret);
    }
  });

  it('expire after 10 minutes', async () => {
    const d = await newDevice();
    clock().advance(10 * MIN);
    expect((await pairFrom('127.0.1.2', d.pairingCode)).body.error.code).toBe('auth.invalid_pairing_code');
    const fresh = (await newCode(d.id)).body.code as string;
    clock().advance(10 * MIN - 1000);
    expect((await pairFrom('127.0.1.2', fresh)).status).toBe(200);
  });

  it('pair once: the answer carries a working device token, a second use is refused', async () => {
    const d = await newDevice('display');
    const first = await pairFrom('127.0.1.3', d.pairingCode);
    expect(first.status).toBe(200);
    expect(first.body.device).toMatchObject({ id: d.id, kind: 'display' });
    expect((await me(first.body.token)).body.device.id).toBe(d.id);
    const second = await pairFrom('127.0.1.4', d.pairingCode);
    expect(second.status).toBe(404);
    expect(second.body.token).toBeUndefined();
  });

  it('are dead once the device token is in use over HTTP', async () => {
    const d = await newDevice();
    expect((await me(d.token)).status).toBe(200); // the screen opened ?token= …
    const r = await pairFrom('127.0.1.5', d.pairingCode); // … so the code hands out nothing
    expect(r.status).toBe(404);
    expect(r.body.token).toBeUndefined();
    expect((await me(d.token)).status).toBe(200);
  });

  it('are dead once the device token is in use over a socket', async () => {
    const d = await newDevice('display');
    const s = io(t.url, { auth: { token: d.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('state:snapshot', () => resolve());
      s.once('connect_error', reject);
    });
    expect((await pairFrom('127.0.1.6', d.pairingCode)).status).toBe(404);
  });

  it('re-pairing a device in use: a new code, the old token stops at once, the code gives a new one', async () => {
    const d = await newDevice('display');
    const s = io(t.url, { auth: { token: d.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('state:snapshot', () => resolve());
      s.once('connect_error', reject);
    });
    const dropped = new Promise<string>((resolve) => s.once('disconnect', resolve));
    const fresh = await newCode(d.id);
    expect(fresh.status).toBe(200);
    expect(fresh.body.replacedToken).toBe(true);
    expect(await dropped).toBe('io server disconnect');
    expect((await me(d.token)).status).toBe(401);
    const paired = await pairFrom('127.0.1.7', fresh.body.code);
    expect(paired.status).toBe(200);
    expect((await me(paired.body.token)).body.device.id).toBe(d.id);
    const listed = (await t.call('GET', '/api/devices', undefined, t.adminToken)).body.find((x: any) => x.id === d.id);
    expect(listed.pairingExpiresAt).toBeNull();
  });

  it('of a revoked device are dead', async () => {
    const d = await newDevice();
    expect((await t.call('POST', `/api/devices/${d.id}/revoke`, undefined, t.adminToken)).status).toBe(200);
    expect((await pairFrom('127.0.1.8', d.pairingCode)).status).toBe(404);
    expect((await newCode(d.id)).status).toBe(404);
  });

  it('cannot be guessed from many addresses: 20 wrong guesses server-wide stop pairing for everyone (429)', async () => {
    const d = await newDevice();
    for (let i = 0; i < 20; i++) {
      const r = await pairFrom(`127.0.0.${2 + i}`, wrong(i, [d.pairingCode]));
      expect(r.status, `guess ${i + 1}`).toBe(404);
    }
    for (let a = 22; a <= 30; a++) {
      const r = await pairFrom(`127.0.0.${a}`, a === 30 ? d.pairingCode : wrong(a, [d.pairingCode]));
      expect(r.status).toBe(429);
      expect(r.body.error.code).toBe('auth.pairing_suspended');
      expect(r.retryAfter).toBe(String(r.body.error.details.retryAfterSec));
    }
    expect((await me(d.token)).status).toBe(200); // and the right code did not hand out a new token
    clock().advance(10 * MIN);
    const later = await newDevice();
    expect((await pairFrom('127.0.0.30', later.pairingCode)).status).toBe(200);
  });

  it('one address is held back after 5 wrong guesses; another still pairs', async () => {
    const d = await newDevice();
    for (let i = 0; i < 5; i++) expect((await pairFrom('127.0.2.1', wrong(i, [d.pairingCode]))).status).toBe(404);
    const held = await pairFrom('127.0.2.1', d.pairingCode);
    expect(held.status).toBe(429);
    expect(held.body.error.code).toBe('auth.too_many_attempts');
    expect((await pairFrom('127.0.2.2', d.pairingCode)).status).toBe(200);
  });
});
