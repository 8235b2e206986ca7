import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import * as counters from '../counters/counters.usecases.ts';
import { issueTicket } from './tickets.usecases.ts';

/**
 * Defect 12: the queue was ordered by the wall-clock `issued_at`, so a clock stepped back put a later ticket
 * first. The harness clock here is the raw ManualClock (no guard), so these tests hold the queue order itself
 * to the issue sequence, whatever the clock says.
 */
function setup() {
  const h = coreHarness('2026-11-26T09:12:00+07:00');
  const issue = (code: string, priority = false) =>
    h.run((tx) => issueTicket(tx, { areaId: h.area(code).id, actor: h.kiosk, priority })).ticket;
  const lan = h.clerk('lan');
  const minh = h.clerk('minh');
  const hoa = h.clerk('hoa');
  const [c1, c2, c3] = [h.counter(1), h.counter(2), h.counter(3)]; // 1: LLTP+HTCT, 2: HTCT+LLTP, 3: DKKD
  h.run((tx) => counters.openCounter(tx, { counterId: c1.id, actor: lan }));
  h.run((tx) => counters.openCounter(tx, { counterId: c2.id, actor: minh }));
  h.run((tx) => counters.openCounter(tx, { counterId: c3.id, actor: hoa }));
  const next = (counterId: string, actor: typeof lan) => h.run((tx) => counters.callNext(tx, { counterId, actor }));
  return { ...h, issue, lan, minh, hoa, c1, c2, c3, next };
}

describe('queue order by issue sequence when the clock steps back', () => {
  it('calls in the order of issue and numbers consecutively after a step back of minutes', () => {
    const h = setup();
    const a = h.issue('LLTP');
    h.clock.advance(1000);
    const b = h.issue('HTCT');
    h.clock.advance(-5 * 60_000); // NTP steps the clock back five minutes
    const c = h.issue('LLTP');
    h.clock.advance(1000);
    const d = h.issue('HTCT');
    expect(c.issuedAt).toBeLessThan(a.issuedAt); // the wall clock now says c came first; it did not
    expect([a.number, c.number, b.number, d.number]).toEqual(['1001', '1002', '2001', '2002']);
    expect(h.store.tickets.waitingAhead(c)).toBe(1);
    expect(h.store.tickets.waitingListForCounter(a.businessDay, h.c1.id, 10).map((t) => t.id)).toEqual([
      a.id,
      b.id,
      c.id,
      d.id,
    ]);
    expect([
      h.next(h.c1.id, h.lan)?.id,
      h.next(h.c1.id, h.lan)?.id,
      h.next(h.c1.id, h.lan)?.id,
      h.next(h.c1.id, h.lan)?.id,
    ]).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('priority still comes first, in its own order of issue', () => {
    const h = setup();
    const a = h.issue('LLTP');
    const p1 = h.issue('LLTP', true);
    h.clock.advance(-60_000);
    const p2 = h.issue('LLTP', true);
    expect([h.next(h.c1.id, h.lan)?.id, h.next(h.c1.id, h.lan)?.id, h.next(h.c1.id, h.lan)?.id]).toEqual([
      p1.id,
      p2.id,
      a.id,
    ]);
  });

  it('a transfer keeps the place of the original issue, to an area and to a counter', () => {
    const h = setup();
    const x = h.issue('LLTP');
    h.clock.advance(1000);
    const y = h.issue('LLTP');
    h.clock.advance(-10 * 60_000);
    const z = h.issue('DKKD'); // issued after x and y, with an earlier wall-clock time
    const w = h.issue('HTCT');
    expect(h.next(h.c1.id, h.lan)?.id).toBe(x.id);
    h.run((tx) => counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, areaId: h.area('DKKD').id }));
    expect(h.next(h.c3.id, h.hoa)?.id).toBe(x.id); // x was issued before z
    expect(h.next(h.c1.id, h.lan)?.id).toBe(y.id);
    h.run((tx) => counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, toCounterId: h.c2.id }));
    expect(h.next(h.c2.id, h.minh)?.id).toBe(y.id); // y waits for counter 2 ahead of w, issued after it
    expect(h.next(h.c2.id, h.minh)?.id).toBe(w.id);
    expect(h.next(h.c3.id, h.hoa)?.id).toBe(z.id);
  });
});
