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
  return {
    db,
    tickets: aggregates.watchTickets(createTicketsRepository(db)),
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
      return db.transaction(fn).immediate();
    },
  };
}
