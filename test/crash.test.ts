import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDisplays, checkFinal, checkIssue, checkReports, readTickets } from './support/busy-day.checks.ts';
import { runLoad } from './support/load.driver.ts';
import { fixtures, startServerProcess, type ServerProcess } from './support/server-process.ts';

/**
 * kill -9 in the middle of a busy day (300 tickets over 20 s), then a restart on the same DATA_DIR.
 * The load generator parks its workers when the server vanishes (so the restarted state can be judged
 * while nothing moves), its sockets reconnect by themselves, then it resumes: kiosks resend the issue
 * they had in flight with the same idempotency key, clerks whose answer was lost ask the server what
 * their counter holds, exactly as the real screens do.
 */
let srv: ServerProcess;
let load: ReturnType<typeof runLoad> | undefined;

beforeAll(async () => {
  srv = await startServerProcess({ env: { LOG_LEVEL: 'quiet' } });
});
afterAll(async () => {
  load?.kill();
  await srv?.close();
}); // a failed run leaves no generator behind

describe('crash during load', () => {
  it('keeps every answered ticket, numbering, current tickets; screens resync by themselves', async () => {
    load = runLoad(srv.url, {
      tickets: 300,
      daySeconds: 20,
      displays: 5,
      phones: 20,
      parkOnFault: true,
      seed: 2,
      maxSeconds: 110,
    });
    await load.waitFor('ready');
    // A kiosk of its own, in an area of its own (numbers 500000…), fires 20 issues at once; the server
    // dies the instant the first 201 comes back, so some are committed but unanswered, some never arrived.
    const fx0 = await fixtures(srv.url);
    const dept = (await fx0.areas())[0].departmentId;
    const burstArea = (
      await fx0.call(
        'POST',
        '/api/areas',
        { code: 'CRASH', departmentId: dept, name: 'Kiểm thử sự cố', numberStart: 500000, numberEnd: 599999 },
        fx0.admin,
      )
    ).body;
    // A counter serves it (closed all along): an area no counter serves issues nothing (409 area.no_counter).
    await fx0.call(
      'POST',
      '/api/counters',
      { number: 99, name: 'Quầy kiểm thử sự cố', areaIds: [burstArea.id] },
      fx0.admin,
    );
    const burstKiosk = (await fx0.device('kiosk')).token;
    const burst = (i: number) =>
      fx0.call('POST', '/api/tickets', { areaId: burstArea.id, idempotencyKey: `burst-${i}` }, burstKiosk);
    await load.waitFor('progress', (s) => s.issued >= 100 && s.calls >= 30, 60_000);
    const before: ({ status: number; body: any } | null)[] = Array(20).fill(null);
    let firstAnswer!: () => void;
    const answered = new Promise<void>((r) => {
      firstAnswer = r;
    });
    const sends = before.map((_, i) =>
      burst(i).then(
        (r) => {
          before[i] = r;
          if (r.status === 201) firstAnswer();
        },
        () => {},
      ),
    );
    await answered;
    await srv.kill9();
    await Promise.all(sends);
    const parked = await load.waitFor('parked', () => true, 30_000);
    await srv.restart();
    const resynced = await load.waitFor('resynced', () => true, 60_000);

    // Counters hold what their clerks were last answered (a counter whose answer was lost holds either).
    const fx = await fixtures(srv.url);
    const now = new Map((await fx.counters()).map((c) => [c.id, c.currentTicket?.id ?? null]));
    const certain = Object.entries(parked.counters).filter(([, c]) => !c.uncertain);
    expect(certain.length).toBeGreaterThan(6);
    for (const [id, c] of certain) expect(now.get(id), `counter ${id}`).toBe(c.current);
    // Every display reconnected on its own and drew itself from a fresh snapshot of the restarted server.
    expect(resynced.snapshots).toHaveLength(5);
    for (const snap of resynced.snapshots) expect(new Map(snap)).toEqual(now);

    // The kiosk sends its 20 keys again: an answered one brings back the same ticket, each key one ticket.
    const after = await Promise.all(before.map((_, i) => burst(i)));
    const answeredBefore = before.filter((r) => r?.status === 201);
    expect(answeredBefore.length).toBeGreaterThan(0);
    before.forEach((r, i) => {
      expect([200, 201]).toContain(after[i]!.status);
      if (r?.status === 201) expect(after[i]!.body.id).toBe(r.body.id);
    });
    expect(new Set(after.map((r) => r.body.id)).size).toBe(20);
    expect(after.map((r) => Number(r.body.number)).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => 500000 + i),
    );

    load.resume();
    const res = await load.result(120_000);
    expect(res.errors).toEqual([]);
    expect(res.issued).toHaveLength(300);
    expect(res.issued.length).toBeGreaterThanOrEqual(parked.issued);
    const tickets = await readTickets(srv.url, res, fx.admin);
    expect(checkIssue(res, tickets)).toEqual([]); // every answered ticket is there; numbers continue, none twice
    expect(checkFinal(res, tickets, await fx.counters())).toEqual([]);
    expect(checkDisplays(res)).toEqual([]);
    expect(await checkReports(srv.url, fx.admin, res, tickets)).toEqual([]);
    const done = [...tickets.values()].filter((t) => t?.status === 'done').length;
    const acked = res.counts.finishes + res.counts.implicitFinishes;
    expect(done).toBeGreaterThanOrEqual(acked);
    expect(done).toBeLessThanOrEqual(acked + res.uncertain.length);
    for (const ev of res.displays) expect(ev.filter((e) => e[0] === 's').length).toBeGreaterThanOrEqual(2);
    for (const p of res.phones) expect(p.foreignIds).toBe(0);
  }, 170_000);
});
