import { describe, expect, it } from 'vitest';
import { coreHarness } from '../testing/core.harness.testing.ts';
import { TICKET_STATE_COLUMNS } from './report-aggregates.contribution.ts';

// Migration 0011 (issue 15): a ticket insert writes two index entries fewer. The reads those indexes served must
// still find their rows through an index, never by scanning every ticket.
describe('ticket indexes', () => {
  const h = coreHarness();
  const plan = (sql: string, ...args: unknown[]) =>
    h.db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...args)
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');

  it('no index by day alone; the counter index holds only tickets a counter has taken', () => {
    const sql = (name: string) =>
      h.db.prepare('SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?').pluck().get('index', name);
    expect(sql('tickets_day')).toBeUndefined();
    expect(sql('tickets_counter')).toMatch(/WHERE counter_id IS NOT NULL$/);
  });

  it('a day, a range of days and a counter’s last finished ticket are still read through an index', () => {
    // The rebuild of a day (report-aggregates.rebuild.ts) and the exact fallback of a stale range (aggregateSql).
    expect(plan(`SELECT id, ${TICKET_STATE_COLUMNS} FROM tickets WHERE business_day = ?`, 'd')).toMatch(
      /^SEARCH tickets USING INDEX tickets_procedure \(business_day=\?\)$/,
    );
    expect(plan('SELECT COUNT(*) FROM tickets t WHERE t.business_day BETWEEN ? AND ?', 'a', 'b')).toMatch(
      /^SEARCH t USING (COVERING )?INDEX tickets_procedure \(business_day>\? AND business_day<\?\)$/,
    );
    // tickets.repository lastDoneAt: the partial index serves `counter_id = ?` (never NULL).
    expect(
      plan(
        "SELECT * FROM tickets WHERE counter_id = ? AND status = 'done' AND finished_at >= ? ORDER BY finished_at DESC LIMIT 1",
        'c',
        0,
      ),
    ).toMatch(/^SEARCH tickets USING INDEX tickets_counter \(counter_id=\? AND finished_at>\?\)$/);
  });
});
