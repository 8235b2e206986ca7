import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreHarness } from '../testing/core-harness.ts';
import * as counters from '../core/counters/counters.usecases.ts';
import { issueTicket } from '../core/tickets/tickets.usecases.ts';
import { aggregateFacts, type GroupBy, type ReportContext } from '../core/reports/report.aggregate.ts';
import { loadFacts } from '../testing/report.facts.ts';
import { aggregateSql } from './reports.repository.ts';

/** The SQL aggregation must agree with the in-memory reference on random days of work. */
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
                  actor: h.kiosk,
                }),
              );
            else if (kind < 70) tryRun((tx) => counters.callNext(tx, input));
            else if (kind < 82) tryRun((tx) => counters.finish(tx, input));
            else if (kind < 88) tryRun((tx) => counters.finish(tx, input, 'no_show'));
            else if (kind < 93)
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
          for (const groupBy of ['area', 'department', 'counter', 'clerk', 'hour', 'day', 'procedure'] as GroupBy[]) {
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
            const mem = aggregateFacts(ctx, facts.tickets, facts.events, facts.ratings);
            expect(
              new Map(
                [...sql].filter(([, v]) =>
                  Object.values(v).some((x) =>
                    typeof x === 'number' ? x > 0 : x instanceof Map ? x.size > 0 : Object.keys(x).length > 0,
                  ),
                ),
              ),
              groupBy,
            ).toEqual(mem);
          }
          h.db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
