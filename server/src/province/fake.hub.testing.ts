import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { feedBatch } from '../contract/province.feed.ts';

/**
 * A small stand-in for the province hub (tests only), on a real port: the wire protocol's rules (token, gap → 409,
 * seq ≤ ackSeq skipped, tickets keep the highest rev, the rest inserted once by id), validated with the hub's own
 * schema (contract/province.feed.ts), so a payload the real hub would refuse fails here too. `mode` makes it
 * misbehave; `stop()`/`restart()` take it off the network and back on the same port with its memory.
 */
export type FakeHubMode = 'ok' | 'error500' | 'unauthorized' | 'hang' | 'applyThenHang';

export interface FakeHubState {
  ackSeq: number;
  tickets: Map<string, { rev: number; status: string }>;
  events: Set<string>;
  ratings: Set<string>;
  counters: Map<string, unknown>;
  catalogs: number;
  /** Every item applied: an id applied twice would show here twice. */
  applied: { kind: string; id: string }[];
  batches: { fromSeq: number; count: number }[];
  lastLagSec: number | null;
  catalogVersion: number;
  catalogRows: unknown[];
}

export async function startFakeHub(opts: { token?: string; port?: number } = {}) {
  const token = opts.token ?? 'center-token';
  let mode: FakeHubMode = 'ok';
  const state: FakeHubState = {
    ackSeq: 0,
    tickets: new Map(),
    events: new Set(),
    ratings: new Set(),
    counters: new Map(),
    catalogs: 0,
    applied: [],
    batches: [],
    lastLagSec: null,
    catalogVersion: 0,
    catalogRows: [],
  };
  const hanging = new Set<() => void>();
  const hang = () => new Promise<Response>((r) => hanging.add(() => r(new Response('late', { status: 503 }))));
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (mode === 'unauthorized' || c.req.header('authorization') !== `Bearer ${token}`)
      return c.json({ error: { code: 'province.bad_token', message: 'Mã kết nối không hợp lệ.' } }, 401);
    if (mode === 'error500') return c.json({ error: { code: 'server.internal', message: 'Lỗi' } }, 500);
    if (mode === 'hang') return hang();
    await next();
  });
  app.post('/api/province/feed', async (c) => {
    const parsed = feedBatch.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ error: { code: 'request.invalid', details: parsed.error.issues } }, 422);
    const b = parsed.data;
    b.items.forEach((it, i) => {
      if (it.seq !== b.fromSeq + i) throw new Error(`seq ${it.seq} is not fromSeq + ${i}`);
    });
    if (b.fromSeq > state.ackSeq + 1)
      return c.json({ error: { code: 'province.feed_gap', message: 'Thiếu dữ liệu.' }, ackSeq: state.ackSeq }, 409);
    state.batches.push({ fromSeq: b.fromSeq, count: b.items.length });
    for (const it of b.items) {
      if (it.seq <= state.ackSeq) continue;
      if (it.kind === 'ticket') {
        const had = state.tickets.get(it.data.id);
        if (!had || had.rev < it.data.rev) state.tickets.set(it.data.id, { rev: it.data.rev, status: it.data.status });
        state.applied.push({ kind: 'ticket', id: `${it.data.id}@${it.data.rev}` });
      } else if (it.kind === 'event') {
        if (!state.events.has(it.data.id)) state.applied.push({ kind: 'event', id: it.data.id });
        state.events.add(it.data.id);
      } else if (it.kind === 'rating') {
        if (!state.ratings.has(it.data.id)) state.applied.push({ kind: 'rating', id: it.data.id });
        state.ratings.add(it.data.id);
      } else if (it.kind === 'counter') state.counters.set(it.data.id, it.data);
      else state.catalogs++;
    }
    state.ackSeq = Math.max(state.ackSeq, b.fromSeq + b.items.length - 1);
    const { sentAt, oldestPendingAt } = b.center;
    state.lastLagSec = oldestPendingAt === null ? 0 : Math.max(0, Math.round((sentAt - oldestPendingAt) / 1000));
    // Applied, and then the answer never comes: the center must not prune, and the replay must change nothing.
    if (mode === 'applyThenHang') return hang();
    return c.json({ ackSeq: state.ackSeq, catalogVersion: state.catalogVersion });
  });
  app.get('/api/province/catalog', (c) =>
    c.req.query('since') === String(state.catalogVersion)
      ? c.json({ version: state.catalogVersion, unchanged: true })
      : c.json({ version: state.catalogVersion, procedures: state.catalogRows }),
  );

  let server: ServerType | null = null;
  let port = opts.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  await listen();
  const release = () => {
    for (const r of hanging) r();
    hanging.clear();
  };
  return {
    state,
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    token,
    setMode(m: FakeHubMode) {
      mode = m;
      if (m !== 'hang' && m !== 'applyThenHang') release();
    },
    /** Off the network: connections refused until restart. */
    async stop() {
      release();
      const s = server;
      server = null;
      if (s) {
        (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        await new Promise<void>((r) => s.close(() => r()));
      }
    },
    restart: listen,
    async close() {
      await this.stop();
    },
  };
}

export type FakeHub = Awaited<ReturnType<typeof startFakeHub>>;
