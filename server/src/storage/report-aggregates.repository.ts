import type { Db } from './db.ts';
import { createAggregateReader } from './report-aggregates.read.ts';
import { createAggregateRebuild } from './report-aggregates.rebuild.ts';
import { createAggregateWatchers } from './report-aggregates.watch.ts';
import { createAggregateWriter } from './report-aggregates.write.ts';

/**
 * The maintained daily aggregates (migration 0008): written in the transaction of every ticket, event and rating
 * write that goes through the store (the `watch*` wrappers, installed by createStore), rebuilt from the tickets of
 * a day when that day is stale (report_days.writes ≠ applied), read by the reports for fresh days.
 */
export function createReportAggregates(db: Db) {
  const writer = createAggregateWriter(db);
  const { compactDay, compactPast } = writer;
  return {
    ...createAggregateWatchers(db, writer),
    ...createAggregateRebuild(db, writer),
    compactDay,
    compactPast,
    ...createAggregateReader(db),
  };
}

export type ReportAggregates = ReturnType<typeof createReportAggregates>;
