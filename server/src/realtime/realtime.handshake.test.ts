import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';
import { socketClients } from './realtime.testing.ts';

let t: TestServer;
const c = socketClients(() => t.url);

beforeAll(async () => {
  t = await startTestServer({ clock: systemClock, listen: true });
});
afterEach(() => c.closeAll(t.server));
afterAll(async () => {
  await t.close();
});

const healthy = async () => expect((await t.call('GET', '/api/health')).status).toBe(200);
const origin = () => t.url; // the test server answers on http://127.0.0.1:<port>, which is also the Host header

describe('handshake: every field is checked, nothing throws', () => {
  it('a malformed session cookie is refused with connect_error and the server stays up', async () => {
    const cookies = [
      'hcc_session=%',
      'hcc_session=%E0%A4%A',
      'hcc_session=%ZZ; other=1',
      `hcc_session=${'%'.repeat(4000)}`,
      'hcc_session=',
      'hcc_session',
      '=; ;;=;',
      `hcc_session=${'a'.repeat(7000)}`,
      'hcc_session=a; hcc_session=%',
      'hcc_session="%"',
    ];
    for (const cookie of cookies) {
      const r = await c.refused({}, { Cookie: cookie, Origin: origin() });
      expect(r.message, cookie).toMatch(/mã|đăng nhập/i);
      expect(r.data?.code, cookie).toMatch(/^auth\./);
    }
    await healthy();
    await c.connect({ token: t.adminToken });
  });

  it('odd auth objects are refused with a message, never thrown', async () => {
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 2000; i++) {
      cur.token = {};
      cur = cur.token as Record<string, unknown>;
    }
    const odd: unknown[] = [
      {},
      { token: 42 },
      { token: null },
      { token: [] },
      { token: ['a'] },
      { token: { $ne: null } },
      { token: true },
      { token: '' },
      { token: 'x'.repeat(60_000) },
      { token: 'x'.repeat(201) },
      { ticketId: { $ne: null } },
      { ticketId: 'x'.repeat(5000) },
      { ticketId: 7 },
      { ticketId: '' },
      { ticketId: ['a'] },
      { token: null, ticketId: null },
      deep,
      { constructor: { prototype: 1 } },
      { toString: 'x', valueOf: 1, token: { toString: 'y' } },
      { __proto__: { token: 'x' } },
      JSON.parse('{"__proto__": {"token": "x"}}'),
      { token: t.adminToken.slice(0, -1) },
      { token: `${t.adminToken}\u0000` },
      { ticketId: '\u0000' },
    ];
    for (const auth of odd) {
      const r = await c.refused(auth);
      expect(r.message).toMatch(/mã|số thứ tự|đăng nhập|không hợp lệ/i);
    }
    await healthy();
  });

  it('a non-object auth (null, array, number, string) is refused by socket.io and nothing throws', async () => {
    for (const auth of [null, [], [{ token: t.adminToken }], 42, 'token', true]) {
      const r = await c.attempt(auth);
      expect(r.ok).toBe(false);
    }
    await healthy();
  });
});

describe('handshake: the session cookie works only from the same origin', () => {
  it('accepts the cookie from the same origin (Origin, or Sec-Fetch-Site without Origin)', async () => {
    await c.connect({}, { Cookie: `hcc_session=${t.adminToken}`, Origin: origin() });
    await c.connect({}, { Cookie: `x=1; hcc_session=${encodeURIComponent(t.adminToken)}`, Origin: origin() });
    await c.connect({}, { Cookie: `hcc_session=${t.adminToken}`, 'Sec-Fetch-Site': 'same-origin' });
  });

  it('refuses the cookie from another origin, a null origin, or with no origin at all', async () => {
    const cookie = `hcc_session=${t.adminToken}`;
    const variants: Record<string, string>[] = [
      { Cookie: cookie, Origin: 'http://evil.example' },
      { Cookie: cookie, Origin: `http://127.0.0.1:${t.server.port + 1}` },
      { Cookie: cookie, Origin: `https://127.0.0.1:${t.server.port}.evil.example` },
      { Cookie: cookie, Origin: 'null' },
      { Cookie: cookie, Origin: '%%%' },
      { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' },
      { Cookie: cookie, Origin: 'http://evil.example', 'Sec-Fetch-Site': 'same-origin' },
      { Cookie: cookie },
    ];
    for (const headers of variants) {
      const r = await c.refused({}, headers);
      expect(r.data?.code, JSON.stringify(headers)).toBe('auth.cross_site');
      expect(r.message).toMatch(/không đến từ trang của hệ thống/);
    }
  });

  it('a bearer token in auth.token is unaffected by Origin', async () => {
    await c.connect({ token: t.adminToken }, { Origin: 'http://evil.example' });
    await c.connect({ token: t.adminToken }, { Origin: 'http://evil.example', Cookie: 'hcc_session=%' });
  });
});

describe('handshake: anonymous sockets are limited', () => {
  it('at most 5 tracking sockets per ticket id; the 6th is refused, and a closed one frees its place', async () => {
    const kiosk = await t.createDevice('kiosk');
    const area = (await t.areas())[0];
    const ticket = (await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    const phones = [];
    for (let i = 0; i < 5; i++) phones.push(await c.connect({ ticketId: ticket.id }));
    const r = await c.refused({ ticketId: ticket.id });
    expect(r.data?.code).toBe('socket.too_many_trackers');
    expect(r.message).toMatch(/quá nhiều/);
    const gone = c.closedByServer(phones[0]!.socket);
    phones[0]!.socket.close();
    await gone;
    await c.roundTrip(phones[1]!.socket); // the server has seen the close by now
    await c.connect({ ticketId: ticket.id });
  });

  it('at most 20 anonymous sockets per address; staff and devices do not count', async () => {
    const kiosk = await t.createDevice('kiosk');
    const areas = await t.areas();
    const ids: string[] = [];
    for (let i = 0; i < 21; i++)
      ids.push((await t.call('POST', '/api/tickets', { areaId: areas[i % areas.length].id }, kiosk.token)).body.id);
    for (let i = 0; i < 20; i++) await c.connect({ ticketId: ids[i] });
    const r = await c.refused({ ticketId: ids[20] });
    expect(r.data?.code).toBe('socket.too_many_connections');
    await c.connect({ token: t.adminToken });
    await c.connect({ token: kiosk.token });
  });
});
