import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../server/src/core/clock.ts';
import type { Actor } from '../server/src/core/entities.ts';
import * as counters from '../server/src/core/counters/counters.usecases.ts';
import { rateTicket } from '../server/src/core/ratings/ratings.usecases.ts';
import { issueTicket } from '../server/src/core/tickets/tickets.usecases.ts';
import { startTestServer, type TestServer } from '../server/src/testing/server.testing.ts';
import { recordUnexpected } from '../server/src/testing/unexpected.testing.ts';
import { startPgCluster, type PgCluster } from '../province/src/testing/pg.cluster.testing.ts';
import { freePort, ROOT } from './support/server-process.ts';
import { startProxy } from './support/tcp.proxy.ts';

/**
 * Issue 14, the faults on real parts: the hub in its own process (built: `npm test` builds dist/ first;
 * HCC_PROVINCE_MAIN points at a private build) over a real PostgreSQL server, the center's real sender, the
 * network through the TCP proxy. After each fault the hub's report for the day equals the center's own report:
 * nothing lost, nothing counted twice.
 */
const HUB_MAIN = process.env.HCC_PROVINCE_MAIN
  ? resolve(process.env.HCC_PROVINCE_MAIN)
  : join(ROOT, 'dist/server/province/src/main.js');
const HUB_PASSWORD = 'hub-admin-faults';
const DAY = '2026-11-26';

let cluster: PgCluster;
let hubPort: number;
let hubChild: ChildProcess | null = null;
let hubExpectedExit = true;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let centerToken: string;
let dataDir: string;
const clock = new ManualClock(Date.parse(`${DAY}T08:00:00+07:00`));
let t: TestServer;

async function hubCall(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`http://127.0.0.1:${hubPort}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function startHubProcess(): Promise<void> {
  hubExpectedExit = true;
  let output = '';
  const c = spawn(process.execPath, [HUB_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PROVINCE_PORT: String(hubPort),
      HOST: '127.0.0.1',
      PROVINCE_DATABASE_URL: cluster.url,
      PROVINCE_ADMIN_PASSWORD: HUB_PASSWORD,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  hubChild = c;
  c.stdout!.on('data', (d) => (output += d));
  c.stderr!.on('data', (d) => (output += d));
  c.once('exit', (code, signal) => {
    if (!hubExpectedExit && hubChild === c)
      recordUnexpected({ source: 'hub process', message: `hub exited (${code}, ${signal}): ${output.slice(-3000)}` });
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await hubCall('GET', '/api/health')).status === 200) {
        hubExpectedExit = false;
        return;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the hub did not start: ${output.slice(-3000)}`);
}
async function stopHub(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  const c = hubChild;
  if (!c || c.exitCode !== null) return;
  hubExpectedExit = true;
  const gone = new Promise((r) => c.once('exit', r));
  c.kill(signal);
  await gone;
}

/** The center's work, through its own use cases: issued, called, served (some no-shows), rated. */
function work(n: number): void {
  const s = t.server.services;
  const areas = s.deps.store.catalog.areas().filter((a) => a.active);
  const desk = s.deps.store.catalog.counters().find((c) => c.number === 1)!;
  const clerk = s.deps.store.accounts.users().find((u) => u.username === 'faults-clerk')!;
  const actor: Actor = { kind: 'user', id: clerk.id, role: 'clerk', username: clerk.username, displayName: 'x' };
  const kiosk: Actor = {
    kind: 'device',
    id: 'kiosk-f',
    deviceKind: 'kiosk',
    counterId: null,
    kioskId: null,
    printer: null,
    name: 'k',
  };
  const pad: Actor = {
    kind: 'device',
    id: 'pad-f',
    deviceKind: 'rating',
    counterId: desk.id,
    kioskId: null,
    printer: null,
    name: 'p',
  };
  if (s.deps.store.catalog.counter(desk.id)?.status !== 'open')
    s.run((tx) => counters.openCounter(tx, { counterId: desk.id, actor }));
  const served = new Set(desk.areaIds);
  for (let i = 0; i < n; i++) {
    const area = areas.filter((a) => served.has(a.id))[i % served.size] ?? areas[0]!;
    s.run((tx) => issueTicket(tx, { areaId: area.id, actor: kiosk }));
    clock.advance(7_000);
    if (i % 3 === 0) continue; // a third still waits
    const called = s.run((tx) => counters.callNext(tx, { counterId: desk.id, actor }));
    if (!called) continue;
    clock.advance(20_000);
    if (i % 5 === 0) {
      s.run((tx) => counters.finish(tx, { counterId: desk.id, actor }, 'no_show'));
      continue;
    }
    s.run((tx) => counters.startServing(tx, { counterId: desk.id, actor }));
    clock.advance(60_000);
    s.run((tx) => counters.finish(tx, { counterId: desk.id, actor }));
    if (i % 2 === 0) s.run((tx) => rateTicket(tx, { ticketId: called.id, level: 'satisfied', actor: pad }));
  }
}

async function startCenter(): Promise<void> {
  t = await startTestServer({
    dataDir,
    clock,
    env: { PROVINCE_URL: proxy.url, PROVINCE_TOKEN: centerToken },
    province: { timeoutMs: 3000, pollMs: 50, backoffBaseMs: 100, backoffCapMs: 1000, batchSize: 40 },
  });
}

const FIELDS = ['issued', 'served', 'noShow', 'transferred', 'expired', 'avgWaitSec', 'medianWaitSec', 'p90WaitSec'];
const pick = (row: Record<string, unknown>) =>
  Object.fromEntries([...FIELDS, 'avgServiceSec', 'ratings', 'ratedCount'].map((k) => [k, row[k]]));

/** Waits until the center has nothing pending and the hub answered, then compares the day's reports. */
async function expectConverged(): Promise<void> {
  const link = t.server.services.province;
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    const v = link.view();
    if (v.state === 'ok' && v.pending === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(link.view()).toMatchObject({ state: 'ok', pending: 0, lagSec: 0, lastError: null });
  const own = await t.call('GET', `/api/reports/summary?from=${DAY}&to=${DAY}&groupBy=area`, undefined, t.adminToken);
  const login = await hubCall('POST', '/api/auth/login', { username: 'admin', password: HUB_PASSWORD });
  const hub = await hubCall(
    'GET',
    `/api/province/reports/summary?from=${DAY}&to=${DAY}&groupBy=center`,
    undefined,
    login.json.token,
  );
  expect(hub.status).toBe(200);
  expect(own.body.totals.issued).toBeGreaterThan(0);
  expect(pick(hub.json.totals)).toEqual(pick(own.body.totals));
}

beforeAll(async () => {
  if (!existsSync(HUB_MAIN)) throw new Error(`the hub is not built: ${HUB_MAIN} (npm test builds it)`);
  cluster = await startPgCluster();
  hubPort = await freePort();
  await startHubProcess();
  proxy = await startProxy(hubPort);
  const login = await hubCall('POST', '/api/auth/login', { username: 'admin', password: HUB_PASSWORD });
  const made = await hubCall('POST', '/api/province/centers', { code: 'XA-01', name: 'Xã Một' }, login.json.token);
  expect(made.status).toBe(201);
  centerToken = made.json.token;
  dataDir = mkdtempSync(join(tmpdir(), 'hcc-province-faults-'));
  await startCenter();
  await t.createClerk('faults-clerk');
  work(10);
  await expectConverged();
}, 120_000);

afterAll(async () => {
  await t?.close(false);
  await stopHub('SIGTERM');
  await proxy?.close();
  await cluster?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('province feed under faults (real hub process, real PostgreSQL)', { timeout: 90_000 }, () => {
  it('hub down while the center works: the queue goes on, everything arrives once when the hub is back', async () => {
    await stopHub('SIGTERM');
    work(30);
    await new Promise((r) => setTimeout(r, 500));
    expect(t.server.services.province.view()).toMatchObject({ state: 'retrying' });
    expect(t.server.services.province.view().pending).toBeGreaterThan(0);
    await startHubProcess();
    await expectConverged();
  });

  it('hub killed with kill -9 in the middle of sending batches: nothing lost, nothing twice', async () => {
    const before = t.server.services.province.outbox.state().ackSeq;
    work(120); // several hundred lines: many batches of 40
    const deadline = Date.now() + 20_000;
    while (t.server.services.province.outbox.state().ackSeq === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    await stopHub('SIGKILL');
    expect(t.server.services.province.outbox.pending().count).toBeGreaterThan(0);
    await startHubProcess();
    await expectConverged();
  });

  it('PostgreSQL restarted under the hub', async () => {
    await cluster.stop();
    work(20);
    await new Promise((r) => setTimeout(r, 500));
    expect(t.server.services.province.view().state).toBe('retrying');
    await cluster.restart();
    await expectConverged();
  });

  it('the center restarted with lines pending: it resumes from the acknowledged seq', async () => {
    proxy.cut();
    work(20);
    await t.close(false);
    proxy.restore();
    await startCenter();
    work(5);
    await expectConverged();
  });

  it('the network cut, then stalled (answers never come), through the TCP proxy', async () => {
    proxy.cut();
    work(15);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.server.services.province.view().state).toBe('retrying');
    proxy.restore();
    await expectConverged();
    proxy.stall();
    work(10);
    await new Promise((r) => setTimeout(r, 3500)); // longer than the sender's timeout
    expect(t.server.services.province.view().lastError).toMatch(/timeout/);
    proxy.restore();
    await expectConverged();
  });
});
