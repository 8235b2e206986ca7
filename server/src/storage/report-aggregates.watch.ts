import type { Db } from './db.ts';
import type { JournalRepository, RatingsRepository, TicketsRepository } from '../core/store.port.ts';
import {
  addEvent,
  addRating,
  addTicket,
  DeltaSet,
  TICKET_STATE_COLUMNS,
  type EventState,
  type TicketKeys,
  type TicketState,
} from './report-aggregates.contribution.ts';
import type { AggregateWriter } from './report-aggregates.write.ts';

/**
 * The store's ticket, journal and rating repositories wrapped so that each write that changes a report also writes
 * its aggregate deltas, in the same transaction (installed by createStore through createReportAggregates).
 */
export function createAggregateWatchers(db: Db, { tracked, targetSec }: AggregateWriter) {
  const ticketState = db.prepare<[string], TicketState>(`SELECT ${TICKET_STATE_COLUMNS} FROM tickets WHERE id = ?`);
  const calls = db.prepare<[string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'called' AND counter_id = ?",
  );
  const callsBy = db.prepare<[string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'called' AND actor_id = ?",
  );

  function watchTickets(repo: TicketsRepository): TicketsRepository {
    return {
      ...repo,
      insert: (t) =>
        tracked(
          t.businessDay,
          () => repo.insert(t),
          () => {
            const now = ticketState.get(t.id);
            if (!now) return null;
            const set = new DeltaSet();
            addTicket(set, now, 1, targetSec(now.issued_area_id));
            return set;
          },
        ),
      update: (id, patch) => {
        const old = ticketState.get(id);
        if (!old) return repo.update(id, patch);
        return tracked(
          old.business_day,
          () => {
            repo.update(id, patch);
          },
          () => {
            const now = ticketState.get(id)!;
            const set = new DeltaSet();
            addTicket(set, old, -1, targetSec(old.issued_area_id));
            addTicket(set, now, 1, targetSec(now.issued_area_id));
            return set;
          },
        );
      },
    };
  }

  const ticketKeys = db.prepare<[string], TicketKeys & { business_day: string }>(
    'SELECT issued_at, procedure_id, channel, business_day FROM tickets WHERE id = ?',
  );
  function watchJournal(repo: JournalRepository): JournalRepository {
    return {
      ...repo,
      event: (e) => {
        if (e.type !== 'called' && e.type !== 'transferred') return repo.event(e);
        return tracked(
          e.businessDay,
          () => repo.event(e),
          () => {
            const t = ticketKeys.get(e.ticketId);
            if (!t) return null;
            const state: EventState = {
              type: e.type,
              business_day: e.businessDay,
              counter_id: e.counterId ?? null,
              actor_id: e.actorId ?? null,
              area_id: e.areaId ?? null,
            };
            const set = new DeltaSet();
            addEvent(set, state, t, {
              counter: state.counter_id !== null && calls.get(e.ticketId, state.counter_id)!.n === 1,
              clerk: state.actor_id !== null && callsBy.get(e.ticketId, state.actor_id)!.n === 1,
            });
            return set;
          },
        );
      },
    };
  }

  function watchRatings(repo: RatingsRepository): RatingsRepository {
    return {
      ...repo,
      insert: (r) => {
        const t = ticketKeys.get(r.ticketId);
        if (!t) return repo.insert(r);
        return tracked(
          t.business_day,
          () => repo.insert(r),
          () => {
            const set = new DeltaSet();
            addRating(set, { level: r.level, counter_id: r.counterId, clerk_id: r.clerkId, area_id: r.areaId }, t);
            return set;
          },
        );
      },
    };
  }

  return { watchTickets, watchJournal, watchRatings };
}
