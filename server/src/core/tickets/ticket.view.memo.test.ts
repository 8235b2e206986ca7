import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { patchArea } from '../catalog/catalog.usecases.ts';
import { openCounter } from '../counters/counters.usecases.ts';
import { annotateTicket, issueTicket } from './tickets.usecases.ts';
import { createTicketView } from './ticket.view.ts';

/**
 * The ticket view reuses what it built while nothing was written (issue 15: the issue path built one ticket's view
 * for the event and again for the answer). Every write — to the ticket, to another ticket of the queue, to the
 * catalog — must show in the next view, and nothing read inside a transaction is kept.
 */
function setup() {
  const h = coreHarness();
  const view = createTicketView(h.deps, { publicUrl: () => 'http://hcc.test' });
  const issue = (priority = false) =>
    h.run((tx) => issueTicket(tx, { areaId: h.area('XDGT').id, actor: h.kiosk, priority })).ticket;
  return { h, view, issue };
}

describe('ticket view reuse (store.writeStamp)', () => {
  it('is reused while nothing is written, for the same row read twice', () => {
    const { h, view, issue } = setup();
    issue();
    const t = issue();
    const first = view.ticket(t);
    expect(view.ticket(h.store.tickets.get(t.id)!)).toBe(first); // a fresh read of the same row: the same view
    expect(first.waitingAhead).toBe(1);
  });

  it('counts a ticket issued ahead since (a priority ticket) in the people ahead', () => {
    const { h, view, issue } = setup();
    const t = issue();
    expect(view.ticket(t).waitingAhead).toBe(0);
    issue(true);
    expect(view.ticket(h.store.tickets.get(t.id)!).waitingAhead).toBe(1);
    expect(view.publicTicket(t).waitingAhead).toBe(1);
  });

  it("shows the ticket's own change and an area renamed by the admin", () => {
    const { h, view, issue } = setup();
    const t = issue();
    expect(view.ticket(t).note).toBeNull();
    const noted = h.run((tx) => annotateTicket(tx, { ticket: t, note: 'Thiếu bản sao', actor: h.clerk('c1') }));
    expect(view.ticket(noted).note).toBe('Thiếu bản sao');
    const admin = h.clerk('admin1', 'supervisor');
    h.run((tx) => patchArea(tx, { id: t.areaId, fields: { name: 'Giao thông vận tải' }, actor: admin }));
    expect(view.ticket(noted).areaName).toBe('Giao thông vận tải');
  });

  it('builds from the row it is given: an older copy of the ticket is not answered with the newer view', () => {
    const { h, view, issue } = setup();
    const t = issue();
    const noted = h.run((tx) => annotateTicket(tx, { ticket: t, note: 'mới', actor: h.clerk('c1') }));
    expect(view.ticket(noted).note).toBe('mới');
    expect(view.ticket(t).note).toBeNull(); // what that copy says, as before any reuse
  });

  it('keeps nothing read inside a transaction that then rolls back', () => {
    const { h, view, issue } = setup();
    const t = issue();
    expect(() =>
      h.store.tx(() => {
        // A priority ticket ahead of t, never committed: the row of t itself does not change.
        issueTicket({ ...h.deps, emit: () => {} }, { areaId: t.areaId, actor: h.kiosk, priority: true });
        expect(view.ticket(t).waitingAhead).toBe(1);
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(view.ticket(t).waitingAhead).toBe(0);
  });

  it('starts again when the business day turns (the estimate is for today only)', () => {
    const { h, view, issue } = setup();
    const area = h.area('XDGT').id;
    const c = h.store.catalog.counters().find((x) => x.areaIds.includes(area))!;
    h.run((tx) => openCounter(tx, { counterId: c.id, actor: h.clerk('c1') }));
    const t = issue();
    expect(view.ticket(t).estimatedWaitMin).toEqual(expect.any(Number));
    h.clock.advance(24 * 3600_000); // nothing written: only the day turned
    expect(view.ticket(t).estimatedWaitMin).toBeNull(); // yesterday's ticket: no estimate
  });
});
