import type { Db } from '../storage/db.ts';
import { createReportAggregates } from '../storage/report-aggregates.repository.ts';

/**
 * Keeps the daily report aggregates whole: rebuilds the stale or missing days (after a migration, a restore, a
 * write that went around the store, a changed target wait) one day per turn of the event loop, newest first, so the
 * queue keeps moving meanwhile, then folds past days' recent histogram rows into their blobs, then rolls past months
 * up (migration 0009). Reports stay exact while a day waits: they read its tickets (or its recent rows, or its
 * month's daily rows) instead.
 */
export function startReportUpkeep(db: Db, onError: (e: unknown) => void) {
  const aggregates = createReportAggregates(db);
  let pending: NodeJS.Immediate | null = null;
  let stopped = false;
  const step = () => {
    pending = null;
    if (stopped) return;
    try {
      // A stale day first (newest first), else a past day's recent histogram rows folded into its blobs, else a past
      // month whose roll-up is missing or outdated summed (a year's report then reads ~12 rows a key, not ~250).
      if (
        aggregates.rebuildStale(1).length > 0 ||
        aggregates.compactPast(1).length > 0 ||
        aggregates.rollUpMonths(1).length > 0
      )
        pending = setImmediate(step);
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
