import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedCenter, seedProcedures } from '../../server/src/core/catalog/seed.ts';
import { createSettingsService } from '../../server/src/core/settings/settings.service.ts';
import { summaryReport } from '../../server/src/core/reports/reports.usecases.ts';
import type { GroupBy } from '../../server/src/core/reports/report.aggregate.ts';
import { openDatabase } from '../../server/src/storage/db.ts';
import { createReportAggregates } from '../../server/src/storage/report-aggregates.repository.ts';
import { aggregateSql } from '../../server/src/storage/reports.repository.ts';
import { createStore, type Store } from '../../server/src/storage/store.ts';
import { createJournalRepository } from '../../server/src/storage/journal.repository.ts';
import { createRatingsRepository } from '../../server/src/storage/ratings.repository.ts';
import { createTicketsRepository } from '../../server/src/storage/tickets.repository.ts';
import { addDays } from '../../server/src/core/time/zoned-time.ts';
import { fmt, printTable } from './bench.stats.ts';

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
 * `npm run reports:rebuild` and the server's start-up check do), then every report grouping timed over a year, a
 * quarter and a day beside the floor: one SQL pass over the largest table (ticket_events), in the same run.
 */
export async function benchReports(total = 600_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-reports-'));
  const db = openDatabase(join(dir, 'year.sqlite'));
  const store = createStore(db);
  const clock = { now: () => Date.parse('2026-01-01T08:00:00+07:00') };
  seedCenter(
    store,
    clock,
    JSON.parse(readFileSync(new URL('../../server/src/seed/demo-center.json', import.meta.url), 'utf8')),
  );
  seedProcedures(
    store,
    clock,
    JSON.parse(readFileSync(new URL('../../server/src/seed/demo-procedures.json', import.meta.url), 'utf8')),
  );
  const settings = createSettingsService(store, clock);
  const areas = store.catalog.areas();
  const procsOf = new Map(areas.map((a) => [a.id, store.procedures.all().filter((p) => p.areaId === a.id)]));
  const CHANNELS = ['kiosk', 'kiosk', 'kiosk', 'staff', 'remote', 'appointment'];
  const counters = store.catalog.counters();
  const clerks = counters.map((c, i) => {
    const id = `clerk${i}`;
    store.accounts.insertUser({
      id,
      username: `canbo${i}`,
      displayName: `Cán bộ ${i}`,
      role: 'clerk',
      passwordHash: 'x',
      active: true,
      createdAt: 0,
    });
    return id;
  });
  const days: string[] = [];
  for (let d = '2026-01-02'; days.length < 250; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d);
  }
  const perDay = Math.ceil(total / days.length);
  const t0 = performance.now();
  db.pragma('synchronous = OFF'); // generation only: the timed reads below do not depend on it
  const insT =
    db.prepare(`INSERT INTO tickets (id, number, seq, business_day, issued_area_id, area_id, priority, status, issued_at, first_called_at, called_at, finished_at, counter_id, clerk_id, issuer_kind, issuer_id, issue_seq, procedure_id, channel, transfers)
    VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 'kiosk', 'k', ?, ?, ?, ?)`);
  const insE = db.prepare(
    `INSERT INTO ticket_events (at, business_day, ticket_id, type, counter_id, area_id, actor_kind, actor_id) VALUES (?, ?, ?, ?, ?, ?, 'user', ?)`,
  );
  const insR = db.prepare(
    `INSERT INTO ratings (id, ticket_id, level, reasons, counter_id, clerk_id, area_id, at, business_day) VALUES (?, ?, ?, '[]', ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  let rnd = 42;
  const rand = () => (rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  db.transaction(() => {
    for (const day of days) {
      const open = Date.parse(`${day}T07:30:00+07:00`);
      for (let i = 0; i < perDay && n < total; i++, n++) {
        const ci = Math.floor(rand() * counters.length);
        const c = counters[ci]!;
        const areaId = c.areaIds[0] ?? areas[0]!.id;
        const issued = open + Math.floor(rand() * 8 * 3600_000);
        const called = issued + Math.floor(rand() * 40 * 60_000);
        const finished = called + Math.floor(60_000 + rand() * 15 * 60_000);
        const status = rand() < 0.06 ? 'no_show' : rand() < 0.01 ? 'expired' : 'done';
        const id = `t${n}`;
        const procs = procsOf.get(areaId) ?? [];
        const proc = procs.length && rand() < 0.7 ? procs[Math.floor(rand() * procs.length)]!.id : null;
        const transferred = status === 'done' && rand() < 0.03;
        insT.run(
          id,
          String(1000 + i),
          1000 + i,
          day,
          areaId,
          areaId,
          status,
          issued,
          status === 'expired' ? null : called,
          status === 'expired' ? null : called,
          status === 'expired' ? null : finished,
          c.id,
          clerks[ci]!,
          n + 1,
          proc,
          CHANNELS[Math.floor(rand() * CHANNELS.length)]!,
          transferred ? 1 : 0,
        );
        if (transferred) insE.run(called - 120_000, day, id, 'transferred', c.id, areaId, clerks[ci]!);
        if (status !== 'expired') {
          insE.run(called, day, id, 'called', c.id, areaId, clerks[ci]!);
          insE.run(finished, day, id, status === 'done' ? 'finished' : 'no_show', c.id, areaId, clerks[ci]!);
        }
        if (status === 'done' && rand() < 0.4)
          insR.run(
            `r${n}`,
            id,
            rand() < 0.7 ? 'very_satisfied' : rand() < 0.8 ? 'satisfied' : 'unsatisfied',
            c.id,
            clerks[ci]!,
            areaId,
            finished + 20_000,
            day,
          );
      }
    }
  })();
  const genSec = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const rebuilt = createReportAggregates(db).rebuildAll();
  const rebuildSec = (performance.now() - t1) / 1000;
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
        s.tickets.insert({
          id,
          number: String(i),
          seq: i,
          businessDay: day,
          issuedAreaId: areaId,
          areaId,
          priority: false,
          priorityGroup: null,
          status: 'waiting',
          issuedAt: at,
          firstCalledAt: null,
          calledAt: null,
          finishedAt: null,
          counterId: null,
          clerkId: null,
          recalls: 0,
          transfers: 0,
          issuerKind: 'device',
          issuerId: 'k',
          idempotencyKey: null,
          dossierCode: null,
          note: null,
          procedureId: null,
          targetCounterId: null,
        });
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
