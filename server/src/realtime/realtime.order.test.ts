import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { systemClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * The hall hears a call before the clerk's console is answered: a server killed (kill -9, power cut) just after
 * the answer must not leave a citizen called at the counter but never announced in the hall. Bytes handed to
 * the kernel before the process dies still reach the display; an event queued for after the answer did not
 * (seen in test/crash.test.ts under load: "displays saw 339 calls, clerks were answered for 342").
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

describe('event order against the HTTP answer', () => {
  it('ticket:called is written to the display sockets before call-next answers', async () => {
    const display = await t.createDevice('display');
    const s = io(t.url, { auth: { token: display.token }, transports: ['websocket'], reconnection: false });
    open.push(s);
    await new Promise<void>((r) => s.once('state:snapshot', () => r()));
    // What the server handed to the kernel for each connection, in order (the TCP socket's _write/_writev): the
    // bytes that still reach the display if the process dies right after the answer.
    const written: string[] = [];
    for (const ss of t.server.io.sockets.sockets.values()) {
      const tcp = (ss as unknown as { conn: { transport: { socket: { _socket: Record<string, unknown> } } } }).conn
        .transport.socket._socket as {
        _write: (c: Buffer, e: string, cb: () => void) => void;
        _writev: (c: { chunk: Buffer }[], cb: () => void) => void;
      };
      const w = tcp._write.bind(tcp),
        wv = tcp._writev.bind(tcp);
      tcp._write = (c, e, cb) => {
        written.push(String(c));
        w(c, e, cb);
      };
      tcp._writev = (cs, cb) => {
        written.push(cs.map((x) => String(x.chunk)).join(''));
        wv(cs, cb);
      };
    }
    const kiosk = await t.createDevice('kiosk');
    const area = (await t.areas()).find((a) => a.code === 'XDGT');
    await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token);
    const clerk = await t.createClerk('thu-tu');
    const counter = (await t.counters()).find((c) => c.areaIds.includes(area.id));
    await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
    written.length = 0;
    const answer = await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token);
    // Checked the moment the answer is in hand, before any timer or I/O turn could write a deferred event.
    const atAnswer = [...written];
    expect(answer.status).toBe(200);
    expect(atAnswer.some((p) => p.includes('ticket:called'))).toBe(true);
  });

  it('all events of one call-next reach a display in one write to the kernel, before the answer', async () => {
    const display = await t.createDevice('display');
    const s = io(t.url, { auth: { token: display.token }, transports: ['websocket'], reconnection: false });
    open.push(s);
    await new Promise<void>((r) => s.once('state:snapshot', () => r()));
    // What each display's TCP socket hands to the kernel (the stream's _write/_writev), one entry per write.
    const writes: string[] = [];
    for (const ss of t.server.io.sockets.sockets.values()) {
      if ((ss.data as { actor?: { id?: string } }).actor?.id !== display.id) continue;
      const tcp = (ss as unknown as { conn: { transport: { socket: { _socket: Record<string, unknown> } } } }).conn
        .transport.socket._socket as {
        _write: (c: Buffer, e: string, cb: () => void) => void;
        _writev: (c: { chunk: Buffer }[], cb: () => void) => void;
      };
      const w = tcp._write.bind(tcp),
        wv = tcp._writev.bind(tcp);
      tcp._write = (c, e, cb) => {
        writes.push(String(c));
        w(c, e, cb);
      };
      tcp._writev = (cs, cb) => {
        writes.push(cs.map((x) => String(x.chunk)).join(''));
        wv(cs, cb);
      };
    }
    const kiosk = await t.createDevice('kiosk');
    // Another counter than the first test's (that one is held by its clerk).
    const counter = (await t.counters()).at(-1);
    const area = (await t.areas()).find((a) => a.id === counter.areaIds[0]);
    await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token);
    const clerk = await t.createClerk('mot-lan-ghi');
    await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
    writes.length = 0;
    const answer = await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token);
    const atAnswer = [...writes];
    expect(answer.status).toBe(200);
    expect(atAnswer).toHaveLength(1);
    for (const e of ['ticket:updated', 'ticket:called', 'counter:updated', 'queue:updated'])
      expect(atAnswer[0]).toContain(e);
  });
});
