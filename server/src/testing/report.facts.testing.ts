import type { EventFact, RatingFact, TicketFact } from '../core/reports/report.reference.ts';
import type { Db } from '../storage/db.ts';

/** Raw facts for the in-memory reference aggregation (tests only: it loads every row, which the server never does). */
export function loadFacts(
  db: Db,
  from: string,
  to: string,
): { tickets: TicketFact[]; events: EventFact[]; ratings: RatingFact[] } {
  return {
    tickets: db
      .prepare(
        `SELECT issued_area_id AS issuedAreaId, area_id AS areaId, counter_id AS counterId, clerk_id AS clerkId, status, business_day AS businessDay,
      issued_at AS issuedAt, first_called_at AS firstCalledAt, called_at AS calledAt, finished_at AS finishedAt, transfers, procedure_id AS procedureId, channel FROM tickets WHERE business_day BETWEEN ? AND ?`,
      )
      .all(from, to) as TicketFact[],
    events: db
      .prepare(
        `SELECT e.type, e.ticket_id AS ticketId, e.counter_id AS counterId, e.actor_id AS actorId, e.area_id AS areaId, e.business_day AS businessDay, t.issued_at AS issuedAt, t.procedure_id AS procedureId, t.channel
      FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.business_day BETWEEN ? AND ? AND e.type IN ('called', 'transferred')`,
      )
      .all(from, to) as EventFact[],
    ratings: db
      .prepare(
        `SELECT r.level, r.area_id AS areaId, r.counter_id AS counterId, r.clerk_id AS clerkId, t.business_day AS businessDay, t.issued_at AS issuedAt, t.procedure_id AS procedureId, t.channel
      FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.business_day BETWEEN ? AND ?`,
      )
      .all(from, to) as RatingFact[],
  };
}
