import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { migrate } from '../../server/src/storage/db.ts';
import { createTicketsRepository } from '../../server/src/storage/tickets.repository.ts';
import { newWaitingTicket } from '../../server/src/core/tickets/ticket.new.ts';
import { fmt, printTable, summary } from './bench.stats.ts';
import { sampleProcess } from './bench.proc.ts';
import type { NoopFloor } from './bench.http.ts';
import type { IssueRounds } from './bench.issue.ts';

/**
 * Issue 2's figures: ticket issue throughput over HTTP beside a bare better-sqlite3 insert of the same row
 * at the same durability (WAL, synchronous=FULL, one transaction per ticket), and the latency from
 * call-next to `ticket:called` at N connected sockets.
 */
export function bareInsert(n: number): { opsPerSec: number; cpuMs: number } & ReturnType<typeof summary> {
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
  // The row the server writes, through the server's own statement (tickets.repository.ts: the ticket with its
  // issue_seq and queue_at, and the area's day counter), so the floor is the same insert at the same durability.
  const tickets = createTicketsRepository(db);
  const one = db.transaction((i: number) =>
    tickets.insert(
      newWaitingTicket({
        id: `t${i}`,
        number: String(i),
        seq: i,
        businessDay: '2026-11-26',
        areaId: 'a',
        issuedAt: Date.now(),
        issuerKind: 'kiosk',
        issuerId: 'k',
        idempotencyKey: `bench-${i}`,
      }),
    ),
  );
  const lat: number[] = [];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 1; i <= n; i++) {
    const s = performance.now();
    one.immediate(i);
    lat.push(performance.now() - s);
  }
  const sec = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  // CPU per transaction beside the wall rate: the fsync is waiting, not CPU, so this part is steadier on a busy machine.
  return { opsPerSec: n / sec, cpuMs: (cpu.user + cpu.system) / 1000 / n, ...summary(lat) };
}

export type Call = (
  method: string,
  path: string,
  body?: unknown,
  token?: string,
) => Promise<{ status: number; body: any }>;

/**
 * `serverPid`: the server's CPU per ticket is read from /proc beside the rate (and the client's, from this process).
 * `keyPrefix` keeps the idempotency keys of repeated rounds apart (a repeated key answers 200 with the first ticket).
 */
export async function httpIssue(
  call: Call,
  kioskToken: string,
  areaIds: string[],
  n: number,
  concurrency: number,
  serverPid?: number,
  keyPrefix = 'bench',
) {
  const lat: number[] = [];
  let next = 0;
  const server = serverPid === undefined ? null : sampleProcess(serverPid);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        const r = await call(
          'POST',
          '/api/tickets',
          { areaId: areaIds[i % areaIds.length], idempotencyKey: `${keyPrefix}-${i}` },
          kioskToken,
        );
        if (r.status !== 201) throw new Error(`issue failed: ${r.status} ${JSON.stringify(r.body)}`);
        lat.push(performance.now() - s);
      }
    }),
  );
  const opsPerSec = n / ((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(c0);
  const serverCpuMs = server ? (1000 * server.stop().cpuSec) / n : NaN;
  return { opsPerSec, clientCpuMs: (cpu.user + cpu.system) / 1000 / n, serverCpuMs, ...summary(lat) };
}

/**
 * An open-loop generator: one ticket every 1000/rate ms on a fixed schedule, sent whether or not the earlier ones
 * were answered (a kiosk does not wait for another kiosk), each latency counted from its scheduled time, so a
 * stall shows in the figure instead of slowing the generator down (no coordinated omission).
 */
export async function pacedIssue(call: Call, kioskToken: string, areaId: string, rate: number, seconds: number) {
  const n = Math.round(rate * seconds);
  const lat: number[] = [];
  const t0 = performance.now() + 50;
  const sent: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const at = t0 + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent.push(
      call('POST', '/api/tickets', { areaId, idempotencyKey: `paced-${rate}-${i}` }, kioskToken).then((r) => {
        if (r.status !== 201) throw new Error(`issue failed: ${r.status} ${JSON.stringify(r.body)}`);
        lat.push(performance.now() - at);
      }),
    );
  }
  await Promise.all(sent);
  return { rate, ...summary(lat) };
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

export interface QueueFigures {
  /** The issue rate's paired rounds (bench.issue.ts): the median round is held to the goal. */
  issue: IssueRounds;
  paced: Awaited<ReturnType<typeof pacedIssue>>;
  disp: Awaited<ReturnType<typeof callToDisplay>>;
  floor: { deliveryMs: number[]; emitMs: number[]; noopMs: number[] };
  sockets: number;
  /** The client the issue figures used, and the HTTP floor: each client against a no-op hono server (bench.http.ts). */
  issueClient: string;
  noopIssue: NoopFloor[];
}

/** Issue 15's table, each figure beside its floor measured in the same run and the goal it is held to. */
export function report({ issue: rounds, paced, disp, floor, sockets, issueClient, noopIssue }: QueueFigures) {
  const { bare, issue, ratio } = rounds.median;
  const fl = summary(floor.deliveryMs);
  const noop = summary(floor.noopMs);
  const goal = 2 * fl.p99 + 5;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  printTable('Cấp số / ticket issue', [
    [
      `median of ${rounds.rounds.length} paired rounds (floor, then HTTP, ${issue.n} tickets each), after a warm-up:`,
      '',
    ],
    [
      'floor: bare better-sqlite3 insert of the same row (WAL, FULL, 1 tx/ticket)',
      `${fmt(bare.opsPerSec, 0)} tickets/s (per tx p50 ${fmt(bare.p50, 3)} ms, p99 ${fmt(bare.p99, 3)} ms)`,
    ],
    [
      'POST /api/tickets over HTTP, 8 kiosks',
      `${fmt(issue.opsPerSec, 0)} tickets/s  (p50 ${fmt(issue.p50)} ms, p99 ${fmt(issue.p99)} ms, n=${issue.n}; client ${issueClient})`,
    ],
    ['ratio HTTP / bare (goal ≥ 0.5)', `${fmt(ratio, 3)} — ${met(ratio >= 0.5)}`],
    ...roundRows(rounds),
    [
      '  CPU per ticket: server / bench client / bare insert',
      `${fmt(issue.serverCpuMs, 3)} / ${fmt(issue.clientCpuMs, 3)} / ${fmt(bare.cpuMs, 3)} ms`,
    ],
    ...noopIssue.map((f): [string, string] => [
      `  floor: hono no-op POST, 8 concurrent, ${f.client} client`,
      `${fmt(f.opsPerSec, 0)} req/s (CPU per request: server ${fmt(f.serverCpuMs, 3)} ms, client ${fmt(f.clientCpuMs, 3)} ms)`,
    ]),
    [
      `POST /api/tickets at a steady ${paced.rate}/s (open loop, from the scheduled time)`,
      `p50 ${fmt(paced.p50)} ms, p99 ${fmt(paced.p99)} ms, max ${fmt(paced.max)} ms (n=${paced.n}) — goal p99 < 10 ms: ${met(paced.p99 < 10)}`,
    ],
    ['  floor: HTTP no-op round trip (bare node:http, same run)', `p50 ${fmt(noop.p50)} ms, p99 ${fmt(noop.p99)} ms`],
  ]);
  printTable(`Gọi số → màn hình / call-next → ticket:called at ${sockets} sockets`, [
    [
      'delivery latency (send of call-next → event at each socket)',
      `p50 ${fmt(disp.deliveries.p50)} ms, p99 ${fmt(disp.deliveries.p99)} ms, max ${fmt(disp.deliveries.max)} ms (n=${disp.deliveries.n})`,
    ],
    [
      `  floor: bare socket.io broadcast to ${sockets} sockets (same run)`,
      `p50 ${fmt(fl.p50)} ms, p99 ${fmt(fl.p99)} ms, max ${fmt(fl.max)} ms (n=${fl.n})`,
    ],
    [
      'goal p99 ≤ 2 × floor p99 + 5 ms',
      disp.deliveries.n === 0
        ? 'not measured (BENCH_CALL=0)'
        : `${fmt(disp.deliveries.p99)} ≤ ${fmt(goal)} ms — ${met(disp.deliveries.p99 <= goal)}`,
    ],
    ['call-next HTTP answer', `p50 ${fmt(disp.http.p50)} ms, p99 ${fmt(disp.http.p99)} ms`],
  ]);
}

/** The rows the issue table adds for the rounds: every round's pair, then the cold start. */
function roundRows({ cold, rounds }: IssueRounds): [string, string][] {
  return [
    ...rounds.map((r, i): [string, string] => [
      `  round ${i + 1}: bare insert / HTTP / ratio / server CPU per ticket`,
      `${fmt(r.bare.opsPerSec, 0)} / ${fmt(r.issue.opsPerSec, 0)} tickets/s / ${fmt(r.ratio, 3)} / ${fmt(r.issue.serverCpuMs, 3)} ms`,
    ]),
    [
      `  cold start: the server's first ${cold.n} tickets (warm-up, not held to the goal)`,
      `${fmt(cold.opsPerSec, 0)} tickets/s (p99 ${fmt(cold.p99)} ms), server CPU ${fmt(cold.serverCpuMs, 3)} ms per ticket`,
    ],
  ];
}
