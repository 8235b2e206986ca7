import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { systemClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';
import { framePacket } from './realtime.batch.ts';

/**
 * The events of one commit leave each socket as ONE buffer, joined once for every socket that hears the same
 * sequence (realtime.batch.ts, issue 15), and each audience still gets only its own forms: the hall displays the
 * public ones, staff the whole ones (with the clerk who holds the counter).
 */
let t: TestServer;
const open: Socket[] = [];

beforeAll(async () => {
  t = await startTestServer({ clock: systemClock, listen: true });
});
afterAll(async () => {
  for (const s of open) s.close();
  await t.close();
});

async function connect(token: string, transports = ['websocket']) {
  const s = io(t.url, { auth: { token }, transports, reconnection: false, forceNew: true });
  open.push(s);
  const heard: string[] = [];
  s.onAny((name: string) => heard.push(name));
  await new Promise<void>((r) => s.once('state:snapshot', () => r()));
  return { socket: s, heard };
}

/** Every call the server's TCP socket of this actor makes to hand bytes to the kernel: how many buffers, what text. */
function writesOf(actorId: string) {
  const writes: { chunks: number; text: string }[] = [];
  for (const ss of t.server.io.sockets.sockets.values()) {
    if ((ss.data as { actor?: { id?: string } }).actor?.id !== actorId) continue;
    const tcp = (ss as unknown as { conn: { transport: { socket: { _socket: Record<string, unknown> } } } }).conn
      .transport.socket._socket as {
      _write: (c: Buffer, e: string, cb: () => void) => void;
      _writev: (c: { chunk: Buffer }[], cb: () => void) => void;
    };
    const w = tcp._write.bind(tcp),
      wv = tcp._writev.bind(tcp);
    tcp._write = (c, e, cb) => {
      writes.push({ chunks: 1, text: String(c) });
      w(c, e, cb);
    };
    tcp._writev = (cs, cb) => {
      writes.push({ chunks: cs.length, text: cs.map((x) => String(x.chunk)).join('') });
      wv(cs, cb);
    };
  }
  return writes;
}

describe('one commit, one buffer per socket', () => {
  it('call-next reaches every display as one joined buffer, staff as theirs, each with its own forms', async () => {
    const displays = [await t.createDevice('display'), await t.createDevice('display')];
    const supervisor = await t.createClerk('giam-sat', 'supervisor');
    const clients = [...(await Promise.all(displays.map((d) => connect(d.token)))), await connect(supervisor.token)];
    const kiosk = await t.createDevice('kiosk');
    const counter = (await t.counters()).at(-1);
    const area = (await t.areas()).find((a) => a.id === counter.areaIds[0]);
    await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token);
    await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token);
    const clerk = await t.createClerk('ghep-khung');
    await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
    await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token);
    await new Promise((r) => setTimeout(r, 100));
    const wrote = [...displays.map((d) => writesOf(d.id)), writesOf(supervisor.id)];
    for (const c of clients) c.heard.length = 0;
    // Finishes the first citizen and calls the second: ticket, rating, counter, call, ticket and queue events.
    const answer = await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token);
    expect(answer.status).toBe(200);
    const atAnswer = wrote.map((w) => [...w]);
    for (const w of atAnswer) {
      expect(w).toHaveLength(1);
      expect(w[0]!.chunks).toBe(1);
    }
    // Both displays were handed the very same bytes; staff's differ (whole forms, with the clerk's name).
    expect(atAnswer[1]![0]!.text).toBe(atAnswer[0]![0]!.text);
    expect(atAnswer[0]![0]!.text).not.toContain('Cán bộ ghep-khung');
    expect(atAnswer[2]![0]!.text).toContain('Cán bộ ghep-khung');
    // What the clients decode: every event, in the commit's order.
    await new Promise((r) => setTimeout(r, 100));
    const order = ['ticket:updated', 'counter:updated', 'ticket:called', 'ticket:updated', 'queue:updated'];
    for (const c of clients) expect(c.heard).toEqual(order);
  });
});

describe('the frame built once', () => {
  it('is one websocket text message with the payload length in 7, 16 or 64 bits', () => {
    for (const n of [10, 300, 70_000]) {
      const text = `2["x","${'ế'.repeat(n)}"]`;
      const [head, body] = framePacket(text).options!.wsPreEncodedFrame!;
      expect(head![0]).toBe(0x81);
      const len =
        head![1]! < 126 ? head![1] : head![1] === 126 ? head!.readUInt16BE(2) : Number(head!.readBigUInt64BE(2));
      expect(len).toBe(body!.length);
      expect(body!.toString()).toBe(`4${text}`);
    }
  });

  it('a display on long-polling (no websocket) still hears every event of the commit, in order', async () => {
    const display = await t.createDevice('display');
    const polling = await connect(display.token, ['polling']);
    const socket = await connect(display.token);
    const kiosk = await t.createDevice('kiosk');
    const counter = (await t.counters()).at(-2);
    const area = (await t.areas()).find((a) => a.id === counter.areaIds[0]);
    await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token);
    const clerk = await t.createClerk('nhan-cham');
    await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
    // Long-polling hears late: the events before the call are in before the lists are cleared.
    await new Promise((r) => setTimeout(r, 300));
    polling.heard.length = 0;
    socket.heard.length = 0;
    await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token);
    await new Promise((r) => setTimeout(r, 300));
    expect(polling.heard).toEqual(['counter:updated', 'ticket:called', 'ticket:updated', 'queue:updated']);
    expect(socket.heard).toEqual(polling.heard);
  });
});
