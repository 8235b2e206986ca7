import type { Db } from '../storage/db.ts';
import { createReportAggregates } from '../storage/report-aggregates.repository.ts';

/**
 * Keeps the daily report aggregates whole: rebuilds the stale or missing days (after a migration, a restore, a
 * write that went around the store, a changed target wait) one day per turn of the event loop, newest first, so the
 * queue keeps moving meanwhile, then folds past days' recent histogram rows into their blobs. Reports stay exact
 * while a day waits: they read its tickets (or its recent rows) instead.
 */
export function startReportUpkeep(db: Db, onError: (e: unknown) => void) {
  const aggregates = createReportAggregates(db);
  let pending: NodeJS.Immediate | null = null;
  let stopped = false;
  const step = () => {
    pending = null;
    if (stopped) return;
    try {
      // A stale day first (newest first), else a past day's recent histogram rows folded into its blobs.
      if (aggregates.rebuildStale(1).length > 0 || aggregates.compactPast(1).length > 0) pending = setImmediate(step);
    } catch (e) {
      onError(e); // tried again at the next check
    }
  };
  return {
    /** Starts a pass unless one is under way (called at start-up and on every periodic tick). */
    check(): void {
      if (!pending && !stopped) pending = setImmediate(step);
    },
    stop(): void {
      stopped = true;
      if (pending) clearImmediate(pending);
      pending = null;
    },
  };
}
