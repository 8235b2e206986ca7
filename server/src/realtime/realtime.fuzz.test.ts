import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLIENT_EVENTS } from '../contract/events.ts';
import { systemClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';
import { socketClients } from './realtime.testing.ts';

/**
 * Socket robustness (issue 11): whatever a client sends — handshake cookies, headers, `auth` objects, events
 * and payloads, raw socket.io frames — the server never throws (the process guard fails the test on any
 * uncaught exception or unexpected error it logs), stays up, and a refused event changes nothing.
 */
let t: TestServer;
const c = socketClients(() => t.url);

beforeAll(async () => {
  t = await startTestServer({ clock: systemClock, listen: true });
});
afterEach(() => c.closeAll(t.server));
afterAll(async () => {
  await t.close();
});

const changes = () => (t.server.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const CLIENT_RESERVED = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

async function stillServing(): Promise<void> {
  expect((await t.call('GET', '/api/state', undefined, t.adminToken)).status).toBe(200);
  const s = await c.connect({ token: t.adminToken });
  s.socket.close();
}

const junkText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    '%%',
    '"',
    '";',
    '\\',
    '\u0000',
    '\uFFFF',
    '\uD800',
    'a'.repeat(3000),
    '=',
    ';',
    ',',
    ' ',
    '\t',
  ),
);

describe('socket robustness fuzz', () => {
  it('handshakes: odd cookies, headers and auth objects are answered (connect or connect_error), never thrown', async () => {
    const kiosk = await t.createDevice('kiosk');
    const ticket = (await t.call('POST', '/api/tickets', { areaId: (await t.areas())[0].id }, kiosk.token)).body;
    const cookie = fc.oneof(
      junkText.map((v) => `hcc_session=${v}`),
      fc.array(fc.tuple(junkText, junkText), { maxLength: 4 }).map((kv) => kv.map(([k, v]) => `${k}=${v}`).join('; ')),
      fc.constant(`hcc_session=${t.adminToken}`),
      fc.constant(`hcc_session=${t.adminToken}; hcc_session=%`),
    );
    // Header values must be valid for an HTTP request at all: the client library refuses the rest before sending.
    const headerValue = fc.string({ maxLength: 60 }).filter((v) => /^[\x20-\x7e]*$/.test(v));
    const headers = fc.record(
      {
        Cookie: cookie.filter((v) => /^[\x20-\x7e]*$/.test(v)),
        Origin: fc.oneof(headerValue, fc.constantFrom('null', t.url, 'http://evil.example', `${t.url}.evil.example`)),
        'Sec-Fetch-Site': fc.constantFrom('same-origin', 'cross-site', 'none', 'same-site', 'SAME-ORIGIN', ''),
        'X-Forwarded-For': headerValue,
      },
      { requiredKeys: [] },
    );
    const auth = fc.oneof(
      fc.anything({ maxDepth: 4, maxKeys: 5 }),
      fc.record({ token: fc.anything({ maxDepth: 2 }), ticketId: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
      fc.record(
        { token: junkText, ticketId: fc.constantFrom(ticket.id, `${ticket.id} `, ticket.id.toUpperCase()) },
        { requiredKeys: [] },
      ),
      fc.constant({ ticketId: ticket.id }),
      fc.constant({ token: kiosk.token }),
    );
    await fc.assert(
      fc.asyncProperty(auth, headers, async (a, h) => {
        const r = await c.attempt(a, h as Record<string, string>);
        if (r.ok) r.socket.close();
        else expect(typeof r.refusal.message).toBe('string');
      }),
      { numRuns: 150 },
    );
    await stillServing();
  });

  it('events: junk payloads for every client event, from every kind of client, change nothing and are answered', async () => {
    const kiosk = await t.createDevice('kiosk', { printer: 'agent' });
    const [counter] = await t.counters();
    const ticket = (await t.call('POST', '/api/tickets', { areaId: counter.areaIds[0] }, kiosk.token)).body;
    const tokens: Record<string, unknown> = {
      tracking: { ticketId: ticket.id },
      kiosk: { token: kiosk.token },
      display: { token: (await t.createDevice('display')).token },
      rating: { token: (await t.createDevice('rating', { counterId: counter.id })).token },
      printer: { token: (await t.createDevice('printer', { kioskId: kiosk.id })).token },
      admin: { token: t.adminToken },
      supervisor: { token: (await t.createClerk('fuzz-sup', 'supervisor')).token },
      clerk: { token: (await t.createClerk('fuzz-clerk')).token },
    };
    const clients = await Promise.all(
      Object.entries(tokens).map(async ([kind, auth]) => ({ kind, ...(await c.connect(auth)) })),
    );
    const name = fc
      .oneof(
        fc.constantFrom(...CLIENT_EVENTS),
        fc.constantFrom(...CLIENT_EVENTS),
        fc.constantFrom(
          'error',
          'print:job',
          'state:snapshot',
          'ticket:called',
          '__proto__',
          'constructor',
          'hasOwnProperty',
          'toString',
        ),
        fc.string({ maxLength: 30 }),
      )
      .filter((n) => !CLIENT_RESERVED.has(n));
    const payload = fc.oneof(
      fc.anything({ maxDepth: 4, maxKeys: 6, withNullPrototype: true }),
      fc.record(
        {
          jobId: fc.oneof(fc.string({ maxLength: 120 }), fc.anything({ maxDepth: 2 })),
          status: fc.oneof(fc.constantFrom('printed', 'failed'), fc.anything({ maxDepth: 1 })),
          code: fc.anything({ maxDepth: 1 }),
          message: fc.anything({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      ),
      fc.record({ printer: fc.anything({ maxDepth: 3 }) }, { requiredKeys: [] }),
    );
    const before = changes();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(clients.length - 1),
        name,
        fc.array(payload, { maxLength: 3 }),
        fc.boolean(),
        async (i, ev, args, withAck) => {
          const client = clients[i]!;
          if (withAck) {
            const answer = await client.socket.timeout(5000).emitWithAck(ev as never, ...(args as never[]));
            expect(answer, `${client.kind} ${ev}`).toMatchObject({ ok: expect.any(Boolean) });
          } else {
            client.socket.emit(ev as never, ...(args as never[]));
          }
        },
      ),
      { numRuns: 400 },
    );
    for (const cl of clients) {
      await c.roundTrip(cl.socket);
      expect(cl.socket.connected, cl.kind).toBe(true);
    }
    expect(changes()).toBe(before);
    await stillServing();
  });

  it('raw frames: malformed socket.io packets close that connection only', async () => {
    const frame = fc.oneof(
      fc.string({ maxLength: 80 }).map((s) => `4${s}`),
      fc
        .tuple(
          fc.constantFrom('40', '41', '42', '43', '44', '45', '46', '451-', '42/x,', '4212'),
          fc.string({ maxLength: 60 }),
        )
        .map(([p, s]) => p + s),
      fc.json({ maxDepth: 4 }).map((j) => `42${j}`),
      fc.constantFrom(
        '42["error"]',
        '42["error",{"x":1}]',
        '42[1,2,3]',
        '42[null]',
        '42[{}]',
        '42["print:result"',
        '451-["print:result",{"_placeholder":true,"num":7}]',
        '42["__proto__",{}]',
        '42["hasOwnProperty"]',
        '40{"token":{"toString":1}}',
        '40[]',
        '40null',
        '40"x"',
        '40{"ticketId":"%"}',
        '2',
        '3',
        '6',
        '1',
        '5',
      ),
    );
    const url = `${t.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    await fc.assert(
      fc.asyncProperty(
        fc.array(frame, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (frames, handshakeFirst) => {
          const ws = new WebSocket(url);
          const messages: string[] = [];
          ws.on('message', (m) => messages.push(String(m)));
          await new Promise<void>((res, rej) => {
            ws.once('open', () => res());
            ws.once('error', rej);
          });
          if (handshakeFirst) ws.send(`40${JSON.stringify({ token: t.adminToken })}`);
          for (const f of frames) ws.send(f);
          // Barrier: a proper handshake and an event asking for an ack. The server answers it (43…) on a connection
          // it still holds, or has closed the connection: either way it has handled every frame before.
          ws.send(`40${JSON.stringify({ token: t.adminToken })}`);
          ws.send('421["fuzz:probe"]');
          await new Promise<void>((res, rej) => {
            const done = () => {
              clearTimeout(timer);
              res();
            };
            const timer = setTimeout(
              () =>
                rej(new Error(`no answer and no close after ${JSON.stringify(frames)}: ${JSON.stringify(messages)}`)),
              5000,
            );
            if (ws.readyState === WebSocket.CLOSED) return done();
            ws.once('close', done);
            ws.on('message', (m) => {
              if (String(m).startsWith('43')) done();
            });
          });
          ws.terminate();
        },
      ),
      { numRuns: 120 },
    );
    await stillServing();
  });
});
