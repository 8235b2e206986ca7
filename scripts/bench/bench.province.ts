import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { rebuildReportDays } from '../../province/src/reports/report-days.rebuild.ts';
import { rollUpMonths } from '../../province/src/reports/report-months.rollup.ts';
import { createPgDb } from '../../province/src/storage/pg.db.ts';
import { startPgCluster } from '../../province/src/testing/pg.cluster.testing.ts';
import { freePort } from '../../test/support/server-process.ts';
import { centerCode, centerDay, centerName } from '../province/province.day.ts';
import { createCenter, hubLogin } from '../province/province.push.ts';
import { runCenters, type LoadResult } from './bench.province.load.ts';
import { sampleProcess, type ProcFigures } from './bench.proc.ts';
import { fillProvinceYear, timeYearReports } from './bench.province.year.ts';
import { fmt, printTable, summary } from './bench.stats.ts';

/**
 * Issue 14's figures: 130 commune centers push a busy day into one hub on PostgreSQL (the production set-up) over
 * HTTP, concurrently, the day compressed in time; then the same centers push a whole day's backlog at once (the
 * end of a province-wide outage: the hub's ingestion ceiling); then a year of the province in the fact tables and
 * the year report timed. Beside each figure its floor from the same run: a bare HTTP server that parses the same
 * batches and acknowledges them (no database), and one SQL pass over the facts table.
 */
export interface ProvinceBenchOpts {
  centers: number;
  ticketsPerCenter: number;
  daySeconds: number;
  yearTicketsPerCenterDay: number;
  /** `pglite`: the hub's embedded default instead of PostgreSQL (the day and the backlog only: no outside client). */
  db?: 'pg' | 'pglite';
}

const ADMIN_PASSWORD = 'bench-province-pass';
const HUB_MAIN = fileURLToPath(new URL('../../province/src/main.js', import.meta.url));

/** The floor's server: reads the batch, parses the JSON, answers the ack; nothing else. */
const FLOOR_SERVER = `
const http = require('node:http');
const srv = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const b = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const last = b.items.length ? b.items[b.items.length - 1].seq : b.fromSeq - 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ackSeq: last, catalogVersion: 0 }));
  });
});
srv.listen(Number(process.argv[1]), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

async function waitReady(child: ChildProcess, url: string | null, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited: ${out.slice(-2000)}`);
    if (url) {
      const ok = await fetch(`${url}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
    } else if (out.includes('ready')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} not ready: ${out.slice(-2000)}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await gone;
}

function vnDay(ms: number): string {
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
}

export async function benchProvince(o: ProvinceBenchOpts): Promise<void> {
  const pglite = o.db === 'pglite';
  const cluster = pglite ? null : await startPgCluster();
  const dataDir = pglite ? mkdtempSync(join(tmpdir(), 'hcc-bench-pglite-')) : null;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const hub = spawn(process.execPath, [HUB_MAIN], {
    env: {
      ...process.env,
      ...(cluster
        ? { PROVINCE_DATABASE_URL: cluster.url }
        : { PROVINCE_DATABASE_URL: '', PROVINCE_DATA_DIR: dataDir! }),
      PROVINCE_PORT: String(port),
      HOST: '127.0.0.1',
      PROVINCE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const floorPort = await freePort();
  const floor = spawn(process.execPath, ['-e', FLOOR_SERVER, String(floorPort)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const rows: [string, string][] = [];
  // Each figure is printed as soon as it is measured: a long run stopped half-way still tells what it measured.
  const add = (k: string, v: string) => {
    rows.push([k, v]);
    console.log(`  ${k}: ${v}`);
  };
  try {
    await waitReady(hub, url, 'hub');
    await waitReady(floor, null, 'floor server');
    const admin = await hubLogin(url, 'admin', ADMIN_PASSWORD);
    const tokens: string[] = [];
    for (let i = 0; i < o.centers; i++)
      tokens.push((await createCenter(url, admin, centerCode(i), centerName(i))).token);

    // 1. The busy day, live: today's date, so the control room's query below reads a full day.
    const today = vnDay(Date.now());
    const live = tokens.map((token, i) => ({
      token,
      items: centerDay({ index: i, day: today, tickets: o.ticketsPerCenter }),
    }));
    const nItems = live.reduce((s, c) => s + c.items.length, 0);
    const dayStart = Math.min(...live.map((c) => c.items[0]!.at));
    const dayEnd = Math.max(...live.map((c) => c.items[c.items.length - 1]!.at));
    const speed = (dayEnd - dayStart) / 1000 / o.daySeconds;
    const proc = sampleProcess(hub.pid!);
    const day = await runCenters(url, live, { dayStart, speed });
    const dayProc = proc.stop();
    const tiles = await timeTiles(url, admin);
    const sentTickets = o.centers * o.ticketsPerCenter;
    const heldToday = await issuedOn(url, admin, today);

    // 2. A whole day's backlog from every center at once (yesterday's date: facts the hub has not seen).
    const yesterday = vnDay(Date.now() - 86_400_000);
    const backlog = (seqFrom: (i: number) => number) =>
      tokens.map((token, i) => ({
        token,
        items: centerDay({ index: i, day: yesterday, tickets: o.ticketsPerCenter, idPrefix: 'y-' }).map((it) => ({
          ...it,
          seq: it.seq + seqFrom(i),
        })),
      }));
    const lastSeq = live.map((c) => c.items.length);
    const proc2 = sampleProcess(hub.pid!);
    const flood = await runCenters(
      url,
      backlog((i) => lastSeq[i]!),
      { dayStart: 0, speed: Infinity },
    );
    const floodProc = proc2.stop();
    const heldYesterday = await issuedOn(url, admin, yesterday);
    const floorDay = await runCenters(
      `http://127.0.0.1:${floorPort}`,
      backlog(() => 0),
      { dayStart: 0, speed: Infinity },
    );

    const line = (r: LoadResult, p: ProcFigures | null) => {
      const lag = summary(r.lagMs),
        b = summary(r.batchMs);
      return `${fmt(r.itemsPerSec, 0)} items/s (${r.items} items, ${r.batches} batches, ${fmt(r.wallSec, 1)} s); lag p50 ${fmt(lag.p50, 0)} ms, p99 ${fmt(lag.p99, 0)} ms, max ${fmt(lag.max, 0)} ms; batch answer p50 ${fmt(b.p50, 0)} ms, p99 ${fmt(b.p99, 0)} ms${p ? `; hub CPU avg ${fmt(p.avgPct, 0)} % of one core (peak ${fmt(p.peakPct, 0)} %), RSS ${fmt(p.rssStartMB, 0)} → peak ${fmt(p.rssPeakMB, 0)} MiB` : ''}${r.errors.length ? `; ${r.errors.length} errors: ${r.errors.slice(0, 2).join('; ')}` : ''}`;
    };
    add(
      `busy day: ${o.centers} centers × ${o.ticketsPerCenter} tickets (${nItems} items) at ${fmt(speed, 0)}× real time (${o.daySeconds} s)`,
      line(day, dayProc),
    );
    add(`  control room: GET /api/province/centers (${o.centers} tiles) after the day`, tiles);
    add(
      '  check: tickets the hub counts (report by center, issued) / tickets the centers sent',
      `today ${heldToday} / ${sentTickets}, backlog day ${heldYesterday} / ${sentTickets}`,
    );
    add(`backlog: ${o.centers} centers push a whole day at once (catch-up)`, line(flood, floodProc));
    add('  floor: the same batches to a bare HTTP server (JSON parse + ack, no database)', line(floorDay, null));

    // 3. A year of the province, written straight into the fact tables, and the year report over HTTP.
    if (!cluster) return;
    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    try {
      const year = Number(today.slice(0, 4)) - 1;
      const gen = await fillProvinceYear(db, year, o.yearTicketsPerCenterDay);
      add(
        `year ${year}: ${gen.tickets} tickets, ${gen.events} events, ${gen.ratings} ratings over ${gen.days} working days`,
        `generated in ${fmt(gen.sec, 1)} s`,
      );
      // The year went into the fact tables past the feed, so no aggregate holds it: as on a hub just migrated to
      // 0002, reports read every ticket (the report SQL) until the centers are rebuilt. Both are timed.
      await db.query('UPDATE centers SET report_days_version = 0');
      await timeYearReports(db, url, admin, year, add, 'report SQL over every ticket (before)');
      const hubDb = createPgDb(cluster.url, () => undefined);
      try {
        const s = performance.now();
        const n = await rebuildReportDays(hubDb);
        add(
          `rebuild of the daily aggregates from the facts (${n} centers)`,
          `${fmt((performance.now() - s) / 1000, 1)} s`,
        );
        await timeYearReports(db, url, admin, year, add, 'daily aggregates');
        // What the hub's upkeep does after its start-up rebuild (migration 0003), here at once.
        const r = performance.now();
        const months = await rollUpMonths(hubDb, { now: Date.now() });
        add(`roll-up of past months (${months} center-months)`, `${fmt((performance.now() - r) / 1000, 1)} s`);
      } finally {
        await hubDb.close();
      }
      await timeYearReports(db, url, admin, year, add, 'monthly roll-ups (after)');
    } finally {
      await db.end();
    }
  } finally {
    await stop(hub).catch(() => undefined);
    await stop(floor).catch(() => undefined);
    await cluster?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    printTable(
      `Máy chủ tỉnh / province hub on ${pglite ? 'PGlite (embedded)' : 'PostgreSQL'} (${o.centers} centers)`,
      rows,
    );
  }
}

/** What the hub holds for a day: the province report's issued total (the same definition as a center's report). */
async function issuedOn(url: string, token: string, day: string): Promise<number> {
  const r = await fetch(`${url}/api/province/reports/summary?from=${day}&to=${day}&groupBy=center`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await r.json()) as { totals: { issued: number } }).totals.issued;
}

async function timeTiles(url: string, token: string): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    const r = await fetch(`${url}/api/province/centers`, { headers: { authorization: `Bearer ${token}` } });
    await r.json();
    ms.push(performance.now() - s);
  }
  const s = summary(ms);
  return `p50 ${fmt(s.p50, 0)} ms, max ${fmt(s.max, 0)} ms (n=5)`;
}
