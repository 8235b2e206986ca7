import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { fixtures, startServerProcess, type ServerProcess } from './support/server-process.ts';

/** The real built server in its own process, driven over HTTP and socket.io like the screens do. */
let srv: ServerProcess;
let fx: Awaited<ReturnType<typeof fixtures>>;
const sockets: Socket[] = [];

function connect(auth: Record<string, string>): Promise<{ socket: Socket; events: [string, any][] }> {
  const socket = io(srv.url, { auth, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const events: [string, any][] = [];
  socket.onAny((name, payload) => events.push([name, payload]));
  return new Promise((res, rej) => {
    socket.once('state:snapshot', () => res({ socket, events }));
    socket.once('connect_error', (e) => rej(e));
  });
}
async function until<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  srv = await startServerProcess();
  fx = await fixtures(srv.url);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await srv.close();
});

describe('end to end over real sockets', () => {
  it('issue → call → display hears it → finish → rating pad asked → rating stored → reports count it', async () => {
    const kiosk = await fx.device('kiosk');
    const display = await fx.device('display');
    const counter = (await fx.counters()).find((c) => c.number === 3);
    const rating = await fx.device('rating', { counterId: counter.id });
    const otherRating = await fx.device('rating', { counterId: (await fx.counters()).find((c) => c.number === 4).id });
    const clerk = await fx.clerk('hoa');
    const area = (await fx.areas()).find((a) => a.code === 'DKKD');

    const disp = await connect({ token: display.token });
    const pad = await connect({ token: rating.token });
    const pad2 = await connect({ token: otherRating.token });

    const other = (await fx.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    const t = (await fx.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    const phone = await connect({ ticketId: t.id });
    expect(phone.events[0]![1].ticket.id).toBe(t.id);

    await fx.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk);
    expect((await fx.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk)).body.ticket.id).toBe(
      other.id,
    );
    expect((await fx.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk)).body.ticket.id).toBe(
      t.id,
    );

    const calls = await until(() => {
      const c = disp.events.filter(([n]) => n === 'ticket:called');
      return c.length === 2 ? c : undefined;
    });
    expect(calls.map(([, p]) => p.ticket.number)).toEqual([other.number, t.number]);
    expect(calls[1]![1]).toMatchObject({ counter: { id: counter.id, number: 3 }, recall: false });
    expect(Date.parse(calls[1]![1].at)).not.toBeNaN();

    const asked = await until(() => pad.events.find(([n, p]) => n === 'rating:requested' && p.ticket.id === other.id));
    expect(asked[1].counterId).toBe(counter.id);
    await fx.call('POST', `/api/counters/${counter.id}/finish`, undefined, clerk);
    await until(() => pad.events.find(([n, p]) => n === 'rating:requested' && p.ticket.id === t.id));

    // A pad of another counter cannot rate it; this counter's pad can, once.
    expect(
      (await fx.call('POST', '/api/ratings', { ticketId: t.id, level: 'satisfied' }, otherRating.token)).status,
    ).toBe(409);
    const rated = await fx.call('POST', '/api/ratings', { ticketId: t.id, level: 'very_satisfied' }, rating.token);
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ ticketId: t.id, level: 'very_satisfied' });
    expect((await fx.call('POST', '/api/ratings', { ticketId: t.id, level: 'satisfied' }, rating.token)).status).toBe(
      409,
    );

    const report = await fx.call('GET', '/api/reports/summary?groupBy=counter', undefined, fx.admin);
    const row = report.body.rows.find((r: any) => r.key === '3');
    expect(row).toMatchObject({ served: 2, ratings: { very_satisfied: 1 } });
    const csv = await fetch(`${srv.url}/api/reports/summary?groupBy=clerk&format=csv`, {
      headers: { authorization: `Bearer ${fx.admin}` },
    });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads Vietnamese right
    expect(text).toContain('hoa,Cán bộ hoa,2,2,0');

    // Who hears what: the phone only its own ticket; pads only their own counter; the display no rating requests.
    const seenIds = JSON.stringify(phone.events);
    expect(seenIds).not.toContain(other.id);
    expect(phone.events.some(([n]) => n === 'ticket:called')).toBe(true);
    expect(pad2.events.filter(([n]) => n === 'rating:requested')).toHaveLength(0);
    expect(disp.events.filter(([n]) => n === 'rating:requested')).toHaveLength(0);
  });

  it('refuses a socket with a bad token, and drops a revoked device at once', async () => {
    await expect(connect({ token: 'nope' })).rejects.toThrow(/không hợp lệ/);
    await expect(connect({ ticketId: 'nope' })).rejects.toThrow(/Không tìm thấy/);
    const display = await fx.device('display');
    const d = await connect({ token: display.token });
    const gone = new Promise((r) => d.socket.once('disconnect', r));
    await fx.call('DELETE', `/api/devices/${display.id}`, undefined, fx.admin);
    await gone;
    expect((await fx.call('GET', '/api/state', undefined, display.token)).status).toBe(401);
  });

  it('never calls one ticket twice when many clerks call at once', async () => {
    const kiosk = await fx.device('kiosk');
    const areas = await fx.areas();
    const counters = (await fx.counters()).filter((c) => c.status === 'closed');
    const tokens = await Promise.all(counters.map((_, i) => fx.clerk(`nv${i}`)));
    await Promise.all(counters.map((c, i) => fx.call('POST', `/api/counters/${c.id}/open`, undefined, tokens[i])));
    const servedAreas = new Set(counters.flatMap((c) => c.areaIds));
    const issued: string[] = [];
    for (let i = 0; i < 120; i++) {
      const area = areas.filter((a) => servedAreas.has(a.id))[i % servedAreas.size]!;
      const r = await fx.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token);
      expect(r.status).toBe(201);
      issued.push(r.body.id);
    }
    const called: string[] = [];
    for (let round = 0; round < 40; round++) {
      const answers = await Promise.all(
        counters.map((c, i) => fx.call('POST', `/api/counters/${c.id}/call-next`, undefined, tokens[i])),
      );
      for (const a of answers) {
        expect(a.status).toBe(200);
        if (a.body.ticket) called.push(a.body.ticket.id);
      }
      if (answers.every((a) => !a.body.ticket)) break;
    }
    expect(new Set(called).size).toBe(called.length);
    expect(issued.every((id) => called.includes(id))).toBe(true);
  });
});

describe('restarts', () => {
  it('keeps tickets, numbering and current tickets across stop/start and kill -9', async () => {
    const kiosk = await fx.device('kiosk');
    const clerk = await fx.clerk('restart');
    const area = (await fx.areas()).find((a) => a.code === 'HTCT');
    const counter = (await fx.counters()).find((c) => c.number === 2);
    // Earlier tests left every counter held: an admin releases this one first.
    expect((await fx.call('POST', `/api/counters/${counter.id}/close`, undefined, fx.admin)).status).toBe(200);
    expect((await fx.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk)).status).toBe(200);
    const a = (await fx.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    await fx.call('POST', `/api/counters/${counter.id}/call`, { ticketId: a.id }, clerk);

    expect(await srv.stop('SIGTERM')).toBe(0); // graceful stop exits 0
    await srv.restart();
    const b = (await fx.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    expect(Number(b.number)).toBe(Number(a.number) + 1);
    const c2 = (await fx.call('GET', '/api/counters', undefined, kiosk.token)).body.find(
      (c: any) => c.id === counter.id,
    );
    expect(c2.currentTicket).toMatchObject({ id: a.id, status: 'called' });

    const acked = await fx.call('POST', '/api/tickets', { areaId: area.id, idempotencyKey: 'crash-1' }, kiosk.token);
    expect(acked.status).toBe(201);
    await srv.kill9(); // crash the instant after the 201
    await srv.restart();
    const after = await fx.call('GET', `/api/tickets/${acked.body.id}`);
    expect(after.body).toMatchObject({ id: acked.body.id, number: acked.body.number, status: 'waiting' });
    const retry = await fx.call('POST', '/api/tickets', { areaId: area.id, idempotencyKey: 'crash-1' }, kiosk.token);
    expect(retry.body.id).toBe(acked.body.id);
    const next = (await fx.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    expect(Number(next.number)).toBe(Number(acked.body.number) + 1);
  });
});
