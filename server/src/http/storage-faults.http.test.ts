import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../core/clock.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Storage faults on every route, over real HTTP, with real SQLite errors on the server's own connection:
 * - disk full: SQLite's page limit (`max_page_count`) at the current size, so every write that needs a new
 *   page fails with SQLITE_FULL, exactly as on a full disk (writes that fit in place still succeed);
 * - read-only data: `PRAGMA query_only`, so every write fails with SQLITE_READONLY (root ignores chmod);
 * - busy: a second connection holds `BEGIN IMMEDIATE` past the busy timeout (SQLITE_BUSY).
 * A real full tmpfs is in storage-faults.disk.test.ts (where the machine allows mounting).
 * Every route answers 503 `server.storage_unavailable` or its normal non-5xx answer, health says 503 with
 * the reason, refused writes change nothing, the server keeps running, and once fixed it recovers by itself.
 */
interface Fixture {
  t: TestServer;
  kiosk: string;
  display: string;
  clerk: string;
  areaId: string;
  counterId: string;
  spareDevice: string;
  userId: string;
  deptId: string;
  acknowledged: string[];
}

interface Fault {
  name: string;
  reason: string;
  writesFail: boolean;
  inject(f: Fixture): () => void;
}

const FAULTS: Fault[] = [
  {
    name: 'disk full',
    reason: 'disk_full',
    writesFail: false,
    inject({ t }) {
      const db = t.server.db;
      const limit = db.pragma('max_page_count', { simple: true }) as number;
      db.exec('VACUUM'); // no free pages left to write into: the next page needed is one the disk does not have
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      return () => {
        db.pragma(`max_page_count = ${limit}`);
      };
    },
  },
  {
    name: 'read-only data',
    reason: 'read_only',
    writesFail: true,
    inject({ t }) {
      t.server.db.pragma('query_only = ON');
      return () => {
        t.server.db.pragma('query_only = OFF');
      };
    },
  },
  {
    name: 'database locked by another process',
    reason: 'busy',
    writesFail: true,
    inject({ t }) {
      const db = t.server.db;
      const timeout = db.pragma('busy_timeout', { simple: true }) as number;
      db.pragma('busy_timeout = 20'); // the real 5 s, shortened so the sweep does not take minutes
      const other = new Database(`${t.dataDir}/queue.sqlite`);
      other.exec('BEGIN IMMEDIATE');
      return () => {
        other.exec('ROLLBACK');
        other.close();
        db.pragma(`busy_timeout = ${timeout}`);
      };
    },
  },
];

const crashes: unknown[] = [];
const onCrash = (e: unknown) => {
  crashes.push(e);
};
beforeAll(() => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});
afterAll(() => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

async function fixture(): Promise<Fixture> {
  const t = await startTestServer({ listen: true });
  const kiosk = (await t.createDevice('kiosk')).token;
  const clerk = await t.createClerk('luu.tru');
  const spareDevice = (await t.createDevice('display')).id;
  const display = (await t.createDevice('display')).token;
  await t.call('GET', '/api/state', undefined, display); // its token is in use: later reads write only "last seen"

  const counter = (await t.counters()).find((c) => c.number === 1);
  const area = (await t.areas())[0];
  await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
  const acknowledged: string[] = [];
  for (let i = 0; i < 3; i++)
    acknowledged.push((await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk)).body.id);
  await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token); // the clerk serves the first one
  return {
    t,
    kiosk,
    display,
    clerk: clerk.token,
    areaId: area.id,
    counterId: counter.id,
    spareDevice,
    userId: clerk.id,
    deptId: area.departmentId,
    acknowledged,
  };
}

async function call(f: Fixture, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${f.t.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    /* an image or a page */
  }
  return { status: res.status, body: json };
}

/** Real writes, with bodies that succeed on a healthy disk. */
function writes(f: Fixture): [string, string, unknown, string | undefined][] {
  return [
    ['POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }, undefined],
    ['POST', '/api/tickets', { areaId: f.areaId }, f.kiosk],
    ['POST', `/api/counters/${f.counterId}/call-next`, undefined, f.clerk],
    ['POST', `/api/counters/${f.counterId}/pause`, undefined, f.clerk],
    ['POST', `/api/tickets/${f.acknowledged[0]}/annotate`, { note: 'Ghi chú khi ổ đĩa lỗi' }, f.clerk],
    [
      'POST',
      '/api/users',
      { username: 'moi.luu.tru', password: 'password-123', displayName: 'Cán bộ mới', role: 'clerk' },
      f.t.adminToken,
    ],
    ['POST', '/api/devices', { kind: 'display', name: 'Màn hình mới' }, f.t.adminToken],
    ['POST', '/api/departments', { code: 'SMOI', name: 'Sở mới' }, f.t.adminToken],
    ['PATCH', '/api/settings', { notice: 'Thông báo khi ổ đĩa lỗi' }, f.t.adminToken],
    ['POST', `/api/areas/${f.areaId}/close`, undefined, f.t.adminToken],
  ];
}

/** Every route the app has (whatever was added since), with real ids, as admin, with an empty body. */
function everyRoute(f: Fixture): [string, string][] {
  const ids: Record<string, string> = {
    tickets: f.acknowledged[1]!,
    counters: f.counterId,
    areas: f.areaId,
    users: f.userId,
    devices: f.spareDevice,
    departments: f.deptId,
    ticket: f.acknowledged[1]!,
    t: f.acknowledged[1]!,
  };
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const r of f.t.server.app.routes) {
    // Logout would end the admin's session the sweep uses; health has its own answer, checked above.
    if (r.method === 'ALL' || r.path === '/api/auth/logout' || r.path === '/api/health') continue;
    const path = r.path
      .replace(/\/([\w-]+)\/:\w+/g, (_, seg: string) => `/${seg}/${ids[seg] ?? 'x'}`)
      .replace(/\*/g, 'x');
    if (!seen.has(`${r.method} ${path}`)) {
      seen.add(`${r.method} ${path}`);
      out.push([r.method, path]);
    }
  }
  return out;
}

/** What a refused request must leave as it was. */
function fingerprint(f: Fixture): string {
  const db = f.t.server.db;
  const tables = [
    'tickets',
    'ticket_events',
    'counters',
    'users',
    'devices',
    'departments',
    'areas',
    'sessions',
    'ratings',
    'audit_log',
  ];
  return JSON.stringify([
    ...tables.map((x) => db.prepare(`SELECT * FROM ${x} ORDER BY rowid`).all()),
    db.prepare("SELECT * FROM settings WHERE key <> 'health.probe' ORDER BY key").all(),
  ]);
}

function expectStorageAnswer(label: string, r: { status: number; body: any }) {
  expect(r.status, `${label}: ${JSON.stringify(r.body).slice(0, 300)}`).not.toBe(500);
  if (r.status >= 500) {
    expect(r.status, label).toBe(503);
    expect(r.body.error.code, label).toBe('server.storage_unavailable');
    expect(r.body.error.message, label).toMatch(/không ghi được dữ liệu/);
  }
}

describe.each(FAULTS)('storage fault: $name', (fault) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture();
  });
  afterAll(async () => {
    await f.t.close();
  });

  it('every route answers 503 or its normal answer, health says why, and nothing refused changed anything', async () => {
    const heal = fault.inject(f);
    try {
      const health = await call(f, 'GET', '/api/health');
      expect(health).toEqual({ status: 503, body: { ok: false, reason: fault.reason, message: expect.any(String) } });
      const before = fingerprint(f);
      for (const [method, path, body, token] of writes(f)) {
        const r = await call(f, method, path, body, token);
        expectStorageAnswer(`${method} ${path}`, r);
        if (fault.writesFail) expect(r.status, `${method} ${path} wrote under ${fault.name}`).toBe(503);
        if (r.status === 201 && path === '/api/tickets') f.acknowledged.push(r.body.id);
      }
      if (fault.writesFail) expect(fingerprint(f)).toBe(before);
      for (const [method, path] of everyRoute(f)) {
        expectStorageAnswer(
          `${method} ${path}`,
          await call(f, method, path, method === 'GET' ? undefined : {}, f.t.adminToken),
        );
      }
      // Reads that need no write still work: a phone tracking its ticket, the hall display's state.
      expect((await call(f, 'GET', `/api/tickets/${f.acknowledged[0]}`)).status).toBe(200);
      expect((await call(f, 'GET', '/api/config/public')).status).toBe(200);
      // A device's "last seen" write is due again after a minute; failing it must not fail the device's read.
      (f.t.clock as ManualClock).advance(61_000);
      expect((await call(f, 'GET', '/api/state', undefined, f.display)).status).toBe(200);
      expect((await call(f, 'GET', '/api/health')).status).toBe(503);
    } finally {
      heal();
    }
  });

  it('recovers by itself once fixed: health 200, issuing and calling work, nothing acknowledged is lost', async () => {
    (f.t.clock as ManualClock).advance(2000); // past the health cache
    expect(await call(f, 'GET', '/api/health')).toEqual({ status: 200, body: { ok: true } });
    await call(f, 'POST', `/api/areas/${f.areaId}/open`, undefined, f.t.adminToken);
    const issued = await call(f, 'POST', '/api/tickets', { areaId: f.areaId }, f.kiosk);
    expect(issued.status).toBe(201);
    f.acknowledged.push(issued.body.id);
    // Whatever the sweep managed to change where the disk still had room (disk full), the clerk takes the counter again.
    await call(f, 'POST', `/api/counters/${f.counterId}/open`, undefined, f.clerk);
    await call(f, 'POST', `/api/counters/${f.counterId}/resume`, undefined, f.clerk);
    const called = await call(f, 'POST', `/api/counters/${f.counterId}/call-next`, undefined, f.clerk);
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    for (const id of f.acknowledged) expect((await call(f, 'GET', `/api/tickets/${id}`)).status, id).toBe(200);
    expect(crashes).toEqual([]);
  });

  it('background jobs (day close, nightly backup) log and carry on under the fault', async () => {
    const clock = f.t.clock as ManualClock;
    const heal = fault.inject(f);
    try {
      clock.advance(24 * 3600_000 + 14 * 3600_000); // the next day, 22:00: day close and the nightly backup are due
      expect(() => f.t.server.tick()).not.toThrow();
      await new Promise((r) => setTimeout(r, 50)); // the backup runs asynchronously
      expect((await call(f, 'GET', '/api/config/public')).status).toBe(200);
    } finally {
      heal();
    }
    f.t.server.tick(); // once fixed, the day closes
    const waiting = f.t.server.db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting'").get() as {
      n: number;
    };
    expect(waiting.n).toBe(0);
    expect(crashes).toEqual([]);
  });
});
