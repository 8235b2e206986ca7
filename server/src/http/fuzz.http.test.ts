import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Hostile input: random and malformed bodies, headers, ids and tokens at every route. Only 4xx or 2xx,
 * never a 5xx; a rejected call (4xx) changes nothing in the database (SQLite's total_changes()).
 */
let t: TestServer;
let tokens: Record<string, string>;
let ids: {
  counter: string;
  area: string;
  ticket: string;
  device: string;
  user: string;
  dept: string;
  procedure: string;
};

const ROUTES: [string, string][] = [
  ['GET', '/api/health'],
  ['GET', '/api/config/public'],
  ['GET', '/api/areas'],
  ['GET', '/api/counters'],
  ['GET', '/api/state'],
  ['GET', '/api/departments'],
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/pair'],
  ['GET', '/api/auth/me'],
  ['GET', '/api/auth/me/tally'],
  ['POST', '/api/tickets'],
  ['GET', '/api/tickets/:ticket'],
  ['GET', '/api/tickets'],
  ['POST', '/api/tickets/:ticket/annotate'],
  ['POST', '/api/tickets/:ticket/reprint'],
  ...['open', 'call-next', 'call', 'recall', 'start', 'no-show', 'finish', 'transfer', 'pause', 'resume', 'close'].map(
    (a) => ['POST', `/api/counters/:counter/${a}`] as [string, string],
  ),
  ['GET', '/api/counters/:counter/queue'],
  ['POST', '/api/ratings'],
  ['GET', '/api/reports/summary'],
  ['GET', '/api/users'],
  ['POST', '/api/users'],
  ['PATCH', '/api/users/:user'],
  ['GET', '/api/devices'],
  ['POST', '/api/devices'],
  ['PATCH', '/api/devices/:device'],
  ['POST', '/api/departments'],
  ['PUT', '/api/departments/:dept'],
  ['POST', '/api/areas'],
  ['PUT', '/api/areas/:area'],
  ['POST', '/api/areas/:area/close'],
  ['POST', '/api/counters'],
  ['PUT', '/api/counters/:counter'],
  ['GET', '/api/settings'],
  ['PATCH', '/api/settings'],
  ['GET', '/api/audit'],
  ['GET', '/api/config/export'],
  ['POST', '/api/config/import'],
  ['GET', '/api/backups'],
  ['GET', '/api/procedures'],
  ['GET', '/api/procedures/:procedure'],
  ['POST', '/api/procedures'],
  ['PUT', '/api/procedures/:procedure'],
  ['DELETE', '/api/procedures/:procedure'],
  ['POST', '/api/procedures/import'],
];

const hostileId = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE tickets; --',
    '../../../etc/passwd',
    '..%2F..%2Fpackage.json',
    '%00',
    'null',
    'undefined',
    '0',
    '-1',
    '1e309',
    '🙂',
    'x'.repeat(300),
  ),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json(),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"a":', '[]', 'null', '"x"', '{"__proto__":{"admin":true}}', '\u0000'),
  fc.anything({ maxDepth: 3 }).map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return 'null';
    }
  }),
  fc
    .record(
      {
        areaId: hostileId,
        ticketId: hostileId,
        level: hostileId,
        username: hostileId,
        password: hostileId,
        code: hostileId,
        counterId: hostileId,
        kind: hostileId,
        name: hostileId,
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
);

const changes = () => (t.server.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

beforeAll(async () => {
  t = await startTestServer();
  const kiosk = await t.createDevice('kiosk');
  const clerk = await t.createClerk('fuzz');
  const counter = (await t.counters()).find((c) => c.number === 5);
  const rating = await t.createDevice('rating', { counterId: counter.id });
  const display = await t.createDevice('display');
  const area = (await t.areas())[0];
  await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
  const ticket = (await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
  tokens = {
    admin: t.adminToken,
    clerk: clerk.token,
    kiosk: kiosk.token,
    rating: rating.token,
    display: display.token,
  };
  for (const tok of Object.values(tokens)) await t.call('GET', '/api/auth/me', undefined, tok); // warm "last seen" writes
  ids = {
    counter: counter.id,
    area: area.id,
    ticket: ticket.id,
    device: display.id,
    user: clerk.id,
    dept: area.departmentId,
    procedure: (await t.call('GET', '/api/procedures?limit=1')).body[0].id,
  };
});
afterAll(async () => {
  await t.close();
});

describe('hostile input at every route', () => {
  it('never answers 5xx, and refused calls change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.constantFrom('admin', 'clerk', 'kiosk', 'rating', 'display', 'none', 'garbage'),
        fc.option(hostileId),
        body,
        fc.option(fc.constantFrom('text/plain', 'application/json; charset=latin1', 'multipart/form-data', '')),
        fc.option(fc.string({ maxLength: 30 })),
        async ([method, path], who, badId, raw, contentType, query) => {
          const url =
            path.replace(/:(\w+)/g, (_, k: keyof typeof ids) => encodeURIComponent(badId ?? ids[k])) +
            (query ? `?${encodeURIComponent(query)}=${encodeURIComponent(query)}` : '');
          const headers: Record<string, string> = {};
          if (who === 'garbage') headers.authorization = 'Bearer ' + 'x'.repeat(50);
          else if (who !== 'none') headers.authorization = `Bearer ${tokens[who]}`;
          if (raw !== undefined) headers['content-type'] = contentType ?? 'application/json';
          const before = changes();
          const res = await t.server.app.request(url, { method, headers, body: method === 'GET' ? undefined : raw });
          expect(res.status, `${method} ${url} as ${who}: ${raw}`).toBeLessThan(500);
          if (res.status >= 400) {
            const json = (await res.json()) as { error: { code: string; message: string } };
            expect(typeof json.error.code).toBe('string');
            expect(json.error.message.length).toBeGreaterThan(0);
            expect(changes(), `${method} ${url} as ${who} changed the database`).toBe(before);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('stores injection-looking text verbatim', async () => {
    const name = "Robert'); DROP TABLE tickets;-- <script>alert(1)</script>";
    const r = await t.call(
      'POST',
      '/api/users',
      { username: 'bobby.tables', password: 'password-123', displayName: name, role: 'clerk' },
      t.adminToken,
    );
    expect(r.status).toBe(201);
    expect(r.body.displayName).toBe(name);
    expect(
      (await t.call('GET', '/api/users', undefined, t.adminToken)).body.find((u: any) => u.username === 'bobby.tables')
        .displayName,
    ).toBe(name);
  });
});
