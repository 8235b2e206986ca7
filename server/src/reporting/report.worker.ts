import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors.ts';
import { systemClock } from '../core/clock.ts';
import { createSettingsService } from '../core/settings/settings.service.ts';
import { summaryReport } from '../core/reports/reports.usecases.ts';
import type { GroupBy } from '../core/reports/report.aggregate.ts';
import { createStore } from '../storage/store.ts';

/** The report worker: its own read-only connection; answers {id, result} or {id, error}. */
const db = new Database((workerData as { dbFile: string }).dbFile, { readonly: true, fileMustExist: true });
const store = createStore(db);
parentPort!.on('message', (m: { id: number; query: { from: string; to: string; groupBy: GroupBy } }) => {
  try {
    // Settings are re-read per report: an admin may have changed rating levels since the last one.
    const settings = createSettingsService(store, systemClock);
    parentPort!.postMessage({ id: m.id, result: summaryReport({ store, clock: systemClock, settings }, m.query) });
  } catch (e) {
    const err =
      e instanceof AppError
        ? { code: e.code, message: e.message }
        : { code: 'server.internal', message: (e as Error).message };
    parentPort!.postMessage({ id: m.id, error: err });
  }
});
