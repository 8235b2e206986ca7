import { join } from 'node:path';
import type { ServerConfig } from '../../server/src/config.ts';
import { ManualClock, systemClock } from '../../server/src/core/clock.ts';
import type { Deps } from '../../server/src/core/ports.ts';
import { createSettingsService } from '../../server/src/core/settings/settings.service.ts';
import { businessDay } from '../../server/src/core/time/zoned-time.ts';
import { createReportAggregates } from '../../server/src/storage/report-aggregates.repository.ts';
import { createStore } from '../../server/src/storage/store.ts';
import { businessDaysBefore } from './simulate.calendar.ts';
import { firstStart, openForSimulation, simulatedCounters, SimulateRefusedError } from './simulate.database.ts';
import { simulateDay, type DayStats } from './simulate.day.ts';
import { buildModel } from './simulate.plan.ts';
import { mulberry32 } from './simulate.random.ts';
import { dayUnitsOfWork } from './simulate.units.ts';

export interface SimulateOptions {
  dataDir: string;
  days: number;
  perDay: number;
  seed: number;
  /** Simulate days that already hold tickets too (added to what is there); without it they are skipped. */
  force?: boolean;
  /** "Today": the days simulated are the business days before it. Default: the machine's clock. */
  now?: number;
  config: Pick<ServerConfig, 'seed' | 'adminPassword'>;
  /** Progress lines (one per 10 days). */
  log?: (line: string) => void;
  /** Tests only: no caches, every use case in its own savepoint (simulate.units.ts). */
  plain?: boolean;
}

export interface SimulateSummary extends DayStats {
  days: string[];
  skipped: string[];
  seconds: number;
  adminPassword: string | null;
  clerksCreated: number;
}

const daySeed = (seed: number, day: string) =>
  [...day].reduce((h, ch) => (Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0) as number, (seed ^ 0x811c9dc5) >>> 0);

/**
 * `npm run simulate`: fills the business days before today with a simulated history, through the use cases and
 * the unit of work (a notifier nobody hears), so numbers, events and ratings are what the system would have
 * recorded. Each day is one transaction (the use cases run inside it): a year takes minutes, and a day is
 * either all there or not at all. The day's report aggregates are built once, at the end of the day and in its
 * transaction, by the rebuild the server runs for a stale day (`rebuildDay`): the same rules as the write-by-write
 * upkeep (one definition, and the property test in storage/reports.repository.test.ts holds both equal to the
 * reference), at a fraction of the cost (~20 µs a ticket instead of ~400 µs of upserts).
 */
export async function simulate(opts: SimulateOptions): Promise<SimulateSummary> {
  const began = performance.now();
  const log = opts.log ?? (() => undefined);
  const db = openForSimulation(join(opts.dataDir, 'queue.sqlite'));
  try {
    const store = createStore(db);
    const setup: Deps = { store, clock: systemClock, settings: createSettingsService(store, systemClock) };
    const { adminPassword } = await firstStart(setup, opts.config);
    const settings = setup.settings.get();
    const { counters, created } = await simulatedCounters(setup);
    if (!counters.length)
      throw new SimulateRefusedError(
        'Không mô phỏng: không có quầy nào đang đóng và trống để cán bộ mô phỏng giữ (hãy tạo quầy, hoặc đóng các quầy đang mở). ' +
          '(Refused: no free counter to simulate with.)',
      );
    const today = businessDay(opts.now ?? systemClock.now(), settings.timeZone);
    const wanted = businessDaysBefore(today, opts.days, settings);
    const holds = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM tickets WHERE business_day = ? LIMIT 1');
    const skipped = opts.force ? [] : wanted.filter((d) => holds.get(d));
    const days = wanted.filter((d) => !skipped.includes(d));
    const model = buildModel(store.catalog.areas(), counters, settings, opts.perDay, opts.seed);
    const clock = new ManualClock(0);
    const units = dayUnitsOfWork(db, store, clock, opts.plain);
    const aggregates = createReportAggregates(db);
    const total: DayStats = {
      issued: 0,
      refused: 0,
      done: 0,
      noShow: 0,
      transferred: 0,
      recalled: 0,
      rated: 0,
      expired: 0,
    };
    days.forEach((day, i) => {
      units.newDay();
      const stats = store.tx(() => {
        const s = simulateDay(
          { run: units.run, attempt: units.attempt, clock, settings, model, perDay: opts.perDay },
          day,
          mulberry32(daySeed(opts.seed, day)),
        );
        aggregates.rebuildDay(day);
        return s;
      });
      for (const k of Object.keys(total) as (keyof DayStats)[]) total[k] += stats[k];
      if ((i + 1) % 10 === 0 || i === days.length - 1)
        log(
          `  ${i + 1}/${days.length} ngày (đến ${day}): ${total.issued} vé, ${((performance.now() - began) / 1000).toFixed(1)} s`,
        );
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      ...total,
      days,
      skipped,
      seconds: (performance.now() - began) / 1000,
      adminPassword,
      clerksCreated: created,
    };
  } finally {
    db.close();
  }
}
