import { describe, expect, it } from 'vitest';
import type { AppError } from '../../contract/errors.ts';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { saveArea, saveCounter } from '../catalog/catalog.usecases.ts';
import { createTicketView } from '../tickets/ticket.view.ts';
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
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as AppError).code;
  }
};

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
    expect([h.issue('LLTP').number, h.issue('LLTP', { priority: true }).number, h.issue('HTCT').number]).toEqual([
      '1001',
      '1002',
      '2001',
    ]);
  });

  it('gives waitingAhead by the calling order', () => {
    const h = setup();
    h.issue('LLTP');
    h.issue('LLTP');
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
    const moved = h.run((tx) =>
      counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, areaId: h.area('DKKD').id }),
    ).ticket;
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
    const mai = h.clerk('mai');
    h.run((tx) => counters.openCounter(tx, { counterId: c2.id, actor: mai }));
    h.run((tx) => counters.setPaused(tx, { counterId: c2.id, actor: mai }, true));
    h.run((tx) => counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, toCounterId: c2.id }));
    h.issue('LLTP');
    expect(h.next()).not.toMatchObject({ id: t.id }); // counter 1 skips it
    expect(h.next(c2.id, mai)?.id).toBe(t.id);
  });
});

describe('counter rules', () => {
  it('one clerk per counter, one counter per clerk', () => {
    const h = setup();
    const minh = h.clerk('minh');
    expect(codeOf(() => h.run((tx) => counters.openCounter(tx, { counterId: h.c1.id, actor: minh })))).toBe(
      'counter.held',
    );
    expect(codeOf(() => h.run((tx) => counters.callNext(tx, { counterId: h.c1.id, actor: minh })))).toBe(
      'counter.held',
    );
    expect(codeOf(() => h.run((tx) => counters.openCounter(tx, { counterId: h.counter(2).id, actor: h.lan })))).toBe(
      'counter.clerk_has_other',
    );
    h.run((tx) => counters.closeCounter(tx, { counterId: h.c1.id, actor: h.lan }));
    expect(h.run((tx) => counters.openCounter(tx, { counterId: h.c1.id, actor: minh })).clerkId).toBe(minh.id);
  });

  it('refuses actions with nothing current and changes nothing', () => {
    const h = setup();
    const before = h.events.length;
    for (const fn of [
      counters.recall,
      (tx: any, i: any) => counters.finish(tx, i),
      (tx: any, i: any) => counters.finish(tx, i, 'no_show'),
    ]) {
      expect(codeOf(() => h.run((tx) => fn(tx, { counterId: h.c1.id, actor: h.lan })))).toBe(
        'counter.no_current_ticket',
      );
    }
    expect(h.events.length).toBe(before);
  });

  it('will not close with a citizen at the counter; recall counts; no-show can be called back', () => {
    const h = setup();
    const t = h.issue('LLTP');
    h.next();
    expect(codeOf(() => h.run((tx) => counters.closeCounter(tx, { counterId: h.c1.id, actor: h.lan })))).toBe(
      'counter.has_current_ticket',
    );
    h.run((tx) => counters.recall(tx, { counterId: h.c1.id, actor: h.lan }));
    expect(h.store.tickets.get(t.id)?.recalls).toBe(1);
    expect(h.events.filter((e) => e.type === 'ticket:called').map((e) => (e as { recall: boolean }).recall)).toEqual([
      false,
      true,
    ]);
    h.run((tx) => counters.finish(tx, { counterId: h.c1.id, actor: h.lan }, 'no_show'));
    const back = h.run((tx) => counters.callSpecific(tx, { counterId: h.c1.id, actor: h.lan, ticketId: t.id }));
    expect(back).toMatchObject({ status: 'called', counterId: h.c1.id });
    expect(
      codeOf(() => h.run((tx) => counters.callSpecific(tx, { counterId: h.c1.id, actor: h.lan, ticketId: t.id }))),
    ).toBe('ticket.not_callable');
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
  it("restarts numbering at local midnight and expires yesterday's waiting tickets", () => {
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

describe('what the clerk saw (a fast double press loses no citizen)', () => {
  const count = (h: ReturnType<typeof setup>) =>
    (h.db.prepare('SELECT COUNT(*) AS n FROM ticket_events').get() as { n: number }).n;

  it('a second call-next with the same view is refused: the called ticket stays current, nothing changes', () => {
    const h = setup();
    const t = h.issue('LLTP');
    h.issue('LLTP');
    expect(h.run((tx) => counters.callNext(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: null }))?.id).toBe(
      t.id,
    );
    const events = h.events.length;
    const journal = count(h);
    expect(
      codeOf(() => h.run((tx) => counters.callNext(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: null }))),
    ).toBe('counter.stale_view');
    expect(h.store.tickets.get(t.id)).toMatchObject({ status: 'called', counterId: h.c1.id });
    expect(h.store.catalog.counter(h.c1.id)?.currentTicketId).toBe(t.id);
    expect([h.events.length, count(h)]).toEqual([events, journal]);
    // What the clerk now sees is 1001 at the counter: calling the next one with that view works.
    expect(
      h.run((tx) => counters.callNext(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: t.id }))?.number,
    ).toBe('1002');
    expect(h.store.tickets.get(t.id)?.status).toBe('done');
  });

  it('every action on the current ticket checks the view; without one it acts as the contract says', () => {
    const h = setup();
    const t = h.issue('LLTP');
    const waiting = h.issue('LLTP');
    h.next();
    const stale = [null, 'another-ticket'];
    const actions: [string, (tx: any, expectedTicketId: string | null) => unknown][] = [
      ['recall', (tx, e) => counters.recall(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: e })],
      ['start', (tx, e) => counters.startServing(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: e })],
      ['finish', (tx, e) => counters.finish(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: e })],
      ['no-show', (tx, e) => counters.finish(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: e }, 'no_show')],
      [
        'transfer',
        (tx, e) =>
          counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: e, areaId: h.area('HTCT').id }),
      ],
      [
        'call',
        (tx, e) =>
          counters.callSpecific(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: e, ticketId: waiting.id }),
      ],
    ];
    const events = h.events.length;
    for (const [name, act] of actions)
      for (const e of stale)
        expect(
          codeOf(() => h.run((tx) => act(tx, e))),
          `${name} ${e}`,
        ).toBe('counter.stale_view');
    expect(h.events.length).toBe(events);
    expect(h.store.tickets.get(t.id)).toMatchObject({ status: 'called', recalls: 0 });
    expect(
      h.run((tx) => counters.recall(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: t.id })).recalls,
    ).toBe(1);
    expect(
      h.run((tx) => counters.finish(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: t.id })).status,
    ).toBe('done');
    // The same finish pressed again on a screen that still shows 1001: refused, not a second finish.
    expect(
      codeOf(() => h.run((tx) => counters.finish(tx, { counterId: h.c1.id, actor: h.lan, expectedTicketId: t.id }))),
    ).toBe('counter.stale_view');
    expect(h.next()?.id).toBe(waiting.id); // no view given: the contract's call-next
  });
});

describe('citizens stranded where no counter will call them', () => {
  const admin = (h: ReturnType<typeof setup>) => h.clerk('quantri', 'supervisor');
  const view = (h: ReturnType<typeof setup>) => createTicketView(h.deps, { publicUrl: () => 'http://hcc.test' });

  it('an area no counter serves is not offered and refuses a ticket; a counter for it makes it available', () => {
    const h = setup();
    const boss = admin(h);
    const a = h.run((tx) =>
      saveArea(tx, {
        code: 'MOI',
        departmentId: h.area('LLTP').departmentId,
        name: 'Lĩnh vực mới',
        numberStart: 90001,
        numberEnd: 90999,
        actor: boss,
      }),
    );
    expect(view(h).area(h.store.catalog.area(a.id)!)).toMatchObject({
      available: false,
      unavailableReason: 'no_counter',
    });
    const before = h.events.length;
    expect(codeOf(() => h.run((tx) => issueTicket(tx, { areaId: a.id, actor: h.kiosk })))).toBe('area.no_counter');
    expect(h.events.length).toBe(before);
    // A closed counter still serves it: the day starts with counters closed, and the kiosk must offer the area.
    const c = h.counter(12);
    h.run((tx) =>
      saveCounter(tx, { id: c.id, number: c.number, name: c.name, areaIds: [...c.areaIds, a.id], actor: boss }),
    );
    expect(view(h).area(h.store.catalog.area(a.id)!)).toMatchObject({ available: true, unavailableReason: null });
    expect(h.run((tx) => issueTicket(tx, { areaId: a.id, actor: h.kiosk })).ticket.number).toBe('90001');
  });

  it('a transfer to a closed counter is refused unless forced, and then it warns', () => {
    const h = setup();
    const t = h.issue('LLTP');
    h.next();
    const c2 = h.counter(2); // closed: nobody holds it
    const before = h.events.length;
    const refused = (() => {
      try {
        h.run((tx) => counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, toCounterId: c2.id }));
        return null;
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(refused?.code).toBe('counter.closed');
    expect(refused?.message).toContain('Quầy số 2 đang đóng');
    expect(h.events.length).toBe(before);
    expect(h.store.tickets.get(t.id)).toMatchObject({ status: 'called', targetCounterId: null, transfers: 0 });
    const forced = h.run((tx) =>
      counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, toCounterId: c2.id, force: true }),
    );
    expect(forced.ticket).toMatchObject({ status: 'waiting', targetCounterId: c2.id, transfers: 1 });
    expect(forced.warning).toMatchObject({ code: 'transfer.counter_closed' });
    expect(forced.warning?.message).toContain('Quầy số 2');
    // The citizen's phone can say where to go: the public ticket names the counter it waits for.
    expect(view(h).ticket(h.store.tickets.get(t.id)!).waitingFor).toEqual({ counterNumber: 2, counterName: c2.name });
  });

  it('a transfer to an area with no open counter goes through with a warning; with an open one, none', () => {
    const h = setup();
    h.issue('LLTP');
    h.issue('LLTP');
    h.next();
    const dkkd = h.area('DKKD'); // counter 3 serves it, closed
    const r = h.run((tx) => counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, areaId: dkkd.id }));
    expect(r.ticket).toMatchObject({ status: 'waiting', areaId: dkkd.id });
    expect(r.warning).toMatchObject({ code: 'transfer.no_open_counter' });
    expect(r.warning?.message).toContain(dkkd.name);
    expect(view(h).ticket(r.ticket).waitingFor).toBeNull();
    h.run((tx) => counters.openCounter(tx, { counterId: h.counter(3).id, actor: h.clerk('minh') }));
    h.next();
    expect(
      h.run((tx) => counters.transfer(tx, { counterId: h.c1.id, actor: h.lan, areaId: dkkd.id })).warning,
    ).toBeNull();
  });
});
