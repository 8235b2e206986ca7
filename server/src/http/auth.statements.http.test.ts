import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Issue 15: an authenticated request costs one SQL statement to resolve its token (a session of an active user, or
 * a device not revoked), and a kiosk's ticket does not look the kiosk up again to learn its printer. Counted, not
 * timed: every execution of a prepared statement goes through the one Statement prototype of better-sqlite3.
 */
const statementProto = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Record<
  string,
  (...a: unknown[]) => unknown
>;

async function statementsDuring<T>(fn: () => Promise<T>): Promise<{ value: T; sql: string[] }> {
  const sql: string[] = [];
  const real: [string, (...a: unknown[]) => unknown][] = [];
  for (const m of ['run', 'get', 'all', 'iterate']) {
    const orig = statementProto[m]!;
    real.push([m, orig]);
    statementProto[m] = function (this: { source: string }, ...a: unknown[]) {
      sql.push(this.source);
      return orig.apply(this, a);
    };
  }
  try {
    return { value: await fn(), sql };
  } finally {
    for (const [m, orig] of real) statementProto[m] = orig;
  }
}

/** The statements that read or write who holds a token: sessions, users, devices. */
const accountsSql = (sql: string[]) => sql.filter((s) => /\b(sessions|users|devices)\b/i.test(s));

let t: TestServer;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock(Date.parse('2026-11-26T08:00:00+07:00'));
  t = await startTestServer({ clock });
});
afterEach(async () => {
  await t.close();
});

const area = async () => (await t.areas()).find((a) => a.code === 'XDGT')!;

describe('statements per authenticated request (issue 15)', () => {
  it('a kiosk without a printer issues a ticket with one accounts statement (its token), no second device lookup', async () => {
    const kiosk = await t.createDevice('kiosk');
    const { id: areaId } = await area();
    // The first request marks the token used and "last seen" (once a minute): the steady state is the second.
    expect((await t.call('POST', '/api/tickets', { areaId }, kiosk.token)).status).toBe(201);
    const { value: r, sql } = await statementsDuring(() => t.call('POST', '/api/tickets', { areaId }, kiosk.token));
    expect(r.status).toBe(201);
    expect(r.body.print).toEqual({ status: 'none' });
    expect(accountsSql(sql)).toHaveLength(1);
  });

  it('a kiosk with a printer prints on it without reading the kiosk again', async () => {
    const kiosk = await t.createDevice('kiosk', { printer: 'browser' });
    const { id: areaId } = await area();
    expect((await t.call('POST', '/api/tickets', { areaId }, kiosk.token)).status).toBe(201);
    const { value: r, sql } = await statementsDuring(() => t.call('POST', '/api/tickets', { areaId }, kiosk.token));
    expect(r.status).toBe(201);
    expect(r.body.print.status).toBe('queued');
    const job = t.server.db.prepare('SELECT kiosk_id, printer FROM print_jobs WHERE ticket_id = ?').get(r.body.id);
    expect(job).toEqual({ kiosk_id: kiosk.id, printer: 'browser' });
    // The token, and the ticket's paper (print.payload.ts reads the issuing kiosk's settings): no lookup in printNew.
    expect(accountsSql(sql).filter((s) => /FROM devices WHERE id = \?/.test(s))).toHaveLength(1);
    expect(accountsSql(sql)).toHaveLength(2);
  });

  it('a clerk session costs one token statement too, and an unknown token one', async () => {
    const clerk = await t.createClerk('c1');
    const me = await statementsDuring(() => t.call('GET', '/api/auth/me', undefined, clerk.token));
    expect(me.value.status).toBe(200);
    expect(tokenSql(me.sql)).toHaveLength(1);
    const bad = await statementsDuring(() => t.call('GET', '/api/auth/me', undefined, 'not-a-token'));
    expect(bad.value.status).toBe(401);
    expect(tokenSql(bad.sql)).toHaveLength(1);
  });
});

/** The statements that resolve a token (not those of the route itself). */
const tokenSql = (sql: string[]) => sql.filter((s) => /token_hash\s*=/.test(s));

describe('every rule still holds on the very next request (issue 15)', () => {
  it('a revoked kiosk is refused on its next request', async () => {
    const kiosk = await t.createDevice('kiosk');
    const { id: areaId } = await area();
    expect((await t.call('POST', '/api/tickets', { areaId }, kiosk.token)).status).toBe(201);
    expect((await t.call('POST', `/api/devices/${kiosk.id}/revoke`, undefined, t.adminToken)).status).toBe(200);
    const r = await t.call('POST', '/api/tickets', { areaId }, kiosk.token);
    expect(r.status).toBe(401);
  });

  it('a user made inactive is refused at once, and a session once it has expired', async () => {
    const clerk = await t.createClerk('c2');
    const other = await t.createClerk('c3');
    expect((await t.call('GET', '/api/auth/me', undefined, other.token)).status).toBe(200);
    // Straight in the database, sessions kept: the token's statement itself must check the user.
    t.server.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(other.id);
    expect((await t.call('GET', '/api/auth/me', undefined, other.token)).status).toBe(401);
    clock.advance(24 * 3600_000 - 1);
    expect((await t.call('GET', '/api/auth/me', undefined, clerk.token)).status).toBe(200);
    clock.advance(1);
    expect((await t.call('GET', '/api/auth/me', undefined, clerk.token)).status).toBe(401);
  });

  it("a kiosk's printer set or removed by the admin counts from its next ticket", async () => {
    const kiosk = await t.createDevice('kiosk');
    const { id: areaId } = await area();
    expect((await t.call('POST', '/api/tickets', { areaId }, kiosk.token)).body.print).toEqual({ status: 'none' });
    const set = await t.call('PATCH', `/api/devices/${kiosk.id}`, { printer: 'browser' }, t.adminToken);
    expect(set.status).toBe(200);
    expect((await t.call('POST', '/api/tickets', { areaId }, kiosk.token)).body.print.status).toBe('queued');
    expect((await t.call('PATCH', `/api/devices/${kiosk.id}`, { printer: null }, t.adminToken)).status).toBe(200);
    expect((await t.call('POST', '/api/tickets', { areaId }, kiosk.token)).body.print).toEqual({ status: 'none' });
  });

  it('a session token is never a device and a device token never a user', async () => {
    const kiosk = await t.createDevice('kiosk');
    const clerk = await t.createClerk('c4');
    const meKiosk = await t.call('GET', '/api/auth/me', undefined, kiosk.token);
    expect(meKiosk.status).toBe(200);
    expect(meKiosk.body).toMatchObject({ kind: 'device', device: { id: kiosk.id, kind: 'kiosk' } });
    const meClerk = await t.call('GET', '/api/auth/me', undefined, clerk.token);
    expect(meClerk.body).toMatchObject({ kind: 'user', user: { id: clerk.id, role: 'clerk' } });
    // Staff-only and kiosk-only routes tell them apart.
    expect((await t.call('GET', '/api/tickets?number=1', undefined, kiosk.token)).status).toBe(403);
    const { id: areaId } = await area();
    expect((await t.call('POST', '/api/tickets', { areaId }, clerk.token)).body.print).toEqual({ status: 'none' });
  });
});
