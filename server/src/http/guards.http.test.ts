import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/** Every guard of the contract: 401 / 403 / 404 / 409 / 413 / 422, and nothing changes when refused. */
let t: TestServer;
let kiosk: { id: string; token: string };
let clerk: { id: string; token: string };
let other: { id: string; token: string };
let c1: any;
let lltp: any;

const ticketCount = () => (t.server.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
const eventCount = () => (t.server.db.prepare('SELECT COUNT(*) AS n FROM ticket_events').get() as { n: number }).n;

beforeAll(async () => {
  t = await startTestServer();
  kiosk = await t.createDevice('kiosk');
  clerk = await t.createClerk('an');
  other = await t.createClerk('binh');
  c1 = (await t.counters()).find((c) => c.number === 1);
  lltp = (await t.areas()).find((a) => a.code === 'LLTP');
  await t.call('POST', `/api/counters/${c1.id}/open`, undefined, clerk.token);
});
afterAll(async () => {
  await t.close();
});

const ACTIONS = ['call-next', 'recall', 'no-show', 'finish', 'pause', 'resume', 'close', 'start'];

describe('counter actions', () => {
  it('need a person: 401 without token, 403 for a device', async () => {
    for (const a of ACTIONS) {
      expect((await t.call('POST', `/api/counters/${c1.id}/${a}`)).status).toBe(401);
      expect((await t.call('POST', `/api/counters/${c1.id}/${a}`, undefined, kiosk.token)).status).toBe(403);
    }
  });
  it('404 for an unknown counter, 409 for a counter held by someone else', async () => {
    const before = eventCount();
    for (const a of ACTIONS) {
      const r = await t.call('POST', `/api/counters/nope/${a}`, undefined, clerk.token);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('counter.not_found');
      const held = await t.call('POST', `/api/counters/${c1.id}/${a}`, undefined, other.token);
      expect(held.status).toBe(409);
      expect(held.body.error.code).toBe('counter.held');
      expect(held.body.error.message).toContain('Cán bộ an');
    }
    expect(eventCount()).toBe(before);
  });
  it('409 with no current ticket; 422 for bad transfer bodies', async () => {
    for (const a of ['recall', 'no-show', 'finish']) {
      expect((await t.call('POST', `/api/counters/${c1.id}/${a}`, undefined, clerk.token)).body.error.code).toBe(
        'counter.no_current_ticket',
      );
    }
    for (const body of [{}, { areaId: lltp.id, counterId: c1.id }, { areaId: 5 }, { foo: 1 }]) {
      expect((await t.call('POST', `/api/counters/${c1.id}/transfer`, body, clerk.token)).status).toBe(422);
    }
    expect((await t.call('POST', `/api/counters/${c1.id}/call`, { ticketId: 'nope' }, clerk.token)).status).toBe(404);
    expect((await t.call('POST', `/api/counters/${c1.id}/call`, {}, clerk.token)).status).toBe(422);
  });
  it('a clerk holds one counter; opening a held one says who holds it', async () => {
    const c2 = (await t.counters()).find((c) => c.number === 2);
    const r = await t.call('POST', `/api/counters/${c2.id}/open`, undefined, clerk.token);
    expect(r).toMatchObject({ status: 409, body: { error: { code: 'counter.clerk_has_other' } } });
    expect((await t.call('POST', `/api/counters/${c1.id}/open`, undefined, other.token)).body.error.code).toBe(
      'counter.held',
    );
  });
});

describe('tickets', () => {
  it('validate the body and change nothing when refused', async () => {
    const before = ticketCount();
    const bad = [
      [undefined, '{"areaId":', 400],
      [{}, undefined, 422],
      [{ areaId: 42 }, undefined, 422],
      [{ areaId: lltp.id, priority: 'yes' }, undefined, 422],
      [{ areaId: lltp.id, extra: 1 }, undefined, 422],
      [[1, 2], undefined, 422],
      [null, 'null', 422],
      [undefined, '"x"', 422],
      [{ areaId: "'; DROP TABLE tickets; --" }, undefined, 404],
      [{ areaId: '../../etc/passwd' }, undefined, 404],
    ] as const;
    for (const [body, raw, status] of bad) {
      const r = await t.call('POST', '/api/tickets', body, kiosk.token, raw);
      expect(r.status, JSON.stringify(body ?? raw)).toBe(status);
      expect(typeof r.body.error.message).toBe('string');
    }
    expect((await t.call('POST', '/api/tickets', { areaId: lltp.id })).status).toBe(401);
    const display = await t.createDevice('display');
    expect((await t.call('POST', '/api/tickets', { areaId: lltp.id }, display.token)).status).toBe(403);
    expect(ticketCount()).toBe(before);
  });

  it('refuse a closed area, a full day and an exhausted block with 409', async () => {
    const area = (await t.areas()).find((a) => a.code === 'HTCT');
    await t.call('POST', `/api/areas/${area.id}/close`, undefined, t.adminToken);
    expect((await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body.error.code).toBe(
      'area.closed',
    );
    const listed = (await t.areas()).find((a) => a.id === area.id);
    expect(listed).toMatchObject({ open: false, available: false, unavailableReason: 'closed' });
    await t.call('POST', `/api/areas/${area.id}/open`, undefined, t.adminToken);

    const dept = area.departmentId;
    const small = await t.call(
      'POST',
      '/api/areas',
      { code: 'TINY', departmentId: dept, name: 'Thử nghiệm', numberStart: 95001, numberEnd: 95002, dailyLimit: 5 },
      t.adminToken,
    );
    expect(small.status).toBe(201);
    // An area no counter serves issues nothing (area.no_counter): give the new areas a counter.
    expect(
      (await t.call('POST', '/api/counters', { number: 77, name: 'Quầy thử', areaIds: [small.body.id] }, t.adminToken))
        .status,
    ).toBe(201);
    expect((await t.call('POST', '/api/tickets', { areaId: small.body.id }, kiosk.token)).body.number).toBe('95001');
    expect((await t.call('POST', '/api/tickets', { areaId: small.body.id }, kiosk.token)).body.number).toBe('95002');
    const out = await t.call('POST', '/api/tickets', { areaId: small.body.id }, kiosk.token);
    expect(out).toMatchObject({ status: 409, body: { error: { code: 'area.numbers_exhausted' } } });

    const limited = await t.call(
      'POST',
      '/api/areas',
      { code: 'LIM', departmentId: dept, name: 'Giới hạn', numberStart: 95101, numberEnd: 95199, dailyLimit: 1 },
      t.adminToken,
    );
    const c77 = (await t.counters()).find((c) => c.number === 77);
    await t.call(
      'PUT',
      `/api/counters/${c77.id}`,
      { number: 77, name: 'Quầy thử', areaIds: [small.body.id, limited.body.id] },
      t.adminToken,
    );
    await t.call('POST', '/api/tickets', { areaId: limited.body.id }, kiosk.token);
    expect((await t.call('POST', '/api/tickets', { areaId: limited.body.id }, kiosk.token)).body.error.code).toBe(
      'area.daily_limit_reached',
    );
    const overlap = await t.call(
      'POST',
      '/api/areas',
      { code: 'OVR', departmentId: dept, name: 'Trùng', numberStart: 95150, numberEnd: 95160 },
      t.adminToken,
    );
    expect(overlap.body.error.code).toBe('area.block_overlap');
  });

  it('answer unknown ids with 404 and keep ids unguessable', async () => {
    expect((await t.call('GET', '/api/tickets/nope')).status).toBe(404);
    expect((await t.call('GET', `/api/tickets/${'x'.repeat(5000)}`)).status).toBe(404);
    const r = await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token);
    expect(Buffer.from(r.body.id, 'base64url').length * 8).toBeGreaterThanOrEqual(96);
  });
});

describe('accounts, devices, ratings, reports', () => {
  it('admin-only routes refuse clerks with 403', async () => {
    expect(
      (
        await t.call(
          'POST',
          '/api/users',
          { username: 'x', password: 'password-1', displayName: 'X', role: 'clerk' },
          clerk.token,
        )
      ).status,
    ).toBe(403);
    expect((await t.call('POST', '/api/devices', { kind: 'kiosk', name: 'K' }, clerk.token)).status).toBe(403);
    expect((await t.call('GET', '/api/reports/summary', undefined, clerk.token)).status).toBe(403);
    expect((await t.call('PATCH', '/api/settings', { notice: 'x' }, clerk.token)).status).toBe(403);
  });
  it('users: duplicate → 409, bad role → 422', async () => {
    expect(
      (
        await t.call(
          'POST',
          '/api/users',
          { username: 'AN', password: 'password-1', displayName: 'X', role: 'clerk' },
          t.adminToken,
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await t.call(
          'POST',
          '/api/users',
          { username: 'cuong', password: 'password-1', displayName: 'X', role: 'boss' },
          t.adminToken,
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await t.call(
          'POST',
          '/api/users',
          { username: 'cuong', password: 'short', displayName: 'X', role: 'clerk' },
          t.adminToken,
        )
      ).status,
    ).toBe(422);
  });
  it('devices: rating needs a counter, printer needs a kiosk, pairing works once', async () => {
    expect((await t.call('POST', '/api/devices', { kind: 'rating', name: 'R' }, t.adminToken)).status).toBe(422);
    expect((await t.call('POST', '/api/devices', { kind: 'printer', name: 'P' }, t.adminToken)).status).toBe(422);
    expect(
      (
        await t.call(
          'POST',
          '/api/devices',
          { kind: 'display', name: 'D', printer: 'tcp://1.2.3.4:9100' },
          t.adminToken,
        )
      ).status,
    ).toBe(422);
    const d = await t.call(
      'POST',
      '/api/devices',
      { kind: 'kiosk', name: 'Ki-ốt sảnh A', printer: 'tcp://10.0.0.5:9100' },
      t.adminToken,
    );
    expect(d.body).toMatchObject({ kind: 'kiosk', name: 'Ki-ốt sảnh A' });
    expect(d.body.pairingCode).toMatch(/^\d{6}$/);
    const paired = await t.call('POST', '/api/auth/pair', { code: d.body.pairingCode });
    expect((await t.call('GET', '/api/auth/me', undefined, paired.body.token)).body.device.id).toBe(d.body.id); // minted at pairing
    expect((await t.call('POST', '/api/auth/pair', { code: d.body.pairingCode })).status).toBe(404);
  });
  it('ratings: only rating devices, valid levels, known tickets', async () => {
    const pad = await t.createDevice('rating', { counterId: c1.id });
    expect((await t.call('POST', '/api/ratings', { ticketId: 'x', level: 'satisfied' }, kiosk.token)).status).toBe(403);
    expect((await t.call('POST', '/api/ratings', { ticketId: 'x', level: 'satisfied' }, pad.token)).status).toBe(404);
    const tk = (await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token)).body;
    expect((await t.call('POST', '/api/ratings', { ticketId: tk.id, level: 'great' }, pad.token)).status).toBe(422);
    expect((await t.call('POST', '/api/ratings', { ticketId: tk.id, level: 'satisfied' }, pad.token)).status).toBe(409); // not finished
  });
  it('reports: bad dates are 422', async () => {
    expect((await t.call('GET', '/api/reports/summary?from=2026-13-01', undefined, t.adminToken)).status).toBe(422);
    expect(
      (await t.call('GET', '/api/reports/summary?from=2026-11-27&to=2026-11-26', undefined, t.adminToken)).status,
    ).toBe(422);
    expect((await t.call('GET', '/api/reports/summary?groupBy=planet', undefined, t.adminToken)).status).toBe(422);
  });
  it('login: wrong password 401, then the failing client waits (429, Retry-After)', async () => {
    for (let i = 0; i < 3; i++)
      expect((await t.call('POST', '/api/auth/login', { username: 'binh', password: 'wrong-pass' })).status).toBe(401);
    const r = await t.call('POST', '/api/auth/login', { username: 'binh', password: 'password-123' });
    expect(r.status).toBe(429);
    expect(r.body.error.message).toMatch(/thử lại/);
    expect(r.headers.get('retry-after')).toBe(String(r.body.error.details.retryAfterSec));
  });
  it('unknown routes are JSON 404s, static paths cannot escape', async () => {
    expect((await t.call('GET', '/api/nothing')).body.error.code).toBe('request.not_found');
    expect((await t.call('GET', '/voice/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await t.call('GET', '/kiosk/..%2f..%2fpackage.json')).status).not.toBe(200);
  });
});

describe('admin listing', () => {
  it('?all=1 shows inactive entries to admins only, and areas carry their own hours', async () => {
    const dept = (await t.areas())[0].departmentId;
    const hours = [{ days: [1, 2, 3, 4, 5], from: '07:30', to: '11:00' }];
    const a = await t.call(
      'POST',
      '/api/areas',
      {
        code: 'OFF',
        departmentId: dept,
        name: 'Tạm ngưng',
        numberStart: 96001,
        numberEnd: 96999,
        hours,
        active: false,
      },
      t.adminToken,
    );
    expect(a.status).toBe(201);
    expect(a.body.hours).toEqual(hours);
    expect((await t.areas()).some((x) => x.code === 'OFF')).toBe(false);
    const everything = (await t.call('GET', '/api/areas?all=1', undefined, t.adminToken)).body;
    expect(everything.find((x: any) => x.code === 'OFF')).toMatchObject({ active: false, hours });
    expect(
      (await t.call('GET', '/api/areas?all=1', undefined, clerk.token)).body.some((x: any) => x.code === 'OFF'),
    ).toBe(false);
  });
});

describe('every admin action refuses clerks and devices', () => {
  const ADMIN_ONLY: [string, string, unknown?][] = [
    ['GET', '/api/users'],
    ['POST', '/api/users', { username: 'zz', password: 'password-1', displayName: 'Z', role: 'clerk' }],
    ['PATCH', '/api/users/x', { active: false }],
    ['GET', '/api/devices'],
    ['POST', '/api/devices', { kind: 'kiosk', name: 'K' }],
    ['PATCH', '/api/devices/x', { name: 'K' }],
    ['POST', '/api/devices/x/revoke'],
    ['DELETE', '/api/devices/x'],
    ['POST', '/api/departments', { code: 'Z', name: 'Z' }],
    ['PUT', '/api/departments/x', { code: 'Z', name: 'Z' }],
    ['POST', '/api/areas', { code: 'Z', departmentId: 'x', name: 'Z', numberStart: 1, numberEnd: 2 }],
    ['PUT', '/api/areas/x', { code: 'Z', departmentId: 'x', name: 'Z', numberStart: 1, numberEnd: 2 }],
    ['POST', '/api/counters', { number: 99, name: 'Z', areaIds: [] }],
    ['PUT', '/api/counters/x', { number: 99, name: 'Z', areaIds: [] }],
    ['GET', '/api/settings'],
    ['PATCH', '/api/settings', { notice: 'x' }],
    ['GET', '/api/audit'],
    ['GET', '/api/config/export'],
    ['POST', '/api/config/import', { departments: [] }],
    ['GET', '/api/backups'],
    ['POST', '/api/backups'],
  ];
  const LEADERS_ONLY: [string, string][] = [
    ['GET', '/api/reports/summary'],
    ['POST', '/api/areas/x/open'],
    ['POST', '/api/areas/x/close'],
    ['GET', '/api/printers'],
  ];
  it('403 for a clerk and for a display device, 401 without a token', async () => {
    const display = await t.createDevice('display');
    for (const [m, p, b] of ADMIN_ONLY) {
      expect((await t.call(m, p, b, clerk.token)).status, `${m} ${p} as clerk`).toBe(403);
      expect((await t.call(m, p, b, display.token)).status, `${m} ${p} as display`).toBe(403);
      expect((await t.call(m, p, b)).status, `${m} ${p} without token`).toBe(401);
    }
    for (const [m, p] of LEADERS_ONLY)
      expect((await t.call(m, p, undefined, clerk.token)).status, `${m} ${p} as clerk`).toBe(403);
    const supervisor = await t.createClerk('giamsat', 'supervisor');
    expect((await t.call('GET', '/api/reports/summary', undefined, supervisor.token)).status).toBe(200);
    expect((await t.call('GET', '/api/users', undefined, supervisor.token)).status).toBe(403);
  });
});

describe('device settings', () => {
  it('are listed for admins, so a display filter can be edited', async () => {
    const d = await t.call(
      'POST',
      '/api/devices',
      { kind: 'display', name: 'Sảnh B', settings: { counters: [1, 2], areas: [] } },
      t.adminToken,
    );
    const listed = (await t.call('GET', '/api/devices', undefined, t.adminToken)).body.find(
      (x: any) => x.id === d.body.id,
    );
    expect(listed.settings).toEqual({ counters: [1, 2], areas: [] });
  });
});
