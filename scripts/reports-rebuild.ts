import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../server/src/storage/db.ts';
import { createReportAggregates } from '../server/src/storage/report-aggregates.repository.ts';
import { STORAGE_FAULT_VI, storageFault } from '../server/src/storage/storage.fault.ts';

/**
 * `npm run reports:rebuild`: recomputes the daily report aggregates of every day from DATA_DIR/queue.sqlite's
 * tickets, events and ratings. Safe while the server runs (one short write transaction per day). The server does
 * the same by itself for days it finds stale or missing; this is for a repair by hand.
 */
const dataDir = resolve(process.env.DATA_DIR ?? './data');
try {
  const db = openDatabase(join(dataDir, 'queue.sqlite'));
  try {
    const t0 = performance.now();
    const aggregates = createReportAggregates(db);
    const days = aggregates.rebuildAll();
    // A rebuilt day voids its month's roll-up (migration 0009): sum the past months again, as the server would.
    aggregates.rollUpMonths();
    const sec = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `Đã dựng lại số liệu báo cáo của ${days.length} ngày trong ${sec} s (${days[0] ?? '–'} … ${days.at(-1) ?? '–'}).`,
    );
  } finally {
    db.close();
  }
} catch (e) {
  const fault = storageFault(e);
  console.error(`Dựng lại số liệu báo cáo thất bại: ${fault ? STORAGE_FAULT_VI[fault] : (e as Error).message}`);
  process.exit(1);
}
