import { cpus, totalmem } from 'node:os';
import { bareInsert, callToDisplay, httpIssue, report } from './bench/bench.queue.ts';
import { fixtures, startServerProcess } from '../test/support/server-process.ts';

/**
 * `npm run bench`: measured figures, never asserted. Runs the real built server in its own process
 * and loads it from this one over loopback.
 */
const N_ISSUE = Number(process.env.BENCH_TICKETS ?? 2000);
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 50);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);

console.log(`Máy / machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}`);

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
  const bench = await fx.call('POST', '/api/areas', { code: 'BENCH', departmentId: areas[0].departmentId, name: 'Đo hiệu năng', numberStart: 100000, numberEnd: 999999 }, fx.admin);
  const issue = await httpIssue(fx.call, kiosk.token, [bench.body.id], N_ISSUE, 8);
  await fx.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk);
  for (let i = 0; i < CALLS; i++) await fx.call('POST', '/api/tickets', { areaId: served[i % served.length] }, kiosk.token);
  const disp = await callToDisplay(srv.url, fx.call, { displayToken: display.token, clerkToken: clerk, counterId: counter.id, sockets: SOCKETS, calls: CALLS });
  report(bare, issue, disp, SOCKETS);
} finally {
  await srv.close();
}
