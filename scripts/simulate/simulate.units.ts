import type { ManualClock } from '../../server/src/core/clock.ts';
import { createUnitOfWork, type UnitOfWork } from '../../server/src/core/ports.ts';
import { createSettingsService } from '../../server/src/core/settings/settings.service.ts';
import type { Db } from '../../server/src/storage/db.ts';
import { createJournalRepository } from '../../server/src/storage/journal.repository.ts';
import { createRatingsRepository } from '../../server/src/storage/ratings.repository.ts';
import type { Store } from '../../server/src/storage/store.ts';
import { createTicketsRepository } from '../../server/src/storage/tickets.repository.ts';
import { cachedRepositories } from './simulate.cache.ts';

export interface DayUnits {
  /** Inside the day's transaction: a failure aborts the whole day. */
  run: UnitOfWork;
  /** For a use case that may refuse (AppError, before writing anything) while the day goes on. */
  attempt: UnitOfWork;
  /** Before each day: what the caches hold is forgotten. */
  newDay(): void;
}

/**
 * How the simulated day's use cases reach the database: the tickets, events and ratings written by the very
 * repositories the server uses, without the write-by-write aggregates (the triggers still count every write in
 * report_days, and the day's aggregates are rebuilt at its end), behind the read-your-writes caches of
 * simulate.cache.ts; a notifier nobody hears.
 *
 * The use cases run inside the day's transaction without a savepoint each (SAVEPOINT/RELEASE and the copy of every
 * page a use case changes into the savepoint's journal cost more than the use case): one that fails aborts the whole
 * day, which is then not written at all. The one failure the simulation lets pass, a number refused at an area's
 * daily limit, is refused before the use case writes anything, so the day goes on exactly as after the server's
 * rolled-back transaction; were a refusal ever to come after a write, the day stops instead of keeping it.
 *
 * `plain` (for the test that proves all this changes nothing): no caches, every use case in its own savepoint.
 */
export function dayUnitsOfWork(db: Db, store: Store, clock: ManualClock, plain = false): DayUnits {
  const tickets = createTicketsRepository(db);
  const caches = plain ? null : cachedRepositories(tickets, store.catalog);
  const dayStore: Store = {
    ...store,
    tickets: caches?.tickets ?? tickets,
    catalog: caches?.catalog ?? store.catalog,
    journal: createJournalRepository(db),
    ratings: createRatingsRepository(db),
  };
  const settings = createSettingsService(dayStore, clock);
  const unitOfWork = (s: Store) => createUnitOfWork({ store: s, clock, settings }, { publish: () => undefined });
  const newDay = () => caches?.clear();
  if (plain) {
    const run = unitOfWork(dayStore); // store.tx nested in the day's transaction: a savepoint
    return { run, attempt: run, newDay };
  }
  const totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  const refusable: Store = {
    ...dayStore,
    tx: <T>(fn: () => T) => {
      const before = totalChanges.get();
      try {
        return fn();
      } catch (e) {
        if (totalChanges.get() !== before)
          throw new Error(`A use case wrote before refusing (${(e as Error).message}): the day cannot go on.`, {
            cause: e,
          });
        throw e;
      }
    },
  };
  return { run: unitOfWork({ ...dayStore, tx: (fn) => fn() }), attempt: unitOfWork(refusable), newDay };
}
