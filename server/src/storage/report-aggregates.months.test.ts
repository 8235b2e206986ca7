import { describe, expect, it } from 'vitest';
import * as counters from '../core/counters/counters.usecases.ts';
import { issueTicket } from '../core/tickets/tickets.usecases.ts';
import type { GroupBy, GroupTotals } from '../core/reports/report.aggregate.ts';
import { startReportUpkeep } from '../reporting/report.upkeep.ts';
import { coreHarness } from '../testing/core.harness.testing.ts';
import { createReportAggregates } from './report-aggregates.repository.ts';
import { aggregateSql } from './reports.repository.ts';

const OFF = 7 * 3_600_000;
const GROUPINGS: GroupBy[] = ['area', 'department', 'counter', 'clerk', 'hour', 'day', 'procedure', 'channel'];
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const nonZero = (m: Map<string, GroupTotals>) =>
  new Map([...m].filter(([, v]) => v.issued || v.served || v.noShow || v.waitN || Object.keys(v.ratings).length));

/** Two October days and a November one of LLTP tickets issued, called and finished at counter 1 (October is past). */
function twoMonths() {
  const h = coreHarness('2026-10-05T08:00:00+07:00');
  const clerk = h.clerk('c1');
  const input = { counterId: h.counter(1).id, actor: clerk };
  const lltp = h.area('LLTP').id;
  for (const day of ['2026-10-05', '2026-10-06', '2026-11-02']) {
    h.clock.set(Date.parse(`${day}T08:00:00+07:00`));
    h.run((tx) => counters.openCounter(tx, input));
    for (let i = 0; i < 3; i++) h.run((tx) => issueTicket(tx, { areaId: lltp, actor: h.kiosk }));
    for (let i = 0; i < 3; i++) {
      h.clock.advance((i + 2) * 60_000);
      h.run((tx) => counters.callNext(tx, input));
      h.run((tx) => counters.finish(tx, input));
    }
  }
  const aggregates = createReportAggregates(h.db);
  const report = (groupBy: GroupBy, range = OCTOBER) =>
    nonZero(h.store.reports.aggregate({ ...range, groupBy, offsetMs: OFF }));
  const fromTickets = (groupBy: GroupBy, range = OCTOBER) =>
    nonZero(aggregateSql(h.db, { ...range, groupBy, offsetMs: OFF }));
  /** Every grouping of October as the tickets say it. */
  const exact = () => {
    for (const g of GROUPINGS) expect(report(g), g).toEqual(fromTickets(g));
  };
  const rolled = () => aggregates.read('area', OCTOBER.from, OCTOBER.to).months;
  const firstTicket = h.db.prepare("SELECT * FROM tickets WHERE business_day = '2026-10-05' LIMIT 1").get() as {
    id: string;
    counter_id: string;
  };
  return { h, lltp, aggregates, report, exact, rolled, firstTicket };
}

describe('monthly roll-ups of the report aggregates', () => {
  it('past months are rolled up off the write path, and a report of whole months reads them', () => {
    const { h, aggregates, exact, rolled, report, lltp } = twoMonths();
    expect(rolled()).toEqual([]); // nothing is rolled up by a write
    expect(aggregates.rollUpMonths()).toEqual(['2026-10']); // not November: the newest day's month keeps changing
    expect(aggregates.rollUpMonths()).toEqual([]);
    expect(rolled()).toEqual(['2026-10']);
    exact();
    expect(report('area').get(lltp)).toMatchObject({ issued: 6, served: 6, waitN: 6 });
    // A range that does not hold every day of the month reads that month's days.
    expect(aggregates.read('area', '2026-10-06', '2026-11-30').months).toEqual([]);
    const later = { from: '2026-10-06', to: '2026-11-30' };
    expect(report('area', later).get(lltp)).toMatchObject({ issued: 6, served: 6 });
    expect(h.db.prepare('SELECT COUNT(*) FROM report_month_state').pluck().get()).toBe(1);
  });

  it('an old day that changes through the store voids its month until the upkeep rolls it up again', async () => {
    const { h, aggregates, exact, rolled, report, lltp, firstTicket } = twoMonths();
    aggregates.rollUpMonths();
    // A rating for a ticket of 5 October, given in November: written with its aggregates, the day stays fresh.
    h.store.ratings.insert({
      id: 'late',
      ticketId: firstTicket.id,
      level: 'satisfied',
      reasons: [],
      comment: null,
      counterId: firstTicket.counter_id,
      clerkId: null,
      areaId: lltp,
      deviceId: null,
      at: Date.parse('2026-11-02T10:00:00+07:00'),
      businessDay: '2026-10-05',
    });
    expect(h.db.prepare('SELECT COUNT(*) FROM report_days WHERE writes <> applied').pluck().get()).toBe(0);
    expect(rolled()).toEqual([]);
    expect(report('area').get(lltp)!.ratings).toEqual({ satisfied: 1 });
    exact();
    // The server's upkeep rolls it up again, in the background.
    const upkeep = startReportUpkeep(h.db, (e) => {
      throw e;
    });
    upkeep.check();
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    upkeep.stop();
    expect(rolled()).toEqual(['2026-10']);
    expect(report('area').get(lltp)!.ratings).toEqual({ satisfied: 1 });
    exact();
  });

  it('a write around the store makes the day stale: its month is read from the tickets, then rolled up again', () => {
    const { h, aggregates, exact, rolled, report, lltp, firstTicket } = twoMonths();
    aggregates.rollUpMonths();
    h.db.prepare("UPDATE tickets SET status = 'no_show' WHERE id = ?").run(firstTicket.id);
    expect(rolled()).toEqual([]);
    expect(aggregates.rollUpMonths()).toEqual([]); // a stale day is rebuilt first, never rolled up
    exact();
    expect(report('area').get(lltp)).toMatchObject({ served: 5, noShow: 1 });
    expect(aggregates.rebuildStale()).toEqual(['2026-10-05']);
    expect(aggregates.rollUpMonths()).toEqual(['2026-10']);
    expect(report('area').get(lltp)).toMatchObject({ served: 5, noShow: 1 });
    exact();
  });

  it('a rebuilt day voids its month: the roll-up never keeps what the rebuild corrected', () => {
    const { h, aggregates, exact, rolled, report, lltp } = twoMonths();
    // Daily rows gone wrong without any trigger seeing it (a bug, a hand edit), then rolled up as they were.
    h.db.prepare("UPDATE report_aggregates SET issued = issued + 5 WHERE day = '2026-10-05'").run();
    expect(aggregates.rollUpMonth('2026-10')).toBe(true);
    expect(report('area').get(lltp)).toMatchObject({ issued: 11 });
    aggregates.rebuildDay('2026-10-05'); // what `npm run reports:rebuild` does for every day
    expect(rolled()).toEqual([]);
    expect(report('area').get(lltp)).toMatchObject({ issued: 6 });
    exact();
    expect(aggregates.rollUpMonths()).toEqual(['2026-10']);
    exact();
  });
});
