import type { IncomingMessage, ServerResponse } from 'node:http';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketToPng } from '../../../printer/src/index.ts';
import { ManualClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Issue #11, defect 16 (HTTP half): the ticket PNG was drawn on the event loop for anyone who asked (~30 ms
 * each; 20 at once stalled the server), and anonymous routes had no limit per address. Real sockets from
 * distinct loopback addresses (127.0.0.0/8 is all ours), the real renderer, counted.
 */
let t: TestServer;
let renders = 0;
let kiosk: { id: string; token: string };
let lltp: string;

beforeAll(async () => {
  t = await startTestServer({
    clock: new ManualClock(Date.parse('2026-11-26T09:00:00+07:00')),
    listen: true,
    printerExtras: {
      png: async (data, options) => {
        renders++;
        return ticketToPng(data, options);
      },
    },
  });
  kiosk = await t.createDevice('kiosk');
  lltp = (await t.areas()).find((a) => a.code === 'LLTP')!.id;
});
afterAll(async () => {
  await t.close();
});

const issue = async () => (await t.call('POST', '/api/tickets', { areaId: lltp }, kiosk.token)).body.id as string;

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}
/** One request on its own connection from a chosen local address. */
function get(path: string, from: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: t.server.port, path, localAddress: from, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (ch: Buffer) => chunks.push(ch));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
const json = (a: Answer) => JSON.parse(a.body.toString('utf8'));

/**
 * Connections accepted by the server first, then every request written in one go: they reach the server
 * together, as twenty phones tapping at once would. (A busy server accepts one new connection per loop turn,
 * which would spread the burst out and prove nothing.)
 */
async function atOnce(requests: { path: string; from: string }[]): Promise<Answer[]> {
  let accepted = 0;
  let allAccepted!: () => void;
  const ready = new Promise<void>((r) => {
    allAccepted = r;
  });
  const count = () => {
    if (++accepted === requests.length) allAccepted();
  };
  t.server.http.on('connection', count);
  const sockets = await Promise.all(
    requests.map(
      ({ from }) =>
        new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: '127.0.0.1', port: t.server.port, localAddress: from }, () => resolve(s));
          s.on('error', reject);
        }),
    ),
  );
  await ready;
  t.server.http.off('connection', count);
  const answers = sockets.map(
    (s) =>
      new Promise<Answer>((resolve) => {
        const chunks: Buffer[] = [];
        s.on('data', (ch: Buffer) => chunks.push(ch));
        s.on('end', () => {
          const raw = Buffer.concat(chunks);
          const split = raw.indexOf('\r\n\r\n');
          const [statusLine, ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
          const headers = Object.fromEntries(
            lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
          );
          resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: raw.subarray(split + 4) });
        });
      }),
  );
  sockets.forEach((s, i) =>
    s.write(`GET ${requests[i]!.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
  );
  return Promise.all(answers);
}

describe('anonymous routes are limited per address', () => {
  it('a flood from 127.0.0.2 gets 429 request.rate_limited with Retry-After while 127.0.0.3 is served', async () => {
    const id = await issue();
    const statuses: number[] = [];
    let refused: Answer | null = null;
    for (let i = 0; i < 100; i++) {
      const a = await get(`/api/tickets/${id}`, '127.0.0.2');
      statuses.push(a.status);
      if (a.status === 429 && !refused) refused = a;
    }
    expect(statuses.slice(0, 60)).toEqual(Array(60).fill(200)); // generous: a phone never comes near
    expect(refused).not.toBeNull();
    expect(json(refused!).error.code).toBe('request.rate_limited');
    expect(json(refused!).error.message).toMatch(/Quá nhiều yêu cầu/);
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(json(refused!).error.details.retryAfterSec).toBe(Number(refused!.headers['retry-after']));
    // The pages and the PNG draw on the same bucket (it refills 6 per second, so a flood meets 429 again at once).
    const refusedAt = async (path: string) => {
      for (let i = 0; i < 50; i++) if ((await get(path, '127.0.0.2')).status === 429) return i;
      return -1;
    };
    for (const path of [`/t/${id}`, `/print/ticket/${id}`, `/api/tickets/${id}/ticket.png`])
      expect(await refusedAt(path), path).toBeGreaterThanOrEqual(0);

    expect((await get(`/api/tickets/${id}`, '127.0.0.3')).status).toBe(200);
    // Staff and devices are accountable: their requests from the same address are not counted.
    expect((await get('/api/state', '127.0.0.2', { authorization: `Bearer ${t.adminToken}` })).status).toBe(200);
    expect((await get(`/api/tickets/${id}`, '127.0.0.2', { authorization: `Bearer ${kiosk.token}` })).status).toBe(200);
  });

  it('20 ticket.png requests at once: a health request is answered while the renders are still queued', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await issue());
    // The order in which the server finished its answers (written to the socket), seen from the server.
    const finished: string[] = [];
    const watch = (req: IncomingMessage, res: ServerResponse) => {
      const png = req.url?.endsWith('/ticket.png') ?? false;
      res.on('finish', () => finished.push(png ? `png:${res.statusCode}` : 'health'));
    };
    t.server.http.on('request', watch);
    try {
      // Twenty phones, one request each (no address over its own limit), then a health check right behind them.
      const all = await atOnce([
        ...ids.map((id, i) => ({ path: `/api/tickets/${id}/ticket.png`, from: `127.0.1.${i + 1}` })),
        { path: '/api/health', from: '127.0.2.1' },
      ]);
      const health = all.pop()!;
      const answers = all;
      expect(health.status).toBe(200);
      const served = answers.filter((a) => a.status === 200);
      const renderedBeforeHealth = finished.slice(0, finished.indexOf('health')).filter((x) => x === 'png:200').length;
      expect(served.length).toBeGreaterThan(0);
      expect(renderedBeforeHealth).toBeLessThan(served.length);
      for (const a of answers) {
        if (a.status === 200) {
          expect(a.headers['content-type']).toBe('image/png');
          continue;
        }
        expect(a.status).toBe(503);
        expect(json(a).error.code).toBe('server.busy');
        expect(Number(a.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
    } finally {
      t.server.http.off('request', watch);
    }
  });

  it('the PNG of a ticket is drawn once until what it prints changes', async () => {
    const clerk = await t.createClerk('lan');
    const counter = (await t.counters()).find((c) => c.number === 1)!;
    await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
    for (;;)
      if (!(await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token)).body.ticket) break; // an empty queue
    const first = await issue();
    const second = await issue();
    const png = async (id: string) =>
      Buffer.from(await (await t.server.app.request(`/api/tickets/${id}/ticket.png`)).arrayBuffer());
    const before = renders;
    const a = await png(second);
    const b = await png(second);
    expect(b.equals(a)).toBe(true);
    expect(renders - before).toBe(1);
    // The first ticket is called: the second now has nobody ahead, which its ticket prints.
    expect((await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token)).body.ticket.id).toBe(
      first,
    );
    const c = await png(second);
    expect(c.equals(a)).toBe(false);
    expect(renders - before).toBe(2);
  });

  it('requests made in-process (no socket, no address) are not limited', async () => {
    const id = await issue();
    const statuses = await Promise.all(
      Array.from({ length: 80 }, async () => (await t.server.app.request(`/api/tickets/${id}`)).status),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
