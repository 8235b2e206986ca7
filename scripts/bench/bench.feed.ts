import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedCenter } from '../../server/src/core/catalog/seed.ts';
import { ManualClock } from '../../server/src/core/clock.ts';
import type { Actor } from '../../server/src/core/entities.ts';
import { createUnitOfWork } from '../../server/src/core/ports.ts';
import { createSettingsService } from '../../server/src/core/settings/settings.service.ts';
import { issueTicket } from '../../server/src/core/tickets/tickets.usecases.ts';
import { openDatabase } from '../../server/src/storage/db.ts';
import { createStore } from '../../server/src/storage/store.ts';
import { fixtures, freePort, startServerProcess } from '../../test/support/server-process.ts';
import { fmt, printTable, summary } from './bench.stats.ts';

/**
 * Issue 14, the center side of the province feed (`node dist/server/scripts/bench/bench.feed.js`): what the outbox
 * triggers cost on the issue path (the real use case on a file database, WAL + synchronous=FULL, feed off vs on),
 * and the latency of issuing and calling over HTTP on the real server with no hub, with the hub's port refusing,
 * and with a hub that accepts and never answers (the sender's fetches time out in the background).
 */
const DEMO = new URL('../../server/src/seed/demo-center.json', import.meta.url);

export function issuePathCost(n: number, onDisk: boolean): { off: number; on: number; linesPerTicket: number } {
  const run = (feed: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-feed-'));
    const db = openDatabase(onDisk ? join(dir, 'queue.sqlite') : ':memory:');
    const store = createStore(db);
    const clock = new ManualClock(Date.parse('2026-11-26T08:00:00+07:00'));
    seedCenter(store, clock, JSON.parse(readFileSync(DEMO, 'utf8')));
    db.prepare("UPDATE areas SET number_end = 999999, daily_limit = NULL WHERE code = 'LLTP'").run();
    if (feed) db.prepare('UPDATE province_state SET enabled = 1 WHERE id = 1').run();
    const unit = createUnitOfWork(
      { store, clock, settings: createSettingsService(store, clock) },
      { publish: () => {} },
    );
    const area = store.catalog.areas().find((a) => a.code === 'LLTP')!.id;
    const kiosk: Actor = {
      kind: 'device',
      id: 'k',
      deviceKind: 'kiosk',
      counterId: null,
      kioskId: null,
      printer: null,
      name: 'k',
    };
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      unit((tx) => issueTicket(tx, { areaId: area, actor: kiosk }));
      clock.advance(1000);
    }
    const rate = n / ((performance.now() - t0) / 1000);
    const lines = db.prepare('SELECT COUNT(*) FROM outbox').pluck().get() as number;
    db.close();
    rmSync(dir, { recursive: true, force: true });
    return { rate, lines };
  };
  // A warm-up of each (JIT, page cache) not counted; then alternated, five runs each, the median: the cores are
  // shared, one run alone says little.
  run(false);
  run(true);
  const runs = Array.from({ length: 10 }, (_, i) => run(i % 2 === 1));
  const median = (feed: boolean) => {
    const r = runs.filter((_, i) => i % 2 === (feed ? 1 : 0)).map((x) => x.rate);
    return r.sort((a, b) => a - b)[Math.floor(r.length / 2)]!;
  };
  return { off: median(false), on: median(true), linesPerTicket: runs[1]!.lines / n };
}

/** A hub that accepts connections and never answers (an unplugged link beyond the switch). */
async function blackhole(): Promise<{ port: number; close(): Promise<void> }> {
  const held = new Set<Socket>();
  const s = createTcpServer((c) => held.add(c));
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    port: (s.address() as { port: number }).port,
    close: () => {
      for (const c of held) c.destroy();
      return new Promise((r) => s.close(() => r()));
    },
  };
}

async function issueAndCall(env: Record<string, string>, n: number) {
  const srv = await startServerProcess({ env: { LOG_LEVEL: 'quiet', ...env } });
  try {
    const fx = await fixtures(srv.url);
    const kiosk = await fx.device('kiosk');
    const clerk = await fx.clerk('bench');
    const counter = (await fx.counters()).find((c) => c.number === 1);
    const area = counter.areaIds[0];
    await fx.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk);
    const issue: number[] = [];
    const call: number[] = [];
    for (let i = 0; i < n; i++) {
      let t = performance.now();
      const r = await fx.call('POST', '/api/tickets', { areaId: area }, kiosk.token);
      if (r.status !== 201) throw new Error(`issue: ${r.status} ${JSON.stringify(r.body)}`);
      issue.push(performance.now() - t);
      t = performance.now();
      const c = await fx.call('POST', `/api/counters/${counter.id}/call-next`, {}, clerk);
      if (c.status !== 200) throw new Error(`call: ${c.status} ${JSON.stringify(c.body)}`);
      call.push(performance.now() - t);
      await fx.call('POST', `/api/counters/${counter.id}/finish`, {}, clerk);
    }
    const link = (await fx.call('GET', '/api/province/link', undefined, fx.admin)).body;
    return { issue: summary(issue), call: summary(call), link };
  } finally {
    await srv.close();
  }
}

export async function benchCenterFeed(n = Number(process.env.BENCH_FEED_N ?? 300)) {
  const issues = Number(process.env.BENCH_FEED_ISSUES ?? 1000);
  for (const onDisk of [true, false]) {
    const cost = issuePathCost(onDisk ? issues : issues * 5, onDisk);
    printTable(
      `Nguồn cấp lên tỉnh: giá trên đường cấp số (use case, ${onDisk ? 'tệp SQLite WAL + FULL' : 'SQLite trong bộ nhớ: chỉ CPU'})`,
      [
        ['cấp số/giây, không nối tỉnh', fmt(cost.off, 0)],
        ['cấp số/giây, nối tỉnh (outbox)', fmt(cost.on, 0)],
        ['chênh lệch', `${fmt((1 - cost.on / cost.off) * 100, 1)} %`],
        ['dòng outbox mỗi số', fmt(cost.linesPerTicket, 2)],
      ],
    );
  }
  const refused = await freePort();
  const hole = await blackhole();
  try {
    const cases: [string, Record<string, string>][] = [
      ['không có tỉnh', {}],
      ['tỉnh tắt (cổng từ chối)', { PROVINCE_URL: `http://127.0.0.1:${refused}`, PROVINCE_TOKEN: 'x' }],
      ['tỉnh im lặng (không trả lời)', { PROVINCE_URL: `http://127.0.0.1:${hole.port}`, PROVINCE_TOKEN: 'x' }],
      // Once more at the end: how much two runs of the same case differ on this machine (the noise).
      ['không có tỉnh, lần 2', {}],
    ];
    for (const [name, env] of cases) {
      const r = await issueAndCall(env, n);
      printTable(`Độ trễ HTTP, ${name} (${n} lượt, ms)`, [
        ['cấp số p50 / p99', `${fmt(r.issue.p50, 2)} / ${fmt(r.issue.p99, 2)}`],
        ['gọi số p50 / p99', `${fmt(r.call.p50, 2)} / ${fmt(r.call.p99, 2)}`],
        ['trạng thái nối tỉnh', `${r.link.state}, chờ gửi ${r.link.pending}`],
      ]);
    }
  } finally {
    await hole.close();
  }
}

if (process.argv[1]?.endsWith('bench.feed.js')) await benchCenterFeed();
