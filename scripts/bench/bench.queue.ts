import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { migrate } from '../../server/src/storage/db.ts';
import { fmt, printTable, summary } from './bench.stats.ts';

/**
 * Issue 2's figures: ticket issue throughput over HTTP beside a bare better-sqlite3 insert of the same row
 * at the same durability (WAL, synchronous=FULL, one transaction per ticket), and the latency from
 * call-next to `ticket:called` at N connected sockets.
 */
export function bareInsert(n: number): { opsPerSec: number } {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-'));
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.prepare("INSERT INTO departments (id, code, name) VALUES ('d', 'D', 'D')").run();
  db.prepare(
    "INSERT INTO areas (id, code, department_id, name, number_start, number_end) VALUES ('a', 'A', 'd', 'A', 1, 999999)",
  ).run();
  const ins =
    db.prepare(`INSERT INTO tickets (id, number, seq, business_day, issued_area_id, area_id, priority, status, issued_at, issuer_kind, issuer_id)
    VALUES (?, ?, ?, '2026-11-26', 'a', 'a', 0, 'waiting', ?, 'kiosk', 'k')`);
  const one = db.transaction((i: number) => ins.run(`t${i}`, String(i), i, Date.now()));
  const t0 = performance.now();
  for (let i = 1; i <= n; i++) one.immediate(i);
  const sec = (performance.now() - t0) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { opsPerSec: n / sec };
}

type Call = (method: string, path: string, body?: unknown, token?: string) => Promise<{ status: number; body: any }>;

export async function httpIssue(call: Call, kioskToken: string, areaIds: string[], n: number, concurrency: number) {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        const r = await call(
          'POST',
          '/api/tickets',
          { areaId: areaIds[i % areaIds.length], idempotencyKey: `bench-${i}` },
          kioskToken,
        );
        if (r.status !== 201) throw new Error(`issue failed: ${r.status} ${JSON.stringify(r.body)}`);
        lat.push(performance.now() - s);
      }
    }),
  );
  return { opsPerSec: n / ((performance.now() - t0) / 1000), ...summary(lat) };
}

export async function callToDisplay(
  url: string,
  call: Call,
  opts: { displayToken: string; clerkToken: string; counterId: string; sockets: number; calls: number },
) {
  const sockets: Socket[] = [];
  // Calls run one at a time, so every ticket:called seen while one is pending belongs to it
  // (the event may reach a socket before the HTTP answer reaches us).
  let pending: { t0: number; left: number; done: () => void } | null = null;
  const deliveries: number[] = [];
  await Promise.all(
    Array.from(
      { length: opts.sockets },
      () =>
        new Promise<void>((res, rej) => {
          const s = io(url, { auth: { token: opts.displayToken }, transports: ['websocket'], reconnection: false });
          sockets.push(s);
          s.on('ticket:called', () => {
            if (!pending) return;
            deliveries.push(performance.now() - pending.t0);
            if (--pending.left === 0) pending.done();
          });
          s.once('state:snapshot', () => res());
          s.once('connect_error', rej);
        }),
    ),
  );
  const httpLat: number[] = [];
  for (let i = 0; i < opts.calls; i++) {
    const all = new Promise<void>((done) => {
      pending = { t0: performance.now(), left: opts.sockets, done };
    });
    const t0 = pending!.t0;
    const r = await call('POST', `/api/counters/${opts.counterId}/call-next`, undefined, opts.clerkToken);
    httpLat.push(performance.now() - t0);
    if (!r.body?.ticket) {
      pending = null;
      break;
    }
    await Promise.race([all, new Promise((r2) => setTimeout(r2, 2000))]);
    pending = null;
  }
  for (const s of sockets) s.close();
  return { deliveries: summary(deliveries), http: summary(httpLat) };
}

export function report(
  bare: { opsPerSec: number },
  issue: Awaited<ReturnType<typeof httpIssue>>,
  disp: Awaited<ReturnType<typeof callToDisplay>>,
  sockets: number,
) {
  printTable('Cấp số / ticket issue', [
    ['bare better-sqlite3 insert (WAL, FULL, 1 tx/ticket)', `${fmt(bare.opsPerSec, 0)} tickets/s`],
    [
      'POST /api/tickets over HTTP',
      `${fmt(issue.opsPerSec, 0)} tickets/s  (p50 ${fmt(issue.p50)} ms, p99 ${fmt(issue.p99)} ms, n=${issue.n})`,
    ],
    ['ratio HTTP / bare', fmt(issue.opsPerSec / bare.opsPerSec, 3)],
  ]);
  printTable(`Gọi số → màn hình / call-next → ticket:called at ${sockets} sockets`, [
    [
      'delivery latency (send of call-next → event at each socket)',
      `p50 ${fmt(disp.deliveries.p50)} ms, p99 ${fmt(disp.deliveries.p99)} ms, max ${fmt(disp.deliveries.max)} ms (n=${disp.deliveries.n})`,
    ],
    ['call-next HTTP answer', `p50 ${fmt(disp.http.p50)} ms, p99 ${fmt(disp.http.p99)} ms`],
  ]);
}
