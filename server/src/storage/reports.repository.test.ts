import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreHarness } from '../testing/core.harness.testing.ts';
import * as counters from '../core/counters/counters.usecases.ts';
import { issueTicket } from '../core/tickets/tickets.usecases.ts';
import { expireStaleTickets } from '../core/tickets/tickets.usecases.ts';
import { aggregateFacts } from '../core/reports/report.reference.ts';
import { mergeTotals, type GroupBy, type GroupTotals, type ReportContext } from '../core/reports/report.aggregate.ts';
import { loadFacts } from '../testing/report.facts.testing.ts';
import type { Db } from './db.ts';
import { createReportAggregates } from './report-aggregates.repository.ts';
import { aggregateSql } from './reports.repository.ts';

/** Groups with anything in them (the SQL and the aggregates may keep a group whose counts all went to zero). */
const nonZero = (m: Map<string, GroupTotals>) =>
  new Map(
    [...m].filter(([, v]) =>
      Object.values(v).some((x) =>
        typeof x === 'number' ? x !== 0 : x instanceof Map ? x.size > 0 : Object.keys(x).length > 0,
      ),
    ),
  );

/** The aggregate tables without rows that hold nothing (an incremental write may leave one at zero). */
const aggregateRows = (db: Db) => ({
  sums: db
    .prepare(
      `SELECT * FROM report_aggregates WHERE issued OR expired OR served OR no_show OR transferred OR wait_n OR wait_ms
        OR targeted OR within OR svc_n OR svc_ms OR hist IS NOT NULL ORDER BY kind, day, key`,
    )
    .all(),
  ratings: db.prepare('SELECT * FROM report_ratings WHERE n <> 0 ORDER BY kind, day, key, level').all(),
});

/**
 * Three aggregations must agree with the in-memory reference on random days of work (issues, calls, recalls,
 * finishes, no-shows, transfers, ratings, tickets left over midnight and expired): the SQL over the tickets, the
 * daily aggregates maintained write by write (also summed into a monthly roll-up), and the same aggregates rebuilt
 * from the tickets.
 */
describe('report aggregation in SQL', () => {
  it('equals the in-memory reference for every grouping', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(99),
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 1, max: 3 }),
            fc.integer({ min: 0, max: 40 * 60_000 }),
          ),
          { minLength: 5, maxLength: 80 },
        ),
        (steps) => {
          const h = coreHarness('2026-11-26T07:30:00+07:00');
          const codes = ['LLTP', 'HTCT', 'DKKD'];
          // One procedure per area: some tickets carry one (groupBy=procedure), the rest fall under ''.
          const procedureOf = codes.map((code, i) => {
            const p = {
              id: `p${i}`,
              code: `9.00000${i}`,
              name: `Thủ tục ${code}`,
              areaId: h.area(code).id,
              timeLimit: '',
              fee: '',
              documents: [],
              keywords: [],
              active: true,
              updatedAt: 0,
            };
            h.store.procedures.insert(p);
            return p.id;
          });
          const clerks = [1, 2, 3].map((n) => h.clerk(`c${n}`));
          [1, 2, 3].forEach((n, i) =>
            h.run((tx) => counters.openCounter(tx, { counterId: h.counter(n).id, actor: clerks[i]! })),
          );
          for (const [kind, area, counter, ms] of steps) {
            h.clock.advance(ms);
            const input = { counterId: h.counter(counter).id, actor: clerks[counter - 1]! };
            const tryRun = (fn: Parameters<typeof h.run>[0]) => {
              try {
                h.run(fn);
              } catch {
                /* refused: part of the random walk */
              }
            };
            if (kind < 45)
              tryRun((tx) =>
                issueTicket(tx, {
                  areaId: h.area(codes[area]!).id,
                  ...(kind % 3 === 0 ? { procedureId: procedureOf[area]! } : {}),
                  priority: kind % 7 === 0,
                  actor: kind % 11 === 0 ? clerks[0]! : h.kiosk,
                  ...(kind % 5 === 1 ? { channel: 'remote' as const } : {}),
                }),
              );
            else if (kind < 63) tryRun((tx) => counters.callNext(tx, input));
            else if (kind < 66) tryRun((tx) => counters.recall(tx, input));
            else if (kind < 68) {
              // A transferred ticket called again, possibly by the counter that called it first.
              const back = h.db
                .prepare(
                  `SELECT t.id, (SELECT c.number FROM ticket_events e JOIN counters c ON c.id = e.counter_id
                    WHERE e.ticket_id = t.id AND e.type = 'called' LIMIT 1) AS n
                  FROM tickets t WHERE t.status = 'waiting' AND t.transfers > 0 ORDER BY t.issue_seq LIMIT 1`,
                )
                .get() as { id: string; n: number } | undefined;
              const by = kind === 66 && back ? back.n : counter;
              if (back)
                tryRun((tx) =>
                  counters.callSpecific(tx, { counterId: h.counter(by).id, actor: clerks[by - 1]!, ticketId: back.id }),
                );
            } else if (kind < 70) tryRun((tx) => expireStaleTickets(tx));
            else if (kind < 82) tryRun((tx) => counters.finish(tx, input));
            else if (kind < 88) tryRun((tx) => counters.finish(tx, input, 'no_show'));
            else if (kind < 94)
              tryRun((tx) => counters.transfer(tx, { ...input, areaId: h.area(codes[(area + 1) % 3]!).id }));
            else {
              const done = h.db
                .prepare(
                  "SELECT id, counter_id FROM tickets WHERE status = 'done' AND id NOT IN (SELECT ticket_id FROM ratings) LIMIT 1",
                )
                .get() as { id: string; counter_id: string } | undefined;
              if (done)
                h.store.ratings.insert({
                  id: `r${kind}${ms}`,
                  ticketId: done.id,
                  level: ['very_satisfied', 'satisfied', 'unsatisfied'][area]!,
                  reasons: [],
                  comment: null,
                  counterId: done.counter_id,
                  clerkId: null,
                  areaId: h.area(codes[0]!).id,
                  deviceId: null,
                  at: h.clock.now(),
                  businessDay: '2026-11-26',
                });
            }
          }
          const from = '2026-11-26';
          const to = '2026-11-30';
          const facts = loadFacts(h.db, from, to);
          const areas = new Map(h.store.catalog.areas().map((a) => [a.id, a]));
          // Every write went through the store: no day is stale, so the aggregates (not the tickets) answer.
          expect(h.db.prepare('SELECT COUNT(*) AS n FROM report_days WHERE writes <> applied').get()).toEqual({ n: 0 });
          const aggregates = createReportAggregates(h.db);
          const all = h.store.reports.aggregate({ from, to, groupBy: 'all', offsetMs: 7 * 3_600_000 });
          // First with the histograms as written (recent rows), then folded into the day blobs, then with the month
          // rolled up (migration 0009): the report then reads the roll-up, not the days.
          for (const stage of ['recent', 'folded', 'rolled up'] as const) {
            if (stage === 'folded')
              for (const d of h.db.prepare('SELECT day FROM report_days').pluck().all() as string[])
                aggregates.compactDay(d);
            if (stage === 'rolled up') {
              // (A walk where every issue was refused has no day to roll up.)
              const any = (h.db.prepare('SELECT COUNT(*) FROM report_days').pluck().get() as number) > 0;
              expect(aggregates.rollUpMonth('2026-11')).toBe(any);
              expect(aggregates.read('area', from, to).months).toEqual(any ? ['2026-11'] : []);
            }
            for (const groupBy of [
              'area',
              'department',
              'counter',
              'clerk',
              'hour',
              'day',
              'procedure',
              'channel',
            ] as GroupBy[]) {
              const ctx: ReportContext = {
                groupBy,
                levels: ['very_satisfied', 'satisfied', 'unsatisfied'],
                baseKeys: [],
                label: (id) => ({ key: id, label: id }),
                departmentOf: (id) => areas.get(id)?.departmentId ?? null,
                targetWaitSec: (id) => {
                  const t = areas.get(id)?.targetWaitMin;
                  return t ? t * 60 : null;
                },
                hourOf: (ms) => Math.floor(((ms + 7 * 3_600_000) % 86_400_000) / 3_600_000),
              };
              const sql = aggregateSql(h.db, { from, to, groupBy, offsetMs: 7 * 3_600_000 });
              const mem = nonZero(aggregateFacts(ctx, facts.tickets, facts.events, facts.ratings));
              expect(nonZero(sql), `tickets, ${groupBy}`).toEqual(mem);
              const agg = h.store.reports.aggregate({ from, to, groupBy, offsetMs: 7 * 3_600_000 });
              expect(nonZero(agg), `aggregates (${stage}), ${groupBy}`).toEqual(mem);
              if (groupBy === 'day')
                expect(nonZero(all).get('all') ?? undefined, 'totals').toEqual(
                  mem.size ? mergeTotals(mem.values()) : undefined,
                );
            }
          }
          expect(h.db.prepare('SELECT COUNT(*) FROM report_hist_recent').pluck().get()).toBe(0);
          // Rebuilt from the tickets, the aggregates are the very rows the writes maintained (once folded).
          const incremental = aggregateRows(h.db);
          const days = h.db.prepare('SELECT day FROM report_days').pluck().all() as string[];
          for (const d of days) aggregates.rebuildDay(d);
          expect(aggregateRows(h.db)).toEqual(incremental);
          h.db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
