import type { Db } from './db.ts';
import { createAccountsRepository } from './accounts.repository.ts';
import { createCatalogRepository } from './catalog.repository.ts';
import { createJournalRepository } from './journal.repository.ts';
import { createPrintJobsRepository } from './print-jobs.repository.ts';
import { createRatingsRepository } from './ratings.repository.ts';
import { createSettingsRepository } from './settings.repository.ts';
import { createTicketsRepository } from './tickets.repository.ts';

/** Every repository over one connection, plus the transaction that makes a use case atomic. */
export function createStore(db: Db) {
  return {
    db,
    tickets: createTicketsRepository(db),
    catalog: createCatalogRepository(db),
    journal: createJournalRepository(db),
    accounts: createAccountsRepository(db),
    ratings: createRatingsRepository(db),
    printJobs: createPrintJobsRepository(db),
    settings: createSettingsRepository(db),
    /** BEGIN IMMEDIATE: the write lock is taken first, so two writers never interleave. */
    tx<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
