import type { Db } from './db.ts';
import type { EventFact, RatingFact, TicketFact } from '../core/reports/report.aggregate.ts';

/** Facts for reports over a range of business days; indexes: tickets_day, ticket_events_day, ratings_day. */
export function createReportsRepository(db: Db) {
  const tickets = db.prepare<[string, string], TicketFact>(`SELECT issued_area_id AS issuedAreaId, area_id AS areaId, counter_id AS counterId, clerk_id AS clerkId,
    status, business_day AS businessDay, issued_at AS issuedAt, first_called_at AS firstCalledAt, called_at AS calledAt, finished_at AS finishedAt, transfers
    FROM tickets WHERE business_day BETWEEN ? AND ?`);
  const events = db.prepare<[string, string], EventFact>(`SELECT e.type, e.ticket_id AS ticketId, e.counter_id AS counterId, e.actor_id AS actorId, e.area_id AS areaId,
    e.business_day AS businessDay, t.issued_at AS issuedAt
    FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.business_day BETWEEN ? AND ? AND e.type IN ('called', 'transferred')`);
  const ratings = db.prepare<[string, string], RatingFact>(`SELECT r.level, r.area_id AS areaId, r.counter_id AS counterId, r.clerk_id AS clerkId,
    t.business_day AS businessDay, t.issued_at AS issuedAt
    FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.business_day BETWEEN ? AND ?`);
  return {
    tickets: (from: string, to: string) => tickets.all(from, to),
    // A called ticket counts once per counter even if called back after a no-show.
    events: (from: string, to: string) => {
      const seen = new Set<string>();
      return events.all(from, to).filter((e) => {
        if (e.type !== 'called') return true;
        const k = `${e.ticketId}|${e.counterId}|${e.actorId}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    },
    ratings: (from: string, to: string) => ratings.all(from, to),
  };
}
