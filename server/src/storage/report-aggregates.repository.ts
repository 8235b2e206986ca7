import type { Db } from './db.ts';
import { createAggregateReader } from './report-aggregates.read.ts';
import { createAggregateRebuild } from './report-aggregates.rebuild.ts';
import { createAggregateWatchers } from './report-aggregates.watch.ts';
import { createAggregateWriter } from './report-aggregates.write.ts';
import { createMonthRollup } from './report-aggregates.months.ts';

/**
 * The maintained daily aggregates (migration 0008): written in the transaction of every ticket, event and rating
 * write that goes through the store (the `watch*` wrappers, installed by createStore), rebuilt from the tickets of
 * a day when that day is stale (report_days.writes ≠ applied), read by the reports for fresh days; past months are
 * rolled up (migration 0009, report-aggregates.months.ts) by the server's upkeep, off the write path.
 */
export function createReportAggregates(db: Db) {
  const writer = createAggregateWriter(db);
  const { compactDay, compactPast } = writer;
  const reader = createAggregateReader(db);
  return {
    ...createAggregateWatchers(db, writer),
    ...createAggregateRebuild(db, writer),
    compactDay,
    compactPast,
    ...reader,
    ...createMonthRollup(db, reader),
  };
}

export type ReportAggregates = ReturnType<typeof createReportAggregates>;
