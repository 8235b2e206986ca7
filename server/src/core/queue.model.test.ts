import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../contract/errors.ts';
import { coreHarness } from '../testing/core.harness.testing.ts';
import * as counters from './counters/counters.usecases.ts';
import { issueTicket } from './tickets/tickets.usecases.ts';

/**
 * Model-based test: random sequences of operations run against the real core (real SQLite) and against a
 * small reference model written independently; after every step they must agree.
 */
type Op =
  | { op: 'issue'; area: number; priority: boolean }
  | { op: 'open' | 'next' | 'finish' | 'noShow' | 'recall' | 'pause' | 'close'; counter: number }
  | { op: 'transfer'; counter: number; toArea: number }
  | { op: 'callBack'; counter: number; pick: number }
  | { op: 'tick'; ms: number };

const AREAS = ['LLTP', 'HTCT', 'DKKD'];
const COUNTERS = [1, 2, 3]; // 1: LLTP+HTCT, 2: HTCT+LLTP, 3: DKKD (demo center)
const SERVES: Record<number, string[]> = { 1: ['LLTP', 'HTCT'], 2: ['HTCT', 'LLTP'], 3: ['DKKD'] };

interface MTicket {
  id: string;
  area: string;
  priority: boolean;
  issuedAt: number;
  seq: number;
  status: string;
  counter: number | null;
}
interface MCounter {
  open: boolean;
  paused: boolean;
  current: string | null;
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('issue' as const),
      area: fc.integer({ min: 0, max: 2 }),
      priority: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constantFrom(
        'open' as const,
        'next' as const,
        'finish' as const,
        'noShow' as const,
        'recall' as const,
        'pause' as const,
        'close' as const,
      ),
      counter: fc.constantFrom(...COUNTERS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('transfer' as const),
      counter: fc.constantFrom(...COUNTERS),
      toArea: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('callBack' as const),
      counter: fc.constantFrom(...COUNTERS),
      pick: fc.nat(),
    }),
  },
  // Negative ticks: the wall clock stepped back (NTP); the queue order must not care (issue #11, defect 12).
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('tick' as const), ms: fc.integer({ min: -120_000, max: 5000 }) }),
  },
);

/** Always tried: a ticket issued after the clock stepped back (its issuedAt is earlier) is still called second. */
const STEP_BACK: Op[] = [
  { op: 'issue', area: 0, priority: false },
  { op: 'tick', ms: -60_000 },
  { op: 'issue', area: 0, priority: false },
  { op: 'open', counter: 1 },
  { op: 'next', counter: 1 },
];

/** Priority first, then the order of issue (the model's array order), whatever the wall clock said. */
function modelNext(tickets: MTicket[], counter: number): MTicket | undefined {
  return tickets
    .filter((t) => t.status === 'waiting' && SERVES[counter]!.includes(t.area))
    .sort((a, b) => Number(b.priority) - Number(a.priority) || tickets.indexOf(a) - tickets.indexOf(b))[0];
}

describe('queue core against a reference model', () => {
  it('agrees at every step of random operation sequences', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 60 }), (ops) => {
        const h = coreHarness();
        const clerks = Object.fromEntries(COUNTERS.map((n) => [n, h.clerk(`clerk${n}`)]));
        const cid = (n: number) => h.counter(n).id;
        const model = {
          tickets: [] as MTicket[],
          counters: Object.fromEntries(
            COUNTERS.map((n) => [n, { open: false, paused: false, current: null } as MCounter]),
          ),
        };
        const seqs: Record<string, number> = {};
        const attempt = <T>(fn: () => T): { ok: true; v: T } | { ok: false; code: string } => {
          try {
            return { ok: true, v: fn() };
          } catch (e) {
            return { ok: false, code: (e as AppError).code };
          }
        };
        const endCurrent = (m: MCounter, status: string) => {
          const t = model.tickets.find((x) => x.id === m.current)!;
          t.status = status;
          m.current = null;
        };

        for (const o of ops) {
          if (o.op === 'tick') {
            h.clock.advance(o.ms);
            continue;
          }
          if (o.op === 'issue') {
            h.clock.advance(1);
            const area = AREAS[o.area]!;
            const r = h.run((tx) =>
              issueTicket(tx, { areaId: h.area(area).id, priority: o.priority, actor: h.kiosk }),
            ).ticket;
            seqs[area] = (seqs[area] ?? 0) + 1;
            expect(Number(r.number)).toBe(h.area(area).numberStart + seqs[area]! - 1);
            model.tickets.push({
              id: r.id,
              area,
              priority: o.priority,
              issuedAt: r.issuedAt,
              seq: r.seq,
              status: 'waiting',
              counter: null,
            });
            continue;
          }
          const m = model.counters[o.counter]!;
          const input = { counterId: cid(o.counter), actor: clerks[o.counter]! };
          if (o.op !== 'open' && !m.open) {
            // A counter nobody holds: its clerk must open it first, whatever the action.
            const target = model.tickets[0];
            const r = attempt(() =>
              h.run((tx) =>
                o.op === 'next'
                  ? counters.callNext(tx, input)
                  : o.op === 'close'
                    ? counters.closeCounter(tx, input)
                    : o.op === 'pause'
                      ? counters.setPaused(tx, input, true)
                      : o.op === 'callBack' && target
                        ? counters.callSpecific(tx, { ...input, ticketId: target.id })
                        : counters.finish(tx, input),
              ),
            );
            expect(r).toEqual({ ok: false, code: 'counter.not_held' });
            continue;
          }
          if (o.op === 'open') {
            const r = attempt(() => h.run((tx) => counters.openCounter(tx, input)));
            expect(r.ok).toBe(true);
            if (!m.open) {
              m.open = true;
              m.paused = false;
            }
          } else if (o.op === 'next' || o.op === 'callBack') {
            const target =
              o.op === 'callBack'
                ? model.tickets.filter((t) => t.status === 'no_show' || t.status === 'waiting')[
                    o.pick % Math.max(1, model.tickets.length)
                  ]
                : undefined;
            if (o.op === 'callBack' && !target) continue;
            const r = attempt(() =>
              h.run((tx) =>
                o.op === 'next'
                  ? counters.callNext(tx, input)
                  : counters.callSpecific(tx, { ...input, ticketId: target!.id }),
              ),
            );
            expect(r.ok).toBe(true);
            if (m.current) endCurrent(m, 'done');
            const expected = o.op === 'next' ? modelNext(model.tickets, o.counter) : target;
            expect((r as { v: { id: string } | null }).v?.id ?? null).toBe(expected?.id ?? null);
            if (expected) {
              expected.status = 'called';
              expected.counter = o.counter;
              m.current = expected.id;
            }
            m.paused = false;
          } else if (o.op === 'finish' || o.op === 'noShow' || o.op === 'recall' || o.op === 'transfer') {
            const toArea = o.op === 'transfer' ? AREAS[o.toArea]! : '';
            const r = attempt(() =>
              h.run((tx) =>
                o.op === 'finish'
                  ? counters.finish(tx, input)
                  : o.op === 'noShow'
                    ? counters.finish(tx, input, 'no_show')
                    : o.op === 'recall'
                      ? counters.recall(tx, input)
                      : counters.transfer(tx, { ...input, areaId: h.area(toArea).id }),
              ),
            );
            if (!m.current) {
              expect(r).toEqual({ ok: false, code: 'counter.no_current_ticket' });
              continue;
            }
            expect(r.ok).toBe(true);
            if (o.op === 'finish') endCurrent(m, 'done');
            if (o.op === 'noShow') endCurrent(m, 'no_show');
            if (o.op === 'transfer') {
              const t = model.tickets.find((x) => x.id === m.current)!;
              t.status = 'waiting';
              t.area = toArea;
              t.counter = null;
              m.current = null;
            }
          } else if (o.op === 'pause') {
            const r = attempt(() => h.run((tx) => counters.setPaused(tx, input, true)));
            expect(r.ok).toBe(true);
            m.paused = true;
          } else if (o.op === 'close') {
            const r = attempt(() => h.run((tx) => counters.closeCounter(tx, input)));
            if (m.current) {
              expect(r).toEqual({ ok: false, code: 'counter.has_current_ticket' });
              continue;
            }
            expect(r.ok).toBe(true);
            m.open = false;
            m.paused = false;
          }
          // After every step: each ticket's status, and each counter's current ticket, agree with the model.
          for (const t of model.tickets) expect(h.store.tickets.get(t.id)?.status).toBe(t.status);
          for (const n of COUNTERS) {
            const c = h.store.catalog.counter(cid(n))!;
            const mc = model.counters[n]!;
            expect(c.currentTicketId).toBe(mc.current);
            expect(c.status).toBe(!mc.open ? 'closed' : mc.paused ? 'paused' : 'open');
          }
          const called = model.tickets.filter((t) => t.status === 'called');
          expect(new Set(called.map((t) => t.counter)).size).toBe(called.length); // never one ticket at two counters
        }
        h.db.close();
      }),
      { numRuns: 150, examples: [[STEP_BACK]] },
    );
  });
});
