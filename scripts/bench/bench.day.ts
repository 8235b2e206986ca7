import { DAY_MINUTES } from '../load/day.plan.ts';
import { runLoad } from '../../test/support/load.driver.ts';
import { startServerProcess } from '../../test/support/server-process.ts';
import { broadcastFloor } from './bench.floor.ts';
import { sampleProcess, SERVER_ENV, type ProcFigures } from './bench.proc.ts';
import { fmt, printTable, summary } from './bench.stats.ts';

/**
 * The busy day as a benchmark: the same generator as test/busy-day.test.ts (scripts/load/), with 2000
 * tickets, 12 clerks, `displays` display sockets and 50 phones, against a fresh server whose CPU and memory
 * are read from /proc. Beside it, the floor: a bare socket.io broadcast to as many sockets.
 */
export interface DayOpts {
  tickets: number;
  daySeconds: number;
  displays: number;
  phones: number;
  fromMin?: number;
  toMin?: number;
}

export async function busyDay(opts: DayOpts) {
  const floor = await broadcastFloor(opts.displays, 200);
  const srv = await startServerProcess({ env: SERVER_ENV });
  try {
    const span = ((opts.toMin ?? DAY_MINUTES) - (opts.fromMin ?? 0)) / DAY_MINUTES;
    const load = runLoad(srv.url, { ...opts, maxSeconds: Math.ceil(opts.daySeconds * span * 4 + 180) });
    await load.waitFor('ready', () => true, 120_000);
    const server = sampleProcess(srv.pid()!);
    const generator = sampleProcess(load.pid!);
    const res = await load.result(Math.ceil(opts.daySeconds * span * 4 + 240) * 1000);
    return { res, floor, server: server.stop(), generator: generator.stop() };
  } finally {
    await srv.close();
  }
}

export function reportDay(
  opts: DayOpts,
  d: Awaited<ReturnType<typeof busyDay>>,
  bareOpsPerSec: number,
  idleNodeMB: number,
) {
  const { res } = d;
  const issue = summary(res.latency.issueMs),
    call = summary(res.latency.callMs),
    del = summary(res.latency.deliveryMs);
  const fl = summary(d.floor.deliveryMs),
    noop = summary(d.floor.noopMs),
    emit = summary(d.floor.emitMs);
  const speed = (DAY_MINUTES * 60) / opts.daySeconds;
  const proc = (p: ProcFigures) =>
    `CPU avg ${fmt(p.avgPct, 0)} % of one core (peak ${fmt(p.peakPct, 0)} % over 0.5 s), RSS ${fmt(p.rssStartMB, 0)} → peak ${fmt(p.rssPeakMB, 0)} → ${fmt(p.rssEndMB, 0)} MiB`;
  const hhmm = (min: number) =>
    `${String(7 + Math.floor(min / 60)).padStart(2, '0')}:${String(Math.round(min % 60)).padStart(2, '0')}`;
  const from = opts.fromMin ?? 0,
    to = opts.toMin ?? DAY_MINUTES;
  printTable(
    `Ngày đông khách / busy day (${opts.tickets}/day): ${res.issued.length} tickets ${hhmm(from)}–${hhmm(to)} at ${fmt(speed, 0)}× real time (${fmt(((to - from) / DAY_MINUTES) * opts.daySeconds, 0)} s), 12 clerks, ${opts.displays} displays + ${res.phones.length} phones, ${fmt(res.wallMs / 1000, 1)} s with drain`,
    [
      ['server process', proc(d.server)],
      [
        '  server RSS at the end (goal < 150 MiB) / floor: idle Node, same run',
        `${fmt(d.server.rssEndMB, 0)} MiB / ${fmt(idleNodeMB, 0)} MiB`,
      ],
      ['load generator process (for context)', proc(d.generator)],
      [
        'POST /api/tickets',
        `p50 ${fmt(issue.p50)} ms, p99 ${fmt(issue.p99)} ms, max ${fmt(issue.max)} ms (n=${issue.n})`,
      ],
      [
        '  floor: bare SQLite insert (WAL, FULL) / HTTP no-op',
        `${fmt(1000 / bareOpsPerSec, 3)} ms per ticket / p50 ${fmt(noop.p50)} ms, p99 ${fmt(noop.p99)} ms`,
      ],
      [
        'call-next / call / recall HTTP answer',
        `p50 ${fmt(call.p50)} ms, p99 ${fmt(call.p99)} ms, max ${fmt(call.max)} ms (n=${call.n})`,
      ],
      ['  floor: HTTP request that triggers a bare broadcast', `p50 ${fmt(emit.p50)} ms, p99 ${fmt(emit.p99)} ms`],
      [
        `call → ticket:called at each of ${opts.displays} displays`,
        `p50 ${fmt(del.p50)} ms, p99 ${fmt(del.p99)} ms, max ${fmt(del.max)} ms (n=${del.n})`,
      ],
      [
        `  floor: bare socket.io broadcast to ${opts.displays} sockets (idle, one at a time)`,
        `p50 ${fmt(fl.p50)} ms, p99 ${fmt(fl.p99)} ms, max ${fmt(fl.max)} ms (n=${fl.n})`,
      ],
      [
        'errors seen by the generator',
        `${res.errors.length}${res.errors.length ? `: ${res.errors.slice(0, 3).join('; ')}` : ''}`,
      ],
      [
        'day',
        `${res.counts.finishes + res.counts.implicitFinishes} served, ${res.counts.noShows} no-shows, ${res.counts.transfers} transfers, ${res.counts.recalls} recalls, ${res.ackedCalls.length} calls`,
      ],
    ],
  );
}
