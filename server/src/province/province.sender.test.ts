import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../core/entities.ts';
import * as counters from '../core/counters/counters.usecases.ts';
import { rateTicket } from '../core/ratings/ratings.usecases.ts';
import { issueTicket } from '../core/tickets/tickets.usecases.ts';
import { coreHarness } from '../testing/core.harness.testing.ts';
import { startFakeHub, type FakeHub } from './fake.hub.testing.ts';
import { createOutboxStore } from './outbox.store.ts';
import { createProvinceSender, type CycleResult, type SenderOptions } from './province.sender.ts';

/** Issue 14: the center's side of the province feed, against a fake hub on a real port and a real SQLite. */

const hubs: FakeHub[] = [];
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.close();
});
async function hub() {
  const h = await startFakeHub();
  hubs.push(h);
  return h;
}

/** A center with a day's worth of work: tickets issued, called, served, rated. */
function center() {
  const h = coreHarness();
  const lan = h.clerk('lan');
  const c1 = h.counter(1);
  const pad: Actor = {
    kind: 'device',
    id: 'pad-1',
    deviceKind: 'rating',
    counterId: c1.id,
    kioskId: null,
    printer: null,
    name: 'Đánh giá 1',
  };
  h.run((tx) => counters.openCounter(tx, { counterId: c1.id, actor: lan }));
  const issue = (n: number) => {
    for (let i = 0; i < n; i++) h.run((tx) => issueTicket(tx, { areaId: h.area('LLTP').id, actor: h.kiosk }));
  };
  /** Calls, serves and finishes the next ticket, then rates it. */
  const serve = () => {
    h.clock.advance(60_000);
    const t = h.run((tx) => counters.callNext(tx, { counterId: c1.id, actor: lan }));
    if (!t) return null;
    h.run((tx) => counters.startServing(tx, { counterId: c1.id, actor: lan }));
    h.clock.advance(120_000);
    h.run((tx) => counters.finish(tx, { counterId: c1.id, actor: lan }));
    h.run((tx) => rateTicket(tx, { ticketId: t.id, level: 'satisfied', actor: pad }));
    return t;
  };
  const totals = () => ({
    tickets: h.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number,
    events: h.db
      .prepare("SELECT COUNT(*) FROM ticket_events WHERE type IN ('called', 'transferred')")
      .pluck()
      .get() as number,
    ratings: h.db.prepare('SELECT COUNT(*) FROM ratings').pluck().get() as number,
    done: h.db.prepare("SELECT COUNT(*) FROM tickets WHERE status = 'done'").pluck().get() as number,
  });
  return { ...h, issue, serve, totals, outbox: createOutboxStore(h.db) };
}

function sender(c: ReturnType<typeof center>, fake: FakeHub, extra: Partial<SenderOptions> = {}) {
  return createProvinceSender({
    store: c.outbox,
    now: () => c.clock.now(),
    config: () => ({ url: fake.url, token: fake.token }),
    timeoutMs: 2000, // generous: two shared cores under load; the hanging cases set their own
    batchSize: 5,
    random: () => 0.5,
    ...extra,
  });
}

/** Cycles until the sender has nothing left to say (bounded: a sender that never settles fails the test). */
async function drain(s: { cycle(): Promise<CycleResult> }, max = 200): Promise<CycleResult[]> {
  const seen: CycleResult[] = [];
  for (let i = 0; i < max; i++) {
    const r = await s.cycle();
    seen.push(r);
    if (r === 'idle' || r === 'failed' || r === 'off') return seen;
  }
  throw new Error(`did not settle: ${seen.slice(-5).join(',')}`);
}

/** What the hub holds equals the center's own rows, and nothing was applied twice. */
function expectConverged(c: ReturnType<typeof center>, fake: FakeHub) {
  const t = c.totals();
  expect(fake.state.tickets.size).toBe(t.tickets);
  expect([...fake.state.tickets.values()].filter((x) => x.status === 'done').length).toBe(t.done);
  expect(fake.state.events.size).toBe(t.events);
  expect(fake.state.ratings.size).toBe(t.ratings);
  const once = fake.state.applied.filter((a) => a.kind !== 'ticket').map((a) => a.id);
  expect(new Set(once).size).toBe(once.length);
}

describe('province sender', () => {
  it('writes nothing to the outbox while no hub is configured, then sends the whole history once', async () => {
    const c = center();
    c.issue(3);
    c.serve();
    const off = createProvinceSender({ store: c.outbox, now: () => c.clock.now(), config: () => null });
    expect(await off.cycle()).toBe('off');
    c.issue(2);
    expect(c.outbox.pending().count).toBe(0); // the triggers are off: a center without a province pays nothing
    const fake = await hub();
    const s = sender(c, fake);
    await drain(s);
    expectConverged(c, fake);
    expect(fake.state.tickets.size).toBe(5);
    expect(fake.state.catalogs).toBeGreaterThanOrEqual(1); // the first push after a start carries the labels
    expect(c.outbox.pending().count).toBe(0);
    expect(s.status()).toMatchObject({ state: 'ok', pending: 0, lagSec: 0, lastError: null });
  });

  it('each change goes in the same transaction as the change; batches hold at most the batch size, in order', async () => {
    const c = center();
    const fake = await hub();
    const s = sender(c, fake);
    await drain(s);
    const before = c.outbox.pending().count;
    c.issue(7);
    expect(c.outbox.pending().count).toBe(before + 7);
    c.serve();
    await drain(s);
    expect(fake.state.batches.every((b) => b.count <= 5)).toBe(true);
    const froms = fake.state.batches.filter((b) => b.count > 0).map((b) => b.fromSeq);
    expect([...froms].sort((a, b) => a - b)).toEqual(froms);
    expectConverged(c, fake);
  });

  it('prunes only after the acknowledgement: a 500 or an answer that never comes keeps every line, the replay changes nothing', async () => {
    const c = center();
    const fake = await hub();
    const s = sender(c, fake, { timeoutMs: 600 });
    await drain(s);
    c.issue(3);
    const pending = c.outbox.pending().count;
    // The hub applies the batch, then its answer is lost (timeout): the center keeps the lines and sends them again.
    fake.setMode('applyThenHang');
    expect(await s.cycle()).toBe('failed');
    expect(s.status().lastError).toMatch(/timeout/);
    expect(c.outbox.pending().count).toBe(pending);
    expect(fake.state.tickets.size).toBe(3);
    fake.setMode('error500');
    expect(await s.cycle()).toBe('failed');
    expect(c.outbox.pending().count).toBe(pending);
    fake.setMode('ok');
    await drain(s);
    expect(c.outbox.pending().count).toBe(0);
    expectConverged(c, fake);
  });

  it('a refused token (401) is shown, keeps everything and is retried with backoff', async () => {
    const c = center();
    c.issue(2);
    const fake = await hub();
    fake.setMode('unauthorized');
    const s = sender(c, fake);
    expect(await s.cycle()).toBe('failed');
    expect(s.status()).toMatchObject({ state: 'retrying', lastError: expect.stringMatching(/province\.bad_token/) });
    expect(c.outbox.pending().count).toBeGreaterThan(0);
    expect(fake.state.tickets.size).toBe(0);
    fake.setMode('ok');
    await drain(s);
    expectConverged(c, fake);
  });

  it('backs off exponentially with jitter, capped at a minute, while the hub is down; all arrives once when it is back', async () => {
    const c = center();
    const fake = await hub();
    const s = sender(c, fake);
    await drain(s);
    await fake.stop();
    c.issue(4);
    c.serve();
    for (let i = 1; i <= 10; i++) {
      expect(await s.cycle()).toBe('failed');
      c.clock.advance(30_000);
      c.issue(1); // the center keeps working
    }
    expect(s.failures).toBe(10);
    expect(s.status().state).toBe('retrying');
    expect(s.status().lagSec).toBeGreaterThanOrEqual(300);
    const fixed = (r: number) =>
      createProvinceSender({ store: c.outbox, now: () => 0, config: () => null, random: () => r });
    expect([1, 2, 3, 4, 8].map((n) => fixed(1).backoffMs(n))).toEqual([1000, 2000, 4000, 8000, 60_000]);
    expect([1, 2, 7, 20].map((n) => fixed(0).backoffMs(n))).toEqual([500, 1000, 30_000, 30_000]);
    await fake.restart();
    await drain(s);
    expect(s.status()).toMatchObject({ state: 'ok', pending: 0, lagSec: 0 });
    expectConverged(c, fake);
  });

  it('a hub that hangs costs a timeout, not a stuck sender', async () => {
    const c = center();
    c.issue(1);
    const fake = await hub();
    fake.setMode('hang');
    const s = sender(c, fake, { timeoutMs: 150 });
    expect(await s.cycle()).toBe('failed');
    expect(s.status().lastError).toMatch(/timeout/);
  });

  it('resumes from the last acknowledged seq after a restart of the center (ack kept in SQLite) or of the hub', async () => {
    const c = center();
    c.issue(12);
    const fake = await hub();
    const first = sender(c, fake);
    expect(await first.cycle()).toBe('more'); // the first try of a start is an empty one: is the hub there?
    expect(await first.cycle()).toBe('more');
    expect(await first.cycle()).toBe('more');
    await first.stop();
    const acked = c.outbox.state().ackSeq;
    expect(acked).toBe(10);
    // A new process: a fresh store and sender on the same database.
    const again = createProvinceSender({
      store: createOutboxStore(c.db),
      now: () => c.clock.now(),
      config: () => ({ url: fake.url, token: fake.token }),
      batchSize: 5,
    });
    await fake.stop();
    await fake.restart();
    // The first try may meet the old server's dead keep-alive socket: one failure, retried as after any outage.
    if ((await drain(again)).at(-1) === 'failed') await drain(again);
    const resumed = fake.state.batches.filter((b) => b.count > 0).map((b) => b.fromSeq);
    expect(resumed.slice(0, 3)).toEqual([1, 6, 11]); // nothing sent twice from the start
    expectConverged(c, fake);
  });

  it('on a 409 gap (the hub lost what it had acknowledged) it sends again from the hub ackSeq + 1', async () => {
    const c = center();
    c.issue(6);
    c.serve();
    const fake = await hub();
    const s = sender(c, fake);
    await drain(s);
    expectConverged(c, fake);
    // The hub's database came back from an older backup: it knows seq ≤ 3 only.
    fake.state.ackSeq = 3;
    fake.state.tickets.clear();
    fake.state.events.clear();
    fake.state.ratings.clear();
    fake.state.applied.length = 0;
    c.issue(1);
    await drain(s);
    expect(fake.state.batches.some((b) => b.fromSeq === 4)).toBe(true);
    expectConverged(c, fake);
  });

  it('a hub ahead of the center (the center restored from an older backup) gets the history again after its position', async () => {
    const c = center();
    c.issue(4);
    c.serve();
    const fake = await hub();
    const s = sender(c, fake);
    await drain(s);
    // The hub acknowledged more than this center ever numbered: new lines at or under that would be skipped.
    fake.state.ackSeq = 10_000;
    fake.state.tickets.clear();
    fake.state.events.clear();
    fake.state.ratings.clear();
    fake.state.applied.length = 0;
    c.clock.advance(15_000); // the next heartbeat learns the hub's position
    await drain(s);
    await drain(s);
    expect(c.outbox.state().ackSeq).toBeGreaterThan(10_000);
    expectConverged(c, fake);
  });

  it('a stop does not wait for a hub that never answers', async () => {
    const c = center();
    c.issue(1);
    const fake = await hub();
    fake.setMode('hang');
    const s = sender(c, fake, { timeoutMs: 60_000 });
    s.start();
    await new Promise((r) => setTimeout(r, 50));
    const stopped = s.stop().then(() => 'stopped');
    const late = new Promise((r) => setTimeout(() => r('still waiting'), 5000));
    expect(await Promise.race([stopped, late])).toBe('stopped');
  });

  it('a storage fault on the center fails the cycle, never throws out of it', async () => {
    const c = center();
    const fake = await hub();
    const s = sender(c, fake);
    await drain(s);
    c.db.close();
    expect(await s.cycle()).toBe('failed');
    expect(s.status().state).toBe('retrying');
  });

  it('sends the labels again when areas, counters, clerks or procedures change, not otherwise', async () => {
    const c = center();
    const fake = await hub();
    const s = sender(c, fake);
    await drain(s);
    const n = fake.state.catalogs;
    c.issue(1);
    await drain(s);
    expect(fake.state.catalogs).toBe(n);
    c.db.prepare("UPDATE areas SET name = 'Lý lịch tư pháp (mới)' WHERE code = 'LLTP'").run();
    await drain(s);
    expect(fake.state.catalogs).toBe(n + 1);
    c.clerk('hoa');
    await drain(s);
    expect(fake.state.catalogs).toBe(n + 2);
  });

  it('a heartbeat goes every 15 s while idle; the hub learns the lag of what is still pending', async () => {
    const c = center();
    const fake = await hub();
    const s = sender(c, fake);
    await drain(s);
    const n = fake.state.batches.length;
    expect(await s.cycle()).toBe('idle');
    expect(fake.state.batches.length).toBe(n);
    c.clock.advance(15_000);
    expect(await s.cycle()).toBe('idle');
    expect(fake.state.batches.length).toBe(n + 1);
    expect(fake.state.lastLagSec).toBe(0);
    c.issue(7);
    c.clock.advance(40_000);
    expect(await s.cycle()).toBe('more'); // 5 of 7 sent: the 6th is 40 s old
    expect(fake.state.lastLagSec).toBe(40);
  });
});
