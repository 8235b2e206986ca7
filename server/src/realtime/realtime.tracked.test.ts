import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * The phones that follow a waiting ticket are told its new people-ahead count when, and only when, it can have
 * changed (realtime.tracked.ts): a ticket issued at the end of the line rebuilds nobody's view, a call, a transfer
 * or a priority ticket ahead of them does. Real sockets; a phone's last word is checked against GET /api/tickets.
 */
let t: TestServer;
let lines: Awaited<ReturnType<typeof setup>>;
const open: Socket[] = [];

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  lines = await setup();
});
afterAll(async () => {
  for (const s of open) s.close();
  await t.close();
});

interface Phone {
  ticketId: string;
  socket: Socket;
  /** The people-ahead count the phone shows now (from its snapshot, then each ticket:updated). */
  ahead: () => number | undefined;
  /** The area name of the last ticket:updated. */
  areaName: () => string | undefined;
  updates: () => number;
}

async function phone(ticketId: string): Promise<Phone> {
  const s = io(t.url, { auth: { ticketId }, transports: ['websocket'], reconnection: false, forceNew: true });
  open.push(s);
  let ahead: number | undefined;
  let updates = 0;
  let areaName: string | undefined;
  s.on('ticket:updated', (p: { ticket: { id: string; waitingAhead: number; areaName: string } }) => {
    expect(p.ticket.id).toBe(ticketId);
    ahead = p.ticket.waitingAhead;
    areaName = p.ticket.areaName;
    updates++;
  });
  await new Promise<void>((r) =>
    s.once('state:snapshot', (snap: { ticket?: { waitingAhead: number } }) => {
      ahead = snap.ticket?.waitingAhead;
      r();
    }),
  );
  return { ticketId, socket: s, ahead: () => ahead, areaName: () => areaName, updates: () => updates };
}

/**
 * Everything written to the phones before this moment has arrived: the server answers an unknown event with an
 * error ack on the same connection, after the events it wrote before (events leave before the HTTP answer).
 */
const settled = (phones: Phone[]) => Promise.all(phones.map((p) => p.socket.timeout(2000).emitWithAck('barrier')));

async function setup() {
  const kiosk = await t.createDevice('kiosk');
  const counters = await t.counters();
  const areas = await t.areas();
  // Two areas, each with a counter serving it alone, so every call-next calls from one known line.
  const single = counters.filter((c) => c.areaIds.length === 1);
  const [ca, cb] = single.filter((c, i) => single.findIndex((d) => d.areaIds[0] === c.areaIds[0]) === i);
  const clerkA = await t.createClerk('clerk-a');
  const clerkB = await t.createClerk('clerk-b');
  await t.call('POST', `/api/counters/${ca.id}/open`, undefined, clerkA.token);
  await t.call('POST', `/api/counters/${cb.id}/open`, undefined, clerkB.token);
  const area = (c: { areaIds: string[] }) => areas.find((a) => a.id === c.areaIds[0]).id as string;
  const issue = async (areaId: string, priority = false) => {
    const r = await t.call('POST', '/api/tickets', { areaId, ...(priority ? { priority: true } : {}) }, kiosk.token);
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  return {
    a: { counter: ca, clerk: clerkA, area: area(ca) },
    b: { counter: cb, clerk: clerkB, area: area(cb) },
    issue,
  };
}

const truth = async (id: string) => (await t.call('GET', `/api/tickets/${id}`, undefined, t.adminToken)).body;

describe('phones that follow a waiting ticket', () => {
  it('a ticket issued at the end of the line rebuilds no phone view and sends no phone anything', async () => {
    const { a, issue } = lines;
    const ids = [await issue(a.area), await issue(a.area), await issue(a.area)];
    const phones = await Promise.all(ids.map(phone));
    const rebuilt = vi.spyOn(t.server.services.view, 'publicTicket');
    try {
      await issue(a.area);
      await issue(a.area);
      await settled(phones);
      const forPhones = rebuilt.mock.calls.filter(([x]) => ids.includes(x.id));
      expect(forPhones).toHaveLength(0);
      expect(phones.map((p) => p.updates())).toEqual([0, 0, 0]);
    } finally {
      rebuilt.mockRestore();
    }
  });

  it('a priority ticket issued ahead, a call and a call from the middle reach exactly the phones behind', async () => {
    const { a, issue } = lines;
    const ids = [await issue(a.area), await issue(a.area), await issue(a.area), await issue(a.area)];
    const phones = await Promise.all(ids.map(phone));
    // Earlier tests' tickets may wait ahead in the same line: counts are relative to the first phone's.
    const base = phones[0]!.ahead()!;
    const counts = (d: number) => [0, 1, 2, 3].map((i) => base + i + d);
    expect(phones.map((p) => p.ahead())).toEqual(counts(0));
    await issue(a.area, true);
    await settled(phones);
    expect(phones.map((p) => p.ahead())).toEqual(counts(1));
    // Calls the priority ticket: everybody moves up.
    await t.call('POST', `/api/counters/${a.counter.id}/call-next`, undefined, a.clerk.token);
    await settled(phones);
    expect(phones.map((p) => p.ahead())).toEqual(counts(0));
    // Calls the third ticket out of turn: only the fourth's count changes, the first two are not sent anything.
    const before = phones.map((p) => p.updates());
    const r = await t.call('POST', `/api/counters/${a.counter.id}/call`, { ticketId: ids[2] }, a.clerk.token);
    expect(r.status).toBe(200);
    await settled(phones);
    expect(phones[3]!.ahead()).toBe(base + 2);
    expect(phones.slice(0, 2).map((p) => p.updates())).toEqual(before.slice(0, 2));
  });

  it('a queue change that names no ticket (the area renamed) still reaches every phone of the area', async () => {
    const { b, issue } = lines;
    const phones = await Promise.all([await issue(b.area), await issue(b.area)].map(phone));
    const r = await t.call('PATCH', `/api/areas/${b.area}`, { name: 'Lĩnh vực đổi tên' }, t.adminToken);
    expect(r.status).toBe(200);
    await settled(phones);
    expect(phones.map((p) => p.areaName())).toEqual(['Lĩnh vực đổi tên', 'Lĩnh vực đổi tên']);
  });

  it('whatever happens in two lines, every phone shows the count GET /api/tickets gives', async () => {
    const { a, b, issue } = lines;
    const line = { a, b };
    // A few tickets followed in each line, some not followed around them.
    const followed: string[] = [];
    for (const k of ['a', 'b', 'a', 'b', 'a', 'b'] as const) {
      await issue(line[k].area);
      followed.push(await issue(line[k].area));
    }
    const phones = await Promise.all(followed.map(phone));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('issue' as const), line: fc.constantFrom('a', 'b'), priority: fc.boolean() }),
      fc.record({ kind: fc.constant('call-next' as const), line: fc.constantFrom('a', 'b') }),
      fc.record({ kind: fc.constant('call' as const), line: fc.constantFrom('a', 'b'), pick: fc.nat() }),
      fc.record({ kind: fc.constant('transfer' as const), line: fc.constantFrom('a', 'b') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) {
          const l = line[o.line as 'a' | 'b'];
          const path = `/api/counters/${l.counter.id}`;
          if (o.kind === 'issue') await issue(l.area, o.priority);
          else if (o.kind === 'call-next') await t.call('POST', `${path}/call-next`, undefined, l.clerk.token);
          else if (o.kind === 'call') {
            const q = (await t.call('GET', `${path}/queue`, undefined, l.clerk.token)).body.waiting as { id: string }[];
            if (q.length) await t.call('POST', `${path}/call`, { ticketId: q[o.pick % q.length]!.id }, l.clerk.token);
          } else {
            // The citizen at this counter goes to wait in the other line, keeping the place by issue time.
            const other = o.line === 'a' ? b.area : a.area;
            await t.call('POST', `${path}/transfer`, { areaId: other }, l.clerk.token);
          }
          await settled(phones);
          for (const p of phones) {
            const now = await truth(p.ticketId);
            if (now.status === 'waiting')
              expect(p.ahead(), `${o.kind} ${o.line}: ${now.number}`).toBe(now.waitingAhead);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
