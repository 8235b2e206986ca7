import type { Db } from './db.ts';
import type { StorePort } from '../core/store.port.ts';
import { createAccountsRepository } from './accounts.repository.ts';
import { createBookingsRepository, createCitizensRepository } from './bookings.repository.ts';
import { createCatalogRepository } from './catalog.repository.ts';
import { createJournalRepository } from './journal.repository.ts';
import { createProceduresRepository } from './procedures.repository.ts';
import { createPrintJobsRepository } from './print-jobs.repository.ts';
import { createRatingsRepository } from './ratings.repository.ts';
import { createReportAggregates } from './report-aggregates.repository.ts';
import { createReportsRepository } from './reports.repository.ts';
import { createSettingsRepository } from './settings.repository.ts';
import { createTicketsRepository } from './tickets.repository.ts';
import { withWaitingCounts } from './waiting.counts.ts';

/**
 * Core's StorePort over one connection. `db` is for storage's own neighbours (health, backups, tests);
 * use cases are typed with StorePort and never reach it.
 */
export interface Store extends StorePort {
  db: Db;
}

export function createStore(db: Db): Store {
  // Every ticket, event and rating write also updates the daily report aggregates, in its own transaction.
  const aggregates = createReportAggregates(db);
  // total_changes() counts every row this connection wrote (rolled-back ones too, so it never repeats a state);
  // data_version moves when another connection commits.
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  // Inside read(): a transaction, but nothing in it rolls back a write (a throw moves `epoch`, so no stamp taken
  // inside it is ever seen again).
  let reading = false;
  let epoch = 0;
  return {
    db,
    // Waiting counts per area and day kept by the connection (waiting.counts.ts); a read-only one (the report
    // worker) has no writes to follow and keeps the plain counts.
    tickets: aggregates.watchTickets(
      db.readonly ? createTicketsRepository(db) : withWaitingCounts(db, createTicketsRepository(db)),
    ),
    bookings: createBookingsRepository(db),
    citizens: createCitizensRepository(db),
    catalog: createCatalogRepository(db),
    procedures: createProceduresRepository(db),
    journal: aggregates.watchJournal(createJournalRepository(db)),
    accounts: createAccountsRepository(db),
    ratings: aggregates.watchRatings(createRatingsRepository(db)),
    printJobs: createPrintJobsRepository(db),
    settings: createSettingsRepository(db),
    reports: createReportsRepository(db, aggregates),
    /** BEGIN IMMEDIATE: the write lock is taken first, so two writers never interleave. */
    tx<T>(fn: () => T): T {
      if (!reading) return db.transaction(fn).immediate();
      // A write inside read() (not what read is for): no stamp while it runs, none from before it after.
      reading = false;
      try {
        return db.transaction(fn).immediate();
      } finally {
        reading = true;
        epoch++;
      }
    },
    read<T>(fn: () => T): T {
      if (db.inTransaction) return fn();
      reading = true;
      try {
        return db.transaction(fn).deferred();
      } catch (e) {
        epoch++;
        throw e;
      } finally {
        reading = false;
      }
    },
    writeStamp: () => (db.inTransaction && !reading ? null : `${epoch}:${totalChanges.get()}:${dataVersion.get()}`),
  };
}
