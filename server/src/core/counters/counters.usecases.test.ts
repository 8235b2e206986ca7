import { describe, expect, it } from 'vitest';
import type { AppError } from '../../contract/errors.ts';
import { coreHarness } from '../../testing/core-harness.ts';
import { expireStaleTickets, issueTicket } from '../tickets/tickets.usecases.ts';
import * as counters from './counters.usecases.ts';

function setup() {
  const h = coreHarness();
  const issue = (code: string, extra: { priority?: boolean; idempotencyKey?: string } = {}) => {
    h.clock.advance(1000);
    return h.run((tx) => issueTicket(tx, { areaId: h.area(code).id, actor: h.kiosk, ...extra })).ticket;
  };
  const lan = h.clerk('lan');
  const c1 = h.counter(1);
  h.run((tx) => counters.openCounter(tx, { counterId: c1.id, actor: lan }));
  const next = (counterId = c1.id, actor = lan) => h.run((tx) => counters.callNext(tx, { counterId, actor }));
  return { ...h, issue, lan, c1, next };
}
const codeOf = (fn: () => unknown) => { try { fn(); return null; } catch (e) { return (e as AppError).code; } };

describe('calling order', () => {
  it('calls priority first, then oldest first, across the counter areas', () => {
    const h = setup(); // counter 1 serves LLTP and HTCT
    const a = h.issue('LLTP');
    const b = h.issue('HTCT');
    const p = h.issue('HTCT', { priority: true });
    h.issue('DKKD'); // not served by counter 1
    expect(h.next()?.id).toBe(p.id);
    expect(h.next()?.id).toBe(a.id);
    expect(h.next()?.id).toBe(b.id);
    expect(h.next()).toBeNull();
    // The last call-next finished the current ticket exactly as finish would.
    expect(h.store.tickets.get(b.id)?.status).toBe('done');
    expect(h.events.filter((e) => e.type === 'rating:requested').length).toBe(3);
  });

  it('numbers per area per business day, priority sharing the sequence', () => {
    const h = setup();
    expect([h.issue('LLTP').number, h.issue('LLTP', { priority: true }).number, h.issue('HTCT').number]).toEqual(['1001', '1002', '2001']);
  });

  it('gives waitingAhead by the calling order', () => {
    const h = setup();
    h.issue('LLTP'); h.issue('LLTP');
    const p = h.issue('LLTP', { priority: true });
    const last = h.issue('LLTP');
    expect(h.store.tickets.waitingAhead(p)).toBe(0);
    expect(h.store.tickets.waitingAhead(last)).toBe(3);
  });
});

describe('transfer keeps number and place', () => {
  it('to an area: waits there by its original issue time', () => {
    const h = setup();
    const old = h.issue('LLTP');
    const other = h.issue('DKKD');
    h.next();
    const moved = h.run((tx) => counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, areaId: h.area('DKKD').id }));
    expect(moved).toMatchObject({ number: old.number, areaId: h.area('DKKD').id, status: 'waiting', transfers: 1 });
    const c3 = h.counter(3);
    const minh = h.clerk('minh');
    h.run((tx) => counters.openCounter(tx, { counterId: c3.id, actor: minh }));
    expect(h.next(c3.id, minh)?.id).toBe(old.id); // issued before `other`
    expect(h.next(c3.id, minh)?.id).toBe(other.id);
  });

  it('to a counter: only that counter calls it, ahead of later tickets', () => {
    const h = setup();
    const t = h.issue('LLTP');
    h.next();
    const c2 = h.counter(2);
    h.run((tx) => counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, toCounterId: c2.id }));
    h.issue('LLTP');
    expect(h.next()).not.toMatchObject({ id: t.id }); // counter 1 skips it
    const mai = h.clerk('mai');
    h.run((tx) => counters.openCounter(tx, { counterId: c2.id, actor: mai }));
    expect(h.next(c2.id, mai)?.id).toBe(t.id);
  });
});

describe('counter rules', () => {
  it('one clerk per counter, one counter per clerk', () => {
    const h = setup();
    const minh = h.clerk('minh');
    expect(codeOf(() => h.run((tx) => counters.openCounter(tx, { counterId: h.c1.id, actor: minh })))).toBe('counter.held');
    expect(codeOf(() => h.run((tx) => counters.callNext(tx, { counterId: h.c1.id, actor: minh })))).toBe('counter.held');
    expect(codeOf(() => h.run((tx) => counters.openCounter(tx, { counterId: h.counter(2).id, actor: h.lan })))).toBe('counter.clerk_has_other');
    h.run((tx) => counters.closeCounter(tx, { counterId: h.c1.id, actor: h.lan }));
    expect(h.run((tx) => counters.openCounter(tx, { counterId: h.c1.id, actor: minh })).clerkId).toBe(minh.id);
  });

  it('refuses actions with nothing current and changes nothing', () => {
    const h = setup();
    const before = h.events.length;
    for (const fn of [counters.recall, (tx: any, i: any) => counters.finish(tx, i), (tx: any, i: any) => counters.finish(tx, i, 'no_show')]) {
      expect(codeOf(() => h.run((tx) => fn(tx, { counterId: h.c1.id, actor: h.lan })))).toBe('counter.no_current_ticket');
    }
    expect(h.events.length).toBe(before);
  });

  it('will not close with a citizen at the counter; recall counts; no-show can be called back', () => {
    const h = setup();
    const t = h.issue('LLTP');
    h.next();
    expect(codeOf(() => h.run((tx) => counters.closeCounter(tx, { counterId: h.c1.id, actor: h.lan })))).toBe('counter.has_current_ticket');
    h.run((tx) => counters.recall(tx, { counterId: h.c1.id, actor: h.lan }));
    expect(h.store.tickets.get(t.id)?.recalls).toBe(1);
    expect(h.events.filter((e) => e.type === 'ticket:called').map((e) => (e as { recall: boolean }).recall)).toEqual([false, true]);
    h.run((tx) => counters.finish(tx, { counterId: h.c1.id, actor: h.lan }, 'no_show'));
    const back = h.run((tx) => counters.callSpecific(tx, { counterId: h.c1.id, actor: h.lan, ticketId: t.id }));
    expect(back).toMatchObject({ status: 'called', counterId: h.c1.id });
    expect(codeOf(() => h.run((tx) => counters.callSpecific(tx, { counterId: h.c1.id, actor: h.lan, ticketId: t.id })))).toBe('ticket.not_callable');
  });

  it('pause then call-next resumes the counter', () => {
    const h = setup();
    h.run((tx) => counters.setPaused(tx, { counterId: h.c1.id, actor: h.lan }, true));
    expect(h.store.catalog.counter(h.c1.id)?.status).toBe('paused');
    h.issue('LLTP');
    h.next();
    expect(h.store.catalog.counter(h.c1.id)?.status).toBe('open');
  });
});

describe('business days', () => {
  it('restarts numbering at local midnight and expires yesterday\'s waiting tickets', () => {
    const h = setup();
    h.clock.set('2026-11-26T23:59:58+07:00');
    const late = h.issue('LLTP');
    expect(late.businessDay).toBe('2026-11-26');
    h.clock.set('2026-11-27T00:00:01+07:00'); // 17:00:01 UTC on the 26th
    const early = h.issue('LLTP');
    expect(early).toMatchObject({ number: '1001', businessDay: '2026-11-27' });
    expect(h.next()?.id).toBe(early.id); // yesterday's ticket is never called today
    expect(h.run((tx) => expireStaleTickets(tx))).toBe(1);
    expect(h.store.tickets.get(late.id)?.status).toBe('expired');
  });

  it('an idempotency key gives the same ticket, never a second number', () => {
    const h = setup();
    const a = h.issue('LLTP', { idempotencyKey: 'tap-1' });
    const b = h.issue('LLTP', { idempotencyKey: 'tap-1' });
    expect(b.id).toBe(a.id);
    expect(h.issue('LLTP').number).toBe('1002');
  });
});
