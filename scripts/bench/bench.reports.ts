import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { summaryReport } from '../../server/src/core/reports/reports.usecases.ts';
import type { GroupBy } from '../../server/src/core/reports/report.aggregate.ts';
import { openDatabase } from '../../server/src/storage/db.ts';
import { createReportAggregates } from '../../server/src/storage/report-aggregates.repository.ts';
import { aggregateSql } from '../../server/src/storage/reports.repository.ts';
import { createJournalRepository } from '../../server/src/storage/journal.repository.ts';
import { createRatingsRepository } from '../../server/src/storage/ratings.repository.ts';
import { createTicketsRepository } from '../../server/src/storage/tickets.repository.ts';
import { newWaitingTicket } from '../../server/src/core/tickets/ticket.new.ts';
import { fmt, printTable } from './bench.stats.ts';
import { generateYear } from './bench.reports.data.ts';
import type { Store } from '../../server/src/storage/store.ts';

/** The median of three timed runs, in ms (the first run also warms the page cache). */
function timed(fn: () => unknown): number {
  const ms: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    fn();
    ms.push(performance.now() - s);
  }
  return ms.sort((a, b) => a - b)[1]!;
}

/**
 * Issue 7's and issue 15's figure: a year of a busy center (~600,000 tickets over 250 working days, their
 * call/finish/transfer events, 40 % rated, procedures and channels) inserted straight into SQLite (the fastest
 * way; the triggers of migration 0008 mark every day stale), the daily aggregates rebuilt from those tickets (what
 * `npm run reports:rebuild` and the server's start-up check do) and the past months rolled up (the upkeep), then
 * every report grouping timed over a year, a quarter and a day beside the floor: one SQL pass over the largest
 * table (ticket_events), in the same run.
 */
export async function benchReports(total = 600_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-reports-'));
  const db = openDatabase(join(dir, 'year.sqlite'));
  const { store, clock, settings, areas, counters, clerks, days, tickets: n, rand, genSec } = generateYear(db, total);
  const t1 = performance.now();
  const aggregates = createReportAggregates(db);
  const rebuilt = aggregates.rebuildAll();
  const rebuildSec = (performance.now() - t1) / 1000;
  // Then what the server's upkeep does next, off the write path: every past month summed (migration 0009).
  const t2 = performance.now();
  const months = aggregates.rollUpMonths();
  const rollMs = performance.now() - t2;
  db.pragma('synchronous = FULL');
  const deps = { store, clock, settings };
  // The same reports read from the tickets alone (the path a stale day takes), for comparison.
  const raw = {
    store: { ...store, reports: { aggregate: (q: Parameters<typeof aggregateSql>[1]) => aggregateSql(db, q) } },
    clock,
    settings,
  };
  const events = db.prepare('SELECT COUNT(*) FROM ticket_events').pluck().get() as number;
  const floorMs = timed(() => db.prepare('SELECT COUNT(*), SUM(at), SUM(length(type)) FROM ticket_events').get());
  const rows: [string, string][] = [
    [`generated ${n} tickets, ${events} events over ${days.length} working days (raw inserts)`, `${fmt(genSec, 1)} s`],
    [`daily aggregates rebuilt from the tickets (${rebuilt.length} days)`, `${fmt(rebuildSec, 1)} s`],
    [`past months rolled up (${months.length} months, by the upkeep)`, `${fmt(rollMs / 1000, 1)} s`],
    [`floor: one SQL pass over ticket_events (${events} rows)`, `${fmt(floorMs, 0)} ms`],
  ];
  const ranges: [string, string, string][] = [
    ['year', days[0]!, days[days.length - 1]!],
    ['quarter', '2026-04-01', '2026-06-30'],
    ['day', days[100]!, days[100]!],
  ];
  const groupings: GroupBy[] = ['area', 'department', 'counter', 'clerk', 'procedure', 'channel', 'hour', 'day'];
  for (const [name, from, to] of ranges) {
    for (const groupBy of groupings) {
      if (name === 'day' && groupBy === 'day') continue;
      let count = 0;
      const ms = timed(() => (count = summaryReport(deps, { from, to, groupBy }).rows.length));
      const cmp =
        name === 'year'
          ? `; from the tickets ${fmt(
              timed(() => summaryReport(raw, { from, to, groupBy })),
              0,
            )} ms`
          : '';
      rows.push([`${name} by ${groupBy} (${count} rows)`, `${fmt(ms, 1)} ms = ${fmt(ms / floorMs, 2)}× floor${cmp}`]);
    }
  }
  // The machine's load moves during the run: the floor once more, after the reports, to compare with both.
  const floorAfter = timed(() => db.prepare('SELECT COUNT(*), SUM(at), SUM(length(type)) FROM ticket_events').get());
  rows.push([`floor again, after the reports`, `${fmt(floorAfter, 0)} ms`]);
  // What keeping the aggregates costs a write: a day's life of tickets (issue, call, finish, rating) through the
  // store, beside the same writes through the bare repositories, in one transaction each (CPU, not fsync).
  const bare = {
    tickets: createTicketsRepository(db),
    journal: createJournalRepository(db),
    ratings: createRatingsRepository(db),
  };
  const lifecycle = (s: Pick<Store, 'tickets' | 'journal' | 'ratings'>, day: string, count: number) =>
    db.transaction(() => {
      const c = counters[0]!;
      const areaId = c.areaIds[0] ?? areas[0]!.id;
      const open = Date.parse(`${day}T07:30:00+07:00`);
      for (let i = 0; i < count; i++) {
        const id = `w${day}${i}`;
        const at = open + i * 12_000;
        s.tickets.insert(
          newWaitingTicket({
            id,
            number: String(i),
            seq: i,
            businessDay: day,
            areaId,
            issuedAt: at,
            issuerKind: 'device',
            issuerId: 'k',
          }),
        );
        const called = at + Math.floor(rand() * 40 * 60_000);
        s.tickets.update(id, {
          status: 'called',
          firstCalledAt: called,
          calledAt: called,
          counterId: c.id,
          clerkId: clerks[0]!,
        });
        s.journal.event({
          at: called,
          businessDay: day,
          ticketId: id,
          type: 'called',
          counterId: c.id,
          areaId,
          actorKind: 'user',
          actorId: clerks[0]!,
        });
        const done = called + Math.floor(60_000 + rand() * 15 * 60_000);
        s.tickets.update(id, { status: 'done', finishedAt: done });
        s.journal.event({
          at: done,
          businessDay: day,
          ticketId: id,
          type: 'finished',
          counterId: c.id,
          areaId,
          actorKind: 'user',
          actorId: clerks[0]!,
        });
        s.ratings.insert({
          id: `r${id}`,
          ticketId: id,
          level: 'satisfied',
          reasons: [],
          comment: null,
          counterId: c.id,
          clerkId: clerks[0]!,
          areaId,
          deviceId: null,
          at: done,
          businessDay: day,
        });
      }
    })();
  const per = (fn: () => void, count: number) => {
    const s0 = performance.now();
    fn();
    return ((performance.now() - s0) * 1000) / count;
  };
  const W = 2400;
  const bareUs = per(() => lifecycle(bare, '2026-12-28', W), W);
  const keptUs = per(() => lifecycle(store, '2026-12-29', W), W);
  rows.push([
    `a ticket's writes (issue, call, finish, rating), ${W} in a day`,
    `${fmt(keptUs, 0)} µs with the aggregates, ${fmt(bareUs, 0)} µs bare`,
  ]);
  printTable('Báo cáo / reports over a year of a busy center (median of 3)', rows);
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
