import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDisplays, checkFinal, checkIssue, checkReports, readTickets } from './support/busy-day.checks.ts';
import { runLoad } from './support/load.driver.ts';
import { fixtures, startServerProcess, type ServerProcess } from './support/server-process.ts';

/**
 * A whole busy day against the real built server: 600 tickets on the day's arrival curve (morning and
 * afternoon peaks) compressed into 30 s (one simulated minute ≈ 53 ms), 12 clerks with scaled service
 * times, no-shows, late returns, recalls, transfers, a lunch pause; 5 displays and 50 phones listening.
 * The load runs in its own process (scripts/load/); this file only judges. No timing is asserted.
 */
const TICKETS = 600;
let srv: ServerProcess;
let load: ReturnType<typeof runLoad> | undefined;

beforeAll(async () => {
  srv = await startServerProcess({ env: { LOG_LEVEL: 'quiet' } });
});
afterAll(async () => {
  load?.kill();
  await srv?.close();
}); // a failed run leaves no generator behind

describe('busy day', () => {
  it('issues each ticket once, never gives one ticket to two counters, shows every call on every display in one order, counts every finish once', async () => {
    load = runLoad(srv.url, { tickets: TICKETS, daySeconds: 30, displays: 5, phones: 50, maxSeconds: 100 });
    const res = await load.result(120_000);
    expect(res.errors).toEqual([]);
    expect(res.issued).toHaveLength(TICKETS);
    // The day really had the variety it claims (so the checks below were exercised).
    for (const k of ['finishes', 'noShows', 'transfers', 'recalls', 'lateCalls', 'pauses', 'implicitFinishes'] as const)
      expect(res.counts[k], k).toBeGreaterThan(0);
    expect(res.issued.some((r) => r.doubleTapId !== null)).toBe(true);

    const fx = await fixtures(srv.url);
    const tickets = await readTickets(srv.url, res, fx.admin);
    expect(checkIssue(res, tickets)).toEqual([]);
    expect(checkFinal(res, tickets, await fx.counters())).toEqual([]);
    expect(checkDisplays(res)).toEqual([]);
    expect(await checkReports(srv.url, fx.admin, res, tickets)).toEqual([]);
    const done = [...tickets.values()].filter((t) => t?.status === 'done').length;
    expect(done).toBe(res.counts.finishes + res.counts.implicitFinishes);

    // Phones: each hears its own ticket called (unless it was called before the phone connected), never another ticket's id.
    const calledIds = new Set(res.ackedCalls.map((c) => c.ticketId));
    expect(res.phones).toHaveLength(50);
    for (const p of res.phones) {
      expect(p.foreignIds, p.ticketId).toBe(0);
      if (calledIds.has(p.ticketId) && !p.calledBeforeConnect) expect(p.called, p.ticketId).toBeGreaterThan(0);
    }
  }, 150_000);
});
