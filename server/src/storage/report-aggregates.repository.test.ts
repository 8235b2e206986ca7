import { describe, expect, it } from 'vitest';
import * as counters from '../core/counters/counters.usecases.ts';
import { issueTicket } from '../core/tickets/tickets.usecases.ts';
import { coreHarness } from '../testing/core.harness.testing.ts';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate, openDatabase } from './db.ts';
import { createReportAggregates } from './report-aggregates.repository.ts';
import { aggregateSql } from './reports.repository.ts';
import { createStore } from './store.ts';

const DAY = '2026-11-26';
const OFF = 7 * 3_600_000;

/** A morning: four tickets of LLTP, three called and finished at counter 1 after 3, 6 and 9 minutes. */
function morning() {
  const h = coreHarness('2026-11-26T08:00:00+07:00');
  const clerk = h.clerk('c1');
  const input = { counterId: h.counter(1).id, actor: clerk };
  h.run((tx) => counters.openCounter(tx, input));
  const lltp = h.area('LLTP').id;
  for (let i = 0; i < 4; i++) h.run((tx) => issueTicket(tx, { areaId: lltp, actor: h.kiosk }));
  for (let i = 0; i < 3; i++) {
    h.clock.advance(3 * 60_000);
    h.run((tx) => counters.callNext(tx, input));
    h.run((tx) => counters.finish(tx, input));
  }
  const stale = () => h.db.prepare('SELECT day FROM report_days WHERE writes <> applied').pluck().all();
  const report = () => h.store.reports.aggregate({ from: DAY, to: DAY, groupBy: 'area', offsetMs: OFF }).get(lltp)!;
  const fromTickets = () => aggregateSql(h.db, { from: DAY, to: DAY, groupBy: 'area', offsetMs: OFF }).get(lltp)!;
  return { h, lltp, stale, report, fromTickets };
}

describe('daily report aggregates', () => {
  it('a write around the store makes its day stale: the report reads the tickets until the day is rebuilt', () => {
    const { h, stale, report, fromTickets } = morning();
    expect(stale()).toEqual([]);
    expect(report()).toMatchObject({ issued: 4, served: 3, waitN: 3 });
    // A raw UPDATE the aggregates never saw (a future code path, a hand repair).
    h.db
      .prepare(
        "UPDATE tickets SET status = 'no_show' WHERE status = 'done' AND number = (SELECT MIN(number) FROM tickets)",
      )
      .run();
    expect(stale()).toEqual([DAY]);
    expect(report()).toEqual(fromTickets());
    expect(report()).toMatchObject({ served: 2, noShow: 1 });
    expect(createReportAggregates(h.db).rebuildStale()).toEqual([DAY]);
    expect(stale()).toEqual([]);
    expect(report()).toMatchObject({ served: 2, noShow: 1 });
    expect(report()).toEqual(fromTickets());
  });

  it('a changed target wait is applied to the days already aggregated (after their rebuild)', () => {
    const { h, lltp, stale, report, fromTickets } = morning();
    h.db.prepare('UPDATE areas SET target_wait_min = 5 WHERE id = ?').run(lltp);
    expect(stale()).toEqual([DAY]);
    // Waits of 3, 6 and 9 minutes: one within 5 minutes.
    expect(report()).toMatchObject({ targeted: 3, within: 1 });
    createReportAggregates(h.db).rebuildStale();
    expect(report()).toMatchObject({ targeted: 3, within: 1 });
    expect(report()).toEqual(fromTickets());
  });

  // An issue advances the day's `applied` by the one write its trigger counts, without reading the day first
  // (issue 15): a day already stale must stay stale through it, a fresh one stay fresh.
  it('issuing keeps a stale day stale and a fresh day fresh', () => {
    const { h, lltp, stale, report, fromTickets } = morning();
    h.db
      .prepare(
        "UPDATE tickets SET status = 'no_show' WHERE status = 'done' AND number = (SELECT MIN(number) FROM tickets)",
      )
      .run();
    expect(stale()).toEqual([DAY]);
    for (let i = 0; i < 3; i++) h.run((tx) => issueTicket(tx, { areaId: lltp, actor: h.kiosk }));
    expect(stale()).toEqual([DAY]);
    expect(report()).toEqual(fromTickets());
    createReportAggregates(h.db).rebuildStale();
    for (let i = 0; i < 3; i++) h.run((tx) => issueTicket(tx, { areaId: lltp, actor: h.kiosk }));
    expect(stale()).toEqual([]);
    expect(report()).toMatchObject({ issued: 10, served: 2, noShow: 1 });
    expect(report()).toEqual(fromTickets());
    // A new day starts fresh with its first ticket.
    h.clock.advance(24 * 3_600_000);
    h.run((tx) => issueTicket(tx, { areaId: lltp, actor: h.kiosk }));
    expect(stale()).toEqual([]);
  });

  it('a refused write changes no aggregate', () => {
    const { h, report } = morning();
    const before = report();
    expect(() => h.run((tx) => counters.finish(tx, { counterId: h.counter(1).id, actor: h.clerk('c9') }))).toThrow();
    expect(report()).toEqual(before);
  });

  it('a database from before the aggregates gets them at the first rebuild (migration 0008 marks its days stale)', () => {
    const { h, lltp } = morning();
    // The same tickets in a database migrated only up to 0007 (foreign keys off: only the tickets matter), then
    // upgraded to 0008.
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(
      db,
      loadMigrations().filter((m) => m.version < 8),
    );
    const cols =
      'id, number, seq, business_day, issued_area_id, area_id, priority, status, issued_at, first_called_at, called_at, finished_at, issuer_kind, issuer_id, issue_seq';
    for (const t of h.db.prepare(`SELECT ${cols} FROM tickets`).all() as Record<string, unknown>[])
      db.prepare(
        `INSERT INTO tickets (${cols}) VALUES (${cols
          .split(', ')
          .map((c) => `@${c}`)
          .join(', ')})`,
      ).run(t);
    migrate(db);
    expect(db.prepare('SELECT day FROM report_days WHERE writes <> applied').pluck().all()).toEqual([DAY]);
    const store = createStore(db);
    const q = { from: DAY, to: DAY, groupBy: 'area' as const, offsetMs: OFF };
    expect(store.reports.aggregate(q)).toEqual(aggregateSql(db, q));
    expect(createReportAggregates(db).rebuildStale()).toEqual([DAY]);
    expect(db.prepare('SELECT COUNT(*) FROM report_aggregates').pluck().get()).toBeGreaterThan(0);
    expect(store.reports.aggregate(q)).toEqual(aggregateSql(db, q));
    expect(store.reports.aggregate(q).get(lltp)).toMatchObject({ issued: 4, served: 3 });
  });

  it('the report worker reads the aggregates on its own read-only connection', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-agg-'));
    try {
      const db = openDatabase(join(dir, 'q.sqlite'));
      const store = createStore(db);
      const t = { businessDay: DAY, issuedAreaId: 'a1', areaId: 'a1', priority: false, priorityGroup: null };
      db.prepare("INSERT INTO departments (id, code, name) VALUES ('d1', 'D', 'Sở')").run();
      db.prepare(
        "INSERT INTO areas (id, code, department_id, name, number_start, number_end) VALUES ('a1', 'A', 'd1', 'A', 1, 999)",
      ).run();
      const base = { status: 'waiting' as const, firstCalledAt: null, calledAt: null, finishedAt: null };
      const rest = { counterId: null, clerkId: null, recalls: 0, transfers: 0, issuerKind: 'device', issuerId: 'k' };
      const more = { idempotencyKey: null, dossierCode: null, note: null, procedureId: null, targetCounterId: null };
      store.tickets.insert({
        id: 't1',
        number: '1',
        seq: 1,
        issuedAt: Date.parse(`${DAY}T08:00:00+07:00`),
        ...t,
        ...base,
        ...rest,
        ...more,
      });
      const ro = new Database(join(dir, 'q.sqlite'), { readonly: true, fileMustExist: true });
      const q = { from: DAY, to: DAY, groupBy: 'area' as const, offsetMs: OFF };
      expect(createStore(ro).reports.aggregate(q).get('a1')).toMatchObject({ issued: 1 });
      expect(ro.prepare('SELECT COUNT(*) FROM report_days WHERE writes <> applied').pluck().get()).toBe(0);
      ro.close();
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
