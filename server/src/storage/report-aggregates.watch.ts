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
import type { Ticket } from '../core/entities.ts';
import { targetSecOf, type AggregateWriter } from './report-aggregates.write.ts';

/**
 * The store's ticket, journal and rating repositories wrapped so that each write that changes a report also writes
 * its aggregate deltas, in the same transaction (installed by createStore through createReportAggregates).
 */
export function createAggregateWatchers(db: Db, { tracked, targetSec }: AggregateWriter) {
  // The ticket's state and its issued area's target wait as now, in one read.
  const ticketState = db.prepare<[string], TicketState & { target_min: number | null }>(
    `SELECT ${TICKET_STATE_COLUMNS}, (SELECT target_wait_min FROM areas WHERE id = tickets.issued_area_id) AS target_min
    FROM tickets WHERE id = ?`,
  );
  // How often the ticket has been called by this counter and by this clerk (the new call included), in one read.
  const calls = db.prepare<
    { ticket: string; counter: string | null; actor: string | null },
    { byCounter: number; byClerk: number }
  >(
    `SELECT COALESCE(SUM(counter_id = @counter), 0) AS byCounter, COALESCE(SUM(actor_id = @actor), 0) AS byClerk
    FROM ticket_events WHERE ticket_id = @ticket AND type = 'called'`,
  );

  function watchTickets(repo: TicketsRepository): TicketsRepository {
    return {
      ...repo,
      // The deltas from the row the insert returned, as stored: no read of it, nor of its area's target wait unless
      // it was stored already called (the target only weighs a wait). The trigger counts an insert exactly once.
      insert: (t) =>
        tracked(
          t.businessDay,
          () => repo.insert(t),
          (row) => {
            const now = ticketStateOf(row);
            const set = new DeltaSet();
            addTicket(set, now, 1, now.first_called_at === null ? null : targetSec(now.issued_area_id));
            return set;
          },
          1,
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
            addTicket(set, old, -1, targetSecOf(old.target_min));
            addTicket(set, now, 1, targetSecOf(now.target_min));
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
            const n =
              e.type === 'called'
                ? calls.get({ ticket: e.ticketId, counter: state.counter_id, actor: state.actor_id })!
                : { byCounter: 0, byClerk: 0 };
            addEvent(set, state, t, {
              counter: state.counter_id !== null && n.byCounter === 1,
              clerk: state.actor_id !== null && n.byClerk === 1,
            });
            return set;
          },
          1, // report_days_event_insert counts exactly these two types, on the entry's day
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
          1, // report_days_rating_insert counts every rating once, on its ticket's day
        );
      },
    };
  }

  return { watchTickets, watchJournal, watchRatings };
}

/** A ticket's report columns (TICKET_STATE_COLUMNS) from the ticket itself. */
export const ticketStateOf = (t: Ticket): TicketState => ({
  business_day: t.businessDay,
  issued_area_id: t.issuedAreaId,
  area_id: t.areaId,
  counter_id: t.counterId,
  clerk_id: t.clerkId,
  status: t.status,
  issued_at: t.issuedAt,
  first_called_at: t.firstCalledAt,
  called_at: t.calledAt,
  finished_at: t.finishedAt,
  procedure_id: t.procedureId,
  channel: t.channel,
});
