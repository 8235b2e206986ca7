import { describe, expect, it } from 'vitest';
import { issueTicket } from '../core/tickets/tickets.usecases.ts';
import { coreHarness } from '../testing/core.harness.testing.ts';
import { startReportUpkeep } from './report.upkeep.ts';

const turn = () => new Promise((r) => setImmediate(r));

describe('report upkeep', () => {
  it('rebuilds stale and unknown days in the background, one day per turn, and stops when told', async () => {
    const h = coreHarness('2026-11-26T08:00:00+07:00');
    for (const at of ['2026-11-24T08:00:00+07:00', '2026-11-25T08:00:00+07:00', '2026-11-26T08:00:00+07:00']) {
      h.clock.set(Date.parse(at));
      h.run((tx) => issueTicket(tx, { areaId: h.area('LLTP').id, actor: h.kiosk }));
    }
    // As after a restore of a copy from before the aggregates: nothing known, every day to be rebuilt.
    h.db.exec('DELETE FROM report_days; DELETE FROM report_aggregates; DELETE FROM report_ratings;');
    const errors: unknown[] = [];
    const upkeep = startReportUpkeep(h.db, (e) => errors.push(e));
    upkeep.check();
    upkeep.check(); // a second check while a pass runs starts nothing more
    await turn();
    const fresh = () => h.db.prepare('SELECT day FROM report_days WHERE writes = applied ORDER BY day').pluck().all();
    expect(fresh()).toEqual(['2026-11-26']); // newest first: today's report matters most
    for (let i = 0; i < 4; i++) await turn();
    expect(fresh()).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(h.db.prepare("SELECT SUM(issued) FROM report_aggregates WHERE kind = 'day'").pluck().get()).toBe(3);
    h.db.prepare("UPDATE tickets SET status = 'expired'").run();
    upkeep.stop();
    upkeep.check();
    await turn();
    expect(fresh()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
