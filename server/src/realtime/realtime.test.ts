import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { systemClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

let t: TestServer;
const open: Socket[] = [];
const connect = (auth: Record<string, unknown>) =>
  new Promise<Socket>((res, rej) => {
    const s = io(t.url, { auth, transports: ['websocket'], reconnection: false });
    open.push(s);
    s.once('state:snapshot', () => res(s));
    s.once('connect_error', rej);
  });

beforeAll(async () => {
  t = await startTestServer({ clock: systemClock, listen: true });
});
afterAll(async () => {
  for (const s of open) s.close();
  await t.close();
});

describe('socket input', () => {
  it('ignores random events and payloads from any client; the server stays up', async () => {
    const display = await t.createDevice('display');
    const kiosk = await t.createDevice('kiosk');
    const printer = await t.createDevice('printer', { kioskId: kiosk.id });
    const sockets = [await connect({ token: display.token }), await connect({ token: printer.token })];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('print:result', 'print:agent-ready', 'ticket:called', 'state:snapshot', 'join', 'x'),
        fc.anything({ maxDepth: 3 }),
        async (name, payload) => {
          for (const s of sockets) s.emit(name, payload);
        },
      ),
      { numRuns: 200 },
    );
    await new Promise((r) => setTimeout(r, 200));
    expect((await t.call('GET', '/api/health')).status).toBe(200);
    expect(sockets.every((s) => s.connected)).toBe(true);
  });

  it('refuses odd handshakes with a message', async () => {
    for (const auth of [{ token: 42 }, { ticketId: { $ne: null } }, { ticketId: 'x'.repeat(5000) }, {}]) {
      await expect(connect(auth)).rejects.toThrow(/mã|số thứ tự/i);
    }
  });

  it('a tracking phone hears only its own ticket, including people-ahead changes', async () => {
    const kiosk = await t.createDevice('kiosk');
    const area = (await t.areas()).find((a) => a.code === 'XDGT');
    const first = (await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    const mine = (await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    const phone = await connect({ ticketId: mine.id });
    const got: [string, any][] = [];
    phone.onAny((n, p) => got.push([n, p]));
    const clerk = await t.createClerk('xd');
    const counter = (await t.counters()).find((c) => c.areaIds.includes(area.id));
    await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
    await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token); // calls `first`
    await new Promise((r) => setTimeout(r, 200));
    const update = got.find(([n]) => n === 'ticket:updated');
    expect(update?.[1].ticket).toMatchObject({ id: mine.id, waitingAhead: 0 });
    expect(JSON.stringify(got)).not.toContain(first.id);
    await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token);
    await new Promise((r) => setTimeout(r, 200));
    expect(got.find(([n]) => n === 'ticket:called')?.[1]).toMatchObject({
      ticket: { id: mine.id },
      counter: { number: counter.number },
    });
  });
});
