import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../core/clock.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../testing/server.testing.ts';
import { socketClients } from './realtime.testing.ts';

/** A socket has no more right than the session or device token it came with (issue 11, defect 13). */
let t: TestServer;
const c = socketClients(() => t.url);

beforeAll(async () => {
  t = await startTestServer({ listen: true });
});
afterEach(() => c.closeAll(t.server));
afterAll(async () => {
  await t.close();
});

const clock = () => t.clock as ManualClock;

/** Logs in a fresh clerk and opens a socket with that session; resolves the socket and its token. */
async function clerkSocket(name: string, via: 'token' | 'cookie' = 'token') {
  const clerk = await t.createClerk(name);
  const s =
    via === 'token'
      ? await c.connect({ token: clerk.token })
      : await c.connect({}, { Cookie: `hcc_session=${clerk.token}`, Origin: t.url });
  return { ...clerk, ...s };
}

describe('sockets end with the right they came with', () => {
  it('logout closes the sockets of that session only (token and cookie alike)', async () => {
    const a = await clerkSocket('logout-a');
    const viaCookie = await c.connect({}, { Cookie: `hcc_session=${a.token}`, Origin: t.url });
    const other = await clerkSocket('logout-b');
    const aClosed = c.closedByServer(a.socket);
    const cookieClosed = c.closedByServer(viaCookie.socket);
    expect((await t.call('POST', '/api/auth/logout', undefined, a.token)).status).toBe(200);
    expect(await aClosed).toBe('io server disconnect');
    expect(await cookieClosed).toBe('io server disconnect');
    await c.roundTrip(other.socket);
    expect(other.socket.connected).toBe(true);
    expect((await c.refused({ token: a.token })).data?.code).toBe('auth.invalid_token');
  });

  it('a deactivated user loses every socket at once', async () => {
    const a = await clerkSocket('deact-a');
    const closed = c.closedByServer(a.socket);
    expect((await t.call('PATCH', `/api/users/${a.id}`, { active: false }, t.adminToken)).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
  });

  it('a deactivation that bypasses the route (straight in the database) is caught at the next tick', async () => {
    const a = await clerkSocket('deact-db');
    const closed = c.closedByServer(a.socket);
    t.server.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(a.id);
    t.server.tick();
    expect(await closed).toBe('io server disconnect');
  });

  it('a rating pad moved to another counter stops hearing the old counter at once', async () => {
    const [c1, c2] = await t.counters();
    const pad = await t.createDevice('rating', { counterId: c1.id });
    const first = await c.connect({ token: pad.token });
    const closed = c.closedByServer(first.socket);
    expect((await t.call('PATCH', `/api/devices/${pad.id}`, { counterId: c2.id }, t.adminToken)).status).toBe(200);
    expect(await closed).toBe('io server disconnect');

    // Reconnected, it hears its new counter and never the old one.
    const again = await c.connect({ token: pad.token });
    const kiosk = await t.createDevice('kiosk');
    const serveAt = async (counter: any, clerkName: string) => {
      const clerk = await t.createClerk(clerkName);
      const areaId = counter.areaIds[0];
      await t.call('POST', '/api/tickets', { areaId }, kiosk.token);
      await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
      const called = await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token);
      expect(called.status).toBe(200);
      expect((await t.call('POST', `/api/counters/${counter.id}/finish`, undefined, clerk.token)).status).toBe(200);
    };
    await serveAt(c1, 'move-c1');
    await serveAt(c2, 'move-c2');
    const heard = await new Promise<any>((r) => {
      const seen = again.events.find(([n]) => n === 'rating:requested');
      if (seen) r(seen[1]);
      else again.socket.once('rating:requested', r);
    });
    expect(heard.counterId).toBe(c2.id);
    await c.roundTrip(again.socket);
    expect(again.events.filter(([n]) => n === 'rating:requested').map(([, p]) => p.counterId)).toEqual([c2.id]);
  });

  it('a device update that keeps the counter keeps the socket', async () => {
    const [c1] = await t.counters();
    const pad = await t.createDevice('rating', { counterId: c1.id });
    const s = await c.connect({ token: pad.token });
    expect((await t.call('PATCH', `/api/devices/${pad.id}`, { name: 'Bàn đánh giá 1' }, t.adminToken)).status).toBe(
      200,
    );
    t.server.tick();
    await c.roundTrip(s.socket);
    expect(s.socket.connected).toBe(true);
  });

  it('an expired session loses its socket at the next tick', async () => {
    // Its own server: the clock jumps a day, which would expire the other tests' admin session too.
    const main = t;
    t = await startTestServer({ listen: true });
    try {
      const a = await clerkSocket('expiry-a');
      const kiosk = await t.createDevice('kiosk');
      const device = await c.connect({ token: kiosk.token });
      const closed = c.closedByServer(a.socket);
      clock().advance(24 * 3600_000 + 1000);
      const fresh = await t.login('admin', ADMIN_PASSWORD); // a session opened after the step is still good
      const admin = await c.connect({ token: fresh });
      t.server.tick();
      expect(await closed).toBe('io server disconnect');
      await c.roundTrip(device.socket);
      await c.roundTrip(admin.socket);
      expect(device.socket.connected && admin.socket.connected).toBe(true);
    } finally {
      await c.closeAll(t.server);
      await t.close();
      t = main;
    }
  });
});
