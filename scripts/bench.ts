import { cpus, totalmem } from 'node:os';
import { bareInsert, callToDisplay, httpIssue, report } from './bench/bench.queue.ts';
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
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 50);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
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
const srv = await startServerProcess({ env: { LOG_LEVEL: 'quiet' } });
try {
  const fx = await fixtures(srv.url);
  const kiosk = await fx.device('kiosk');
  const display = await fx.device('display');
  const clerk = await fx.clerk('bench');
  const areas = await fx.areas();
  const counter = (await fx.counters()).find((c) => c.number === 1);
  const served = areas.filter((a) => counter.areaIds.includes(a.id)).map((a) => a.id);
  // A dedicated area with a wide block and no daily limit, so the demo's limits do not cut the run short.
  const bench = await fx.call(
    'POST',
    '/api/areas',
    {
      code: 'BENCH',
      departmentId: areas[0].departmentId,
      name: 'Đo hiệu năng',
      numberStart: 100000,
      numberEnd: 999999,
    },
    fx.admin,
  );
  const issue = await httpIssue(fx.call, kiosk.token, [bench.body.id], N_ISSUE, 8);
  await fx.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk);
  for (let i = 0; i < CALLS; i++)
    await fx.call('POST', '/api/tickets', { areaId: served[i % served.length] }, kiosk.token);
  const disp = await callToDisplay(srv.url, fx.call, {
    displayToken: display.token,
    clerkToken: clerk,
    counterId: counter.id,
    sockets: SOCKETS,
    calls: CALLS,
  });
  report(bare, issue, disp, SOCKETS);
  if (process.env.BENCH_SEARCH !== '0')
    reportProcedureSearchHttp(await benchProcedureSearchHttp(srv.url, fx.admin, kiosk.token));
  if (process.env.BENCH_PRINT !== '0')
    await benchServerPrinting(fx.call, fx.admin, bench.body.id, Number(process.env.BENCH_PRINT_TICKETS ?? 200));
} finally {
  await srv.close();
}

if (process.env.BENCH_PEAK !== '0') reportDay(PEAK, await busyDay(PEAK), bare.opsPerSec);
if (process.env.BENCH_DAY !== '0') reportDay(DAY, await busyDay(DAY), bare.opsPerSec);
// A year of a busy center (BENCH_REPORT_TICKETS, default 600,000) and every report grouping over it.
if (process.env.BENCH_REPORTS !== '0') await benchReports(Number(process.env.BENCH_REPORT_TICKETS ?? 600_000));
if (process.env.BENCH_PROVINCE !== '0') await benchProvince(PROVINCE);
// The center side of the feed (issue 14): the outbox triggers' cost on the issue path, issue/call latency with the hub down.
if (process.env.BENCH_FEED !== '0') await benchCenterFeed();
