import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { clerkWorker, type Day } from './clerk.worker.ts';
import { DAY_MINUTES, planDay, rng, serviceMeanMin, type Arrival } from './day.plan.ts';
import { client, Gate, sleep } from './load.client.ts';
import type { IssuedRecord, LoadResult, LoadSignal } from './load.types.ts';
import { watchScreens } from './screens.watch.ts';

/**
 * The busy day, run against a live server from its own process (so the load does not share an event
 * loop with the test that judges it): kiosks issue tickets on the day's arrival curve, 12 clerks call
 * and serve, displays and phones listen. Writes everything it saw to --out as a LoadResult.
 *
 *   node dist/server/scripts/load/load.generator.js --url http://127.0.0.1:8080 --admin-password … \
 *     --tickets 600 --day-seconds 30 --displays 5 --phones 50 --out result.json [--park-on-fault]
 */
const { values: a } = parseArgs({
  options: {
    url: { type: 'string' },
    'admin-password': { type: 'string' },
    out: { type: 'string' },
    tickets: { type: 'string', default: '600' },
    'day-seconds': { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    displays: { type: 'string', default: '5' },
    phones: { type: 'string', default: '50' },
    kiosks: { type: 'string', default: '4' },
    'max-seconds': { type: 'string' },
    'park-on-fault': { type: 'boolean', default: false },
    'user-prefix': { type: 'string', default: 'load' },
    // Run only part of the day (minutes since 07:00), e.g. the 09:00–10:00 peak: 120–180.
    'from-min': { type: 'string', default: '0' },
    'to-min': { type: 'string', default: String(DAY_MINUTES) },
    // Displays beyond this many only measure latency (keeping every event of 200 screens costs the generator memory and CPU).
    'record-displays': { type: 'string', default: '5' },
  },
});
const N = Number(a.tickets),
  DAY_S = Number(a['day-seconds']),
  SEED = Number(a.seed);
const FROM = Number(a['from-min']),
  TO = Number(a['to-min']);
const signal = (s: LoadSignal) => process.stdout.write(`${JSON.stringify(s)}\n`);
const t0 = performance.now();
const deadline = t0 + 1000 * Number(a['max-seconds'] ?? DAY_S * 3 + 60);

const gate = new Gate(a['park-on-fault']);
const http = client(a.url!, gate);
const screens = watchScreens(a.url!, gate);
const must = async (method: string, path: string, body: unknown, token?: string) => {
  const r = await http.send(method, path, body, token, true);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

// Set-up: the demo center's areas and counters, a clerk per counter, kiosk and display devices.
const admin = (await must('POST', '/api/auth/login', { username: 'admin', password: a['admin-password'] }))
  .token as string;
const areaList = (await must('GET', '/api/areas', undefined, admin)) as any[];
const counterList = ((await must('GET', '/api/counters', undefined, admin)) as any[]).sort(
  (x, y) => x.number - y.number,
);
const device = async (kind: string, i: number) =>
  (await must('POST', '/api/devices', { kind, name: `${kind} ${a['user-prefix']} ${i}` }, admin)).token as string;
const kiosks = await Promise.all(Array.from({ length: Number(a.kiosks) }, (_, i) => device('kiosk', i)));
const displayTokens = await Promise.all(
  Array.from({ length: Math.min(5, Number(a.displays)) }, (_, i) => device('display', i)),
);
const clerkTokens: string[] = [];
for (const c of counterList) {
  const username = `${a['user-prefix']}-${c.number}`;
  await must(
    'POST',
    '/api/users',
    { username, password: 'password-123', displayName: `Cán bộ ${c.number}`, role: 'clerk' },
    admin,
  );
  clerkTokens.push((await must('POST', '/api/auth/login', { username, password: 'password-123' })).token);
}
for (let i = 0; i < Number(a.displays); i++)
  await screens.connectDisplay(displayTokens[i % displayTokens.length]!, i < Number(a['record-displays']));

const res: LoadResult = {
  tickets: N,
  areas: Object.fromEntries(areaList.map((x) => [x.code, { id: x.id, numberStart: x.numberStart }])),
  counters: {},
  issued: [],
  ackedCalls: [],
  expected: {},
  uncertain: [],
  displays: screens.displays,
  phones: screens.phones,
  errors: [],
  counts: { finishes: 0, noShows: 0, transfers: 0, recalls: 0, lateCalls: 0, pauses: 0, implicitFinishes: 0 },
  latency: { issueMs: [], callMs: [], deliveryMs: screens.deliveryMs },
  wallMs: 0,
  parkedMs: 0,
};
const msPerMin = (DAY_S * 1000) / DAY_MINUTES;
let start = performance.now();
let dayOver = false,
  drained = false;
const uncertain = new Set<string>();
const day: Day = {
  http,
  gate,
  screens,
  rand: rng(SEED + 7),
  msPerMin,
  serviceMeanMin: serviceMeanMin(N, counterList.length),
  simMinute: () => FROM + (performance.now() - start - gate.parkedMs) / msPerMin,
  dayOver: () => dayOver,
  drained: () => drained,
  deadline,
  counters: counterList.map((c) => ({ id: c.id, number: c.number, areaIds: c.areaIds })),
  areaIds: areaList.map((x) => x.id),
  expected: res.expected,
  uncertain,
  ackedCalls: res.ackedCalls,
  errors: res.errors,
  counts: res.counts,
  callMs: res.latency.callMs,
};
const clerks = counterList.map((c, i) => {
  res.counters[c.id] = { id: c.id, number: c.number, clerk: `${a['user-prefix']}-${c.number}` };
  return clerkWorker(day, day.counters[i]!, clerkTokens[i]!);
});

// A crash test steers from outside: report what is settled when parked, then wait for "resume".
gate.onPark = () =>
  void (async () => {
    screens.resetFresh();
    await http.settled();
    const counters = Object.fromEntries(
      counterList.map((c, i) => [c.id, { current: clerks[i]!.state.current, uncertain: clerks[i]!.state.inflight }]),
    );
    signal({ type: 'parked', counters, issued: res.issued.length });
    for (let i = 0; i < 600 && !screens.allFresh(); i++) await sleep(100);
    signal({ type: 'resynced', snapshots: screens.latestSnapshots() });
  })();
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'resume') gate.open();
});

async function issue(arr: Arrival, j: number): Promise<void> {
  const body = { areaId: res.areas[arr.areaCode]!.id, priority: arr.priority, idempotencyKey: `day-${SEED}-${arr.i}` };
  const kiosk = kiosks[arr.i % kiosks.length]!;
  const r = await http.send('POST', '/api/tickets', body, kiosk, true);
  if (r.status !== 201 && r.status !== 200) {
    res.errors.push(`issue ${arr.i}: ${r.status} ${JSON.stringify(r.body)}`);
    return;
  }
  if (!r.retried) res.latency.issueMs.push(r.ms);
  const rec: IssuedRecord = {
    key: body.idempotencyKey,
    areaCode: arr.areaCode,
    priority: arr.priority,
    id: r.body.id,
    number: r.body.number,
    status: r.status,
    doubleTapId: null,
    retriedAfterFault: r.retried,
  };
  res.issued.push(rec);
  res.expected[rec.id] ??= { status: 'waiting', counterId: null };
  // A citizen taps twice: the same key must bring back the same ticket.
  if (arr.doubleTap) rec.doubleTapId = (await http.send('POST', '/api/tickets', body, kiosk, true)).body.id ?? null;
  if (j % phoneEvery === 0 && screens.phones.length < Number(a.phones))
    await screens.connectPhone(rec.id).catch((e) => res.errors.push(`phone: ${e}`));
}

signal({ type: 'ready' });
start = performance.now();
const progress = setInterval(
  () => signal({ type: 'progress', issued: res.issued.length, calls: res.ackedCalls.length }),
  1000,
);
const working = clerks.map((c) => c.run());
const pending = new Set<Promise<void>>();
const arrivals = planDay({ tickets: N, seed: SEED }).filter((x) => x.atMin >= FROM && x.atMin < TO);
// Phones follow tickets spread over the run.
const phoneEvery = Math.max(1, Math.floor(arrivals.length / Math.max(1, Number(a.phones))));
for (const [j, arr] of arrivals.entries()) {
  if (performance.now() > deadline) {
    res.errors.push('deadline reached while issuing');
    break;
  }
  await sleep((arr.atMin - day.simMinute()) * msPerMin);
  await gate.wait();
  const p = issue(arr, j)
    .catch((e) => {
      res.errors.push(`issue ${arr.i}: ${e}`);
    })
    .finally(() => pending.delete(p));
  pending.add(p);
  if (pending.size >= 32) await Promise.race(pending); // bounded: a slow server slows the kiosks, it does not pile up requests
}
await Promise.all(pending);
dayOver = true;
// Drained when every clerk is idle and nothing waits anywhere (no transfer can start after the day is over).
while (!drained && performance.now() < deadline) {
  await sleep(200);
  if (gate.parked || !clerks.every((c) => c.idle())) continue;
  const areas = (await http.send('GET', '/api/areas', undefined, admin, true)).body as any[];
  // Only the areas this day issues in: a test may add its own area beside the day.
  if (
    areas.filter((x) => res.areas[x.code]?.id === x.id).reduce((s, x) => s + x.waiting, 0) === 0 &&
    clerks.every((c) => c.idle())
  )
    drained = true;
}
if (!drained) res.errors.push('not drained before the deadline');
await Promise.all(working);
clearInterval(progress);
res.uncertain = [...uncertain];
res.wallMs = performance.now() - t0;
res.parkedMs = gate.parkedMs;
await sleep(300); // the last events reach the displays
screens.close();
writeFileSync(a.out!, JSON.stringify(res));
process.stdout.write(`${JSON.stringify({ type: 'done', out: a.out! } satisfies LoadSignal)}\n`, () => process.exit(0));
