import { cpus, totalmem } from 'node:os';
import { bareInsert, callToDisplay, pacedIssue, report } from './bench/bench.queue.ts';
import { issueRounds } from './bench/bench.issue.ts';
import { broadcastFloor } from './bench/bench.floor.ts';
import { keepAliveCall, noopFloor } from './bench/bench.http.ts';
import { idleNodeRssMB, rssMB, SERVER_ENV } from './bench/bench.proc.ts';
import { fmt, printTable, summary } from './bench/bench.stats.ts';
import { busyDay, reportDay } from './bench/bench.day.ts';
import { benchServerPrinting } from './bench/bench.print.ts';
import { benchProvince } from './bench/bench.province.ts';
import { benchCenterFeed } from './bench/bench.feed.ts';
import { benchReports } from './bench/bench.reports.ts';
import {
  benchProcedureSearch,
  benchProcedureSearchHttp,
  reportProcedureSearch,
  reportProcedureSearchHttp,
} from './bench/bench.search.ts';
import { DAY_MINUTES } from './load/day.plan.ts';
import { fixtures, startServerProcess } from '../test/support/server-process.ts';

/**
 * `npm run bench`: measured figures, never asserted. Runs the real built server in its own process
 * and loads it from this one over loopback.
 */
const N_ISSUE = Number(process.env.BENCH_TICKETS ?? 2000);
// The issue rate is measured in BENCH_ISSUE_ROUNDS paired rounds (floor, then HTTP) after BENCH_ISSUE_WARMUP
// tickets that warm the server up (why: bench/bench.issue.ts).
const ISSUE_ROUNDS = Number(process.env.BENCH_ISSUE_ROUNDS ?? 3);
const ISSUE_WARMUP = Number(process.env.BENCH_ISSUE_WARMUP ?? N_ISSUE);
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 50);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
// The steady issue rate of issue 15's goal (p99 < 10 ms at 100 tickets/s) and how long it is held.
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 100);
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 10);
// Each part can be skipped: BENCH_PRINT=0, BENCH_PEAK=0, BENCH_DAY=0, BENCH_REPORTS=0.
// The busy day (scripts/load/, the generator of test/busy-day.test.ts) with BENCH_DAY_SOCKETS displays:
// - its 09:00–10:00 peak at BENCH_PEAK_SPEED× real time (default 10: 6 minutes), BENCH_PEAK=0 skips it;
// - the whole day 07:00–16:30 squeezed into BENCH_DAY_SECONDS (default 60: 570×, a stress far past any real
//   center, to show where it saturates), BENCH_DAY=0 skips it.
const DAY_SOCKETS = Number(process.env.BENCH_DAY_SOCKETS ?? 200);
const PEAK_SPEED = Number(process.env.BENCH_PEAK_SPEED ?? 10);
const PEAK = {
  tickets: N_ISSUE,
  daySeconds: (DAY_MINUTES * 60) / PEAK_SPEED,
  displays: DAY_SOCKETS,
  phones: 50,
  fromMin: 120,
  toMin: 180,
};
const DAY = {
  tickets: N_ISSUE,
  daySeconds: Number(process.env.BENCH_DAY_SECONDS ?? 60),
  displays: DAY_SOCKETS,
  phones: 50,
};

console.log(
  `Máy / machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}`,
);

// The province hub (issue 14): BENCH_PROVINCE_CENTERS commune centers (default 130), each with a busy day of
// BENCH_PROVINCE_TICKETS tickets (default 300) compressed into BENCH_PROVINCE_DAY_SECONDS (default 120), then a
// year of BENCH_PROVINCE_YEAR_TICKETS tickets per center and working day (default 50). `npm run bench -- province`
// runs only this part; BENCH_PROVINCE=0 skips it in a full run.
const PROVINCE = {
  centers: Number(process.env.BENCH_PROVINCE_CENTERS ?? 130),
  ticketsPerCenter: Number(process.env.BENCH_PROVINCE_TICKETS ?? 300),
  daySeconds: Number(process.env.BENCH_PROVINCE_DAY_SECONDS ?? 120),
  yearTicketsPerCenterDay: Number(process.env.BENCH_PROVINCE_YEAR_TICKETS ?? 50),
  // BENCH_PROVINCE_DB=pglite: the hub's embedded default instead of PostgreSQL (day and backlog only).
  db: process.env.BENCH_PROVINCE_DB === 'pglite' ? ('pglite' as const) : ('pg' as const),
};
if (process.argv.slice(2).includes('province')) {
  await benchProvince(PROVINCE);
  process.exit(0);
}

// Procedure search over 2,000 procedures (in memory, the server's own index), beside a bare loop: BENCH_SEARCH=0 skips.
if (process.env.BENCH_SEARCH !== '0') reportProcedureSearch(benchProcedureSearch());

const bare = bareInsert(N_ISSUE);
// The HTTP floor of the issue path: each bench client against a hono server that does nothing (bench.http.ts).
const noopIssue = await noopFloor(N_ISSUE, 8);
// The floor of the call path, measured in this run before the server starts: a bare socket.io broadcast.
const floor = await broadcastFloor(SOCKETS, CALLS);
const idleNode = await idleNodeRssMB();
const srv = await startServerProcess({ env: SERVER_ENV });
try {
  const rssAfterStart = rssMB(srv.pid()!);
  const fx = await fixtures(srv.url);
  const kiosk = await fx.device('kiosk');
  const display = await fx.device('display');
  const clerk = await fx.clerk('bench');
  const areas = await fx.areas();
  const counter = (await fx.counters()).find((c) => c.number === 1);
  const served = areas.filter((a) => counter.areaIds.includes(a.id)).map((a) => a.id);
  // A dedicated area with a wide block and no daily limit, so the demo's limits do not cut the run short, and
  // a counter serving it: a ticket is refused for an area no counter serves (area.no_counter).
  const benchArea = async (code: string, name: string, numberStart: number, counterNumber: number) => {
    const departmentId = areas[0].departmentId;
    const numberEnd = numberStart + 399_999;
    const area = await fx.call('POST', '/api/areas', { code, departmentId, name, numberStart, numberEnd }, fx.admin);
    if (area.status !== 201) throw new Error(`bench area: ${JSON.stringify(area.body)}`);
    const counterBody = { number: counterNumber, name: `Quầy ${name.toLowerCase()}`, areaIds: [area.body.id] };
    await fx.call('POST', '/api/counters', counterBody, fx.admin);
    return area.body.id as string;
  };
  const benchAreaId = await benchArea('BENCH', 'Đo hiệu năng', 100_000, 90);
  // The kiosks' client: node:http keep-alive unless BENCH_ISSUE_CLIENT=fetch (why: scripts/bench/bench.http.ts).
  const issueClient = process.env.BENCH_ISSUE_CLIENT === 'fetch' ? 'fetch (undici)' : 'node:http keep-alive';
  const kioskCall = process.env.BENCH_ISSUE_CLIENT === 'fetch' ? fx.call : keepAliveCall(srv.url);
  const issue = await issueRounds({
    call: kioskCall,
    kioskToken: kiosk.token,
    areaId: benchAreaId,
    n: N_ISSUE,
    rounds: ISSUE_ROUNDS,
    warmup: ISSUE_WARMUP,
    serverPid: srv.pid(),
  });
  // The steady rate of the goal (p99 < 10 ms at 100 tickets/s), in an area of its own so its queue starts empty.
  const steadyArea = await benchArea('BENCH2', 'Đo nhịp đều', 600_000, 91);
  const paced = await pacedIssue(kioskCall, kiosk.token, steadyArea, PACED_RATE, PACED_SECONDS);
  // BENCH_CALL=0 skips the call part (its figures print as n=0, its goal as not measured): the issue path alone.
  let disp: Awaited<ReturnType<typeof callToDisplay>> = { deliveries: summary([]), http: summary([]) };
  if (process.env.BENCH_CALL !== '0') {
    await fx.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk);
    for (let i = 0; i < CALLS; i++)
      await fx.call('POST', '/api/tickets', { areaId: served[i % served.length] }, kiosk.token);
    disp = await callToDisplay(srv.url, fx.call, {
      displayToken: display.token,
      clerkToken: clerk,
      counterId: counter.id,
      sockets: SOCKETS,
      calls: CALLS,
    });
  }
  report({ issue, paced, disp, floor, sockets: SOCKETS, issueClient, noopIssue });
  if (process.env.BENCH_SEARCH !== '0')
    reportProcedureSearchHttp(await benchProcedureSearchHttp(srv.url, fx.admin, kiosk.token));
  if (process.env.BENCH_PRINT !== '0')
    await benchServerPrinting(fx.call, fx.admin, benchAreaId, Number(process.env.BENCH_PRINT_TICKETS ?? 200));
  const rssIdle = rssAfterStart;
  printTable('Bộ nhớ máy chủ / server memory (RSS)', [
    ['floor: idle Node process (same run)', `${fmt(idleNode, 0)} MiB`],
    ['server just started', `${fmt(rssIdle, 0)} MiB`],
    [
      'server after the parts above',
      `${fmt(rssMB(srv.pid()!), 0)} MiB (after the busy hour: see below, goal < 150 MiB)`,
    ],
  ]);
} finally {
  await srv.close();
}

if (process.env.BENCH_PEAK !== '0') reportDay(PEAK, await busyDay(PEAK), bare.opsPerSec, idleNode);
if (process.env.BENCH_DAY !== '0') reportDay(DAY, await busyDay(DAY), bare.opsPerSec, idleNode);
// A year of a busy center (BENCH_REPORT_TICKETS, default 600,000) and every report grouping over it.
if (process.env.BENCH_REPORTS !== '0') await benchReports(Number(process.env.BENCH_REPORT_TICKETS ?? 600_000));
if (process.env.BENCH_PROVINCE !== '0') await benchProvince(PROVINCE);
// The center side of the feed (issue 14): the outbox triggers' cost on the issue path, issue/call latency with the hub down.
if (process.env.BENCH_FEED !== '0') await benchCenterFeed();
