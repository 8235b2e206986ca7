import type { Db } from './db.ts';
import {
  addEvent,
  addRating,
  addTicket,
  DeltaSet,
  TICKET_STATE_COLUMNS,
  type EventState,
  type RatingState,
  type TicketKeys,
  type TicketState,
} from './report-aggregates.contribution.ts';
import { AGG_KINDS, type AggregateWriter } from './report-aggregates.write.ts';

/** The rebuild of the aggregates: a day recomputed from its tickets, events and ratings; stale or every day. */
export function createAggregateRebuild(db: Db, { apply, targetSec }: AggregateWriter) {
  const dayTickets = db.prepare<[string], TicketState & { id: string }>(
    `SELECT id, ${TICKET_STATE_COLUMNS} FROM tickets WHERE business_day = ?`,
  );
  const dayEvents = db.prepare<
    [string],
    EventState & TicketKeys & { ticket_id: string }
  >(`SELECT e.type, e.business_day, e.counter_id, e.actor_id, e.area_id, e.ticket_id, t.issued_at, t.procedure_id, t.channel
    FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.business_day = ? AND e.type IN ('called', 'transferred')`);
  const dayRatings = db.prepare<
    [string],
    RatingState & TicketKeys & { business_day: string }
  >(`SELECT r.level, r.counter_id, r.clerk_id, r.area_id, t.issued_at, t.procedure_id, t.channel, t.business_day
    FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.business_day = ?`);
  const clearDay = [
    db.prepare(`DELETE FROM report_aggregates WHERE kind IN ${AGG_KINDS} AND day = ?`),
    db.prepare(`DELETE FROM report_ratings WHERE kind IN ${AGG_KINDS} AND day = ?`),
    db.prepare(`DELETE FROM report_hist_recent WHERE kind IN ${AGG_KINDS} AND day = ?`),
    // A rebuilt day's rows may differ from those its month's roll-up summed (migration 0009): that roll-up is void.
    db.prepare('DELETE FROM report_month_state WHERE month = substr(?, 1, 7)'),
  ];
  const markBuilt = db.prepare(
    'INSERT INTO report_days (day, writes, applied) VALUES (?, 0, 0) ON CONFLICT (day) DO UPDATE SET applied = writes',
  );
  const stale = db.prepare<[number], { day: string }>(
    'SELECT day FROM report_days WHERE writes <> applied ORDER BY day DESC LIMIT ?',
  );
  // Days with tickets the triggers never saw (a database from before them, a restored copy): made known, stale.
  const unknownDays = db.prepare(`INSERT INTO report_days (day, writes, applied)
    SELECT DISTINCT business_day, 1, 0 FROM area_days WHERE business_day NOT IN (SELECT day FROM report_days)`);

  /** Recomputes one day from its tickets, events and ratings, in one write transaction. */
  function rebuildDay(day: string): void {
    db.transaction(() => {
      for (const s of clearDay) s.run(day);
      const set = new DeltaSet();
      const targets = new Map<string, number | null>();
      for (const t of dayTickets.iterate(day)) {
        if (!targets.has(t.issued_area_id)) targets.set(t.issued_area_id, targetSec(t.issued_area_id));
        addTicket(set, t, 1, targets.get(t.issued_area_id)!);
      }
      // A counter (a clerk) "issues" a ticket once however often it called it: the first call seen counts.
      const seen = new Set<string>();
      const first = (kind: string, ticketId: string, by: string | null) => {
        if (by === null) return false;
        const k = `${kind}\u0000${ticketId}\u0000${by}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      };
      for (const e of dayEvents.iterate(day)) {
        const called = e.type === 'called';
        addEvent(set, e, e, {
          counter: called && first('c', e.ticket_id, e.counter_id),
          clerk: called && first('u', e.ticket_id, e.actor_id),
        });
      }
      for (const r of dayRatings.iterate(day)) addRating(set, r, r);
      apply(set, true);
      markBuilt.run(day);
    }).immediate();
  }

  /** Rebuilds up to `limit` stale days (newest first: today's report matters most); returns the days rebuilt. */
  function rebuildStale(limit = Number.MAX_SAFE_INTEGER): string[] {
    unknownDays.run();
    const days = stale.all(limit).map((r) => r.day);
    for (const d of days) rebuildDay(d);
    return days;
  }

  /** Rebuilds every day with tickets (`npm run reports:rebuild`); one transaction per day, so a server may run. */
  function rebuildAll(onDay?: (day: string) => void): string[] {
    unknownDays.run();
    const days = db.prepare('SELECT day FROM report_days ORDER BY day').pluck().all() as string[];
    for (const d of days) {
      rebuildDay(d);
      onDay?.(d);
    }
    return days;
  }

  return { rebuildDay, rebuildStale, rebuildAll };
}
