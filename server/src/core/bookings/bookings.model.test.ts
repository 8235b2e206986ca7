import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors.ts';
import { createCitizenKeyer } from '../../storage/citizen.secret.ts';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { issueForCitizen } from '../citizens/citizen.tickets.usecases.ts';
import * as counters from '../counters/counters.usecases.ts';
import { cancelBooking, createBooking } from './bookings.usecases.ts';

/**
 * Model-based test of issue 13's limits and waiting order: random bookings, check-ins by code and by card,
 * walk-ins with and without the card, cancellations, calls and clock moves run against the real core (real
 * SQLite) and against a small reference model written from the contract alone; every outcome must agree.
 */
const CITIZENS = [
  { id: '001085012345', elderly: false },
  { id: '040060000111', elderly: true }, // born 1960
  { id: '079203001234', elderly: false },
];
const AREAS = ['LLTP', 'HTCT']; // both served by counter 1
const CAPACITY: Record<string, number> = { LLTP: 2, HTCT: 1 };
const DAYS = ['2026-11-26', '2026-11-27']; // Thursday, Friday: same hours
// 07:00–11:30 and 13:30–16:30 in 30-minute slots.
const SLOT_MINUTES = [
  ...Array.from({ length: 9 }, (_, i) => 7 * 60 + i * 30),
  ...Array.from({ length: 6 }, (_, i) => 13 * 60 + 30 + i * 30),
];
const MIN = 60_000;
const epoch = (day: string, minute: number) => Date.parse(`${day}T00:00:00+07:00`) + minute * MIN;
const dayOf = (ms: number) => new Date(ms + 7 * 60 * MIN).toISOString().slice(0, 10);

type Op =
  | { op: 'book'; citizen: number; area: number; day: number; slot: number }
  | { op: 'cancel'; pick: number }
  | { op: 'code'; pick: number }
  | { op: 'walkIn'; citizen: number | null; area: number; priority: boolean }
  | { op: 'next' }
  | { op: 'tick'; minutes: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('book' as const),
      citizen: fc.nat(2),
      area: fc.nat(1),
      day: fc.nat(1),
      slot: fc.nat(SLOT_MINUTES.length - 1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('code' as const), pick: fc.nat(20) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('walkIn' as const),
      citizen: fc.option(fc.nat(2), { nil: null }),
      area: fc.nat(1),
      priority: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('next' as const) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 45 }) }) },
);

interface MBooking {
  code: string;
  citizen: number;
  area: string;
  day: string;
  start: number;
  status: 'booked' | 'checked_in' | 'cancelled';
  ticket: string | null;
}
interface MTicket {
  id: string;
  citizen: number | null;
  area: string;
  day: string;
  priority: boolean;
  queueAt: number;
  seq: number;
  status: 'waiting' | 'called' | 'done';
}

function reference(now: () => number) {
  const bookings: MBooking[] = [];
  const tickets: MTicket[] = [];
  let seq = 0;
  const missed = (b: MBooking) => b.status === 'booked' && now() > b.start + 15 * MIN;
  const open = (b: MBooking) => b.status === 'booked' && !missed(b);
  function limitsOk(citizen: number, day: string, area: string): boolean {
    const held = [
      ...tickets.filter((t) => t.citizen === citizen && t.day === day).map((t) => t.area),
      ...bookings.filter((b) => b.citizen === citizen && b.day === day && open(b)).map((b) => b.area),
    ];
    return held.length < 2 && held.filter((a) => a === area).length < 1;
  }
  function window(b: MBooking): 'too_early' | 'open' | 'too_late' {
    if (now() < b.start - 30 * MIN) return 'too_early';
    return now() > b.start + 15 * MIN ? 'too_late' : 'open';
  }
  function issue(citizen: number | null, area: string, priority: boolean, queueAt: number | null): MTicket {
    const t: MTicket = {
      id: '',
      citizen,
      area,
      day: dayOf(now()),
      priority,
      queueAt: queueAt ?? now(),
      seq: ++seq,
      status: 'waiting',
    };
    tickets.push(t);
    return t;
  }
  function checkIn(b: MBooking): { code: string; ticket?: MTicket } {
    if (b.status === 'cancelled') return { code: 'booking.not_found' };
    if (b.status === 'checked_in') return { code: 'same' };
    const w = window(b);
    if (w !== 'open') return { code: `booking.${w}` };
    const t = issue(b.citizen, b.area, CITIZENS[b.citizen]!.elderly, b.start);
    b.status = 'checked_in';
    return { code: 'ok', ticket: t };
  }
  return { bookings, tickets, missed, open, limitsOk, checkIn, issue, window };
}

const outcome = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe('bookings, check-ins and walk-ins against a reference model', () => {
  it('agree on every outcome, every limit and the order of calls', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 60 }), (ops) => {
        const h = coreHarness('2026-11-26T07:40:00+07:00');
        const keyer = createCitizenKeyer(randomBytes(32));
        h.settings.update({ booking: { enabled: true } }, { kind: 'system', id: 'test' });
        for (const code of AREAS) h.store.catalog.setBookingSlotCapacity(h.area(code).id, CAPACITY[code]!);
        const clerk = h.clerk('lan');
        const c1 = h.counter(1);
        h.run((tx) => counters.openCounter(tx, { counterId: c1.id, actor: clerk }));
        const m = reference(() => h.clock.now());
        let current: MTicket | null = null;

        for (const op of ops) {
          if (op.op === 'tick') {
            h.clock.advance(op.minutes * MIN);
          } else if (op.op === 'book') {
            const area = AREAS[op.area]!;
            const day = DAYS[op.day]!;
            const start = epoch(day, SLOT_MINUTES[op.slot]!);
            let real: ReturnType<typeof createBooking> | undefined;
            const got = outcome(() => {
              real = h.run((tx) =>
                createBooking(tx, {
                  keyer,
                  areaId: h.area(area).id,
                  start: new Date(start).toISOString(),
                  citizenId: CITIZENS[op.citizen]!.id,
                }),
              );
            });
            const taken = m.bookings.filter((b) => b.area === area && b.start === start && b.status !== 'cancelled');
            const want =
              start <= h.clock.now() || dayOf(h.clock.now()) > day
                ? 'booking.not_a_slot'
                : !m.limitsOk(op.citizen, day, area)
                  ? 'citizen.limit_reached'
                  : taken.length >= CAPACITY[area]!
                    ? 'booking.slot_full'
                    : 'ok';
            expect(got).toBe(want);
            if (real)
              m.bookings.push({
                code: real.code,
                citizen: op.citizen,
                area,
                day,
                start,
                status: 'booked',
                ticket: null,
              });
          } else if (op.op === 'cancel' || op.op === 'code') {
            const b = m.bookings[op.pick % Math.max(1, m.bookings.length)];
            if (!b) continue;
            if (op.op === 'cancel') {
              const got = outcome(() => h.run((tx) => cancelBooking(tx, { code: b.code })));
              const want = b.status === 'cancelled' || m.open(b) ? 'ok' : 'booking.not_open';
              expect(got).toBe(want);
              if (got === 'ok') b.status = 'cancelled';
            } else {
              let id = '';
              const got = outcome(() => {
                id = h.run((tx) => issueForCitizen(tx, { keyer, bookingCode: b.code, actor: h.kiosk })).ticket.id;
              });
              const want = m.checkIn(b);
              expect(got).toBe(want.code === 'same' ? 'ok' : want.code);
              if (want.ticket) {
                want.ticket.id = id;
                b.ticket = id;
              }
              if (want.code === 'same') expect(id).toBe(b.ticket);
            }
          } else if (op.op === 'walkIn') {
            const area = AREAS[op.area]!;
            const citizen = op.citizen;
            let id = '';
            let priority = false;
            const got = outcome(() => {
              const r = h.run((tx) =>
                issueForCitizen(tx, {
                  keyer,
                  areaId: h.area(area).id,
                  priority: op.priority,
                  actor: h.kiosk,
                  ...(citizen === null ? {} : { citizenId: CITIZENS[citizen]!.id }),
                }),
              );
              id = r.ticket.id;
              priority = r.ticket.priority;
            });
            const today = dayOf(h.clock.now());
            const due =
              citizen === null
                ? undefined
                : m.bookings
                    .filter((b) => b.citizen === citizen && b.area === area && b.day === today && m.open(b))
                    .filter((b) => m.window(b) === 'open')
                    .sort((a, b) => a.start - b.start)[0];
            if (due) {
              expect(got).toBe('ok');
              const r = m.checkIn(due);
              r.ticket!.id = id;
              due.ticket = id;
              expect(priority).toBe(CITIZENS[citizen!]!.elderly);
            } else if (citizen !== null && !m.limitsOk(citizen, today, area)) {
              expect(got).toBe('citizen.limit_reached');
            } else {
              expect(got).toBe('ok');
              const elderly = citizen !== null && CITIZENS[citizen]!.elderly;
              m.issue(citizen, area, op.priority || elderly, null).id = id;
              expect(priority).toBe(op.priority || elderly);
            }
          } else {
            const called = h.run((tx) => counters.callNext(tx, { counterId: c1.id, actor: clerk }));
            if (current) current.status = 'done';
            const today = dayOf(h.clock.now());
            const next = m.tickets
              .filter((t) => t.status === 'waiting' && t.day === today)
              .sort((a, b) => Number(b.priority) - Number(a.priority) || a.queueAt - b.queueAt || a.seq - b.seq)[0];
            expect(called?.id ?? null).toBe(next?.id ?? null);
            current = next ?? null;
            if (next) next.status = 'called';
          }
        }
        // And the waiting order the counter's console shows is the model's.
        const today = dayOf(h.clock.now());
        const waiting = m.tickets
          .filter((t) => t.status === 'waiting' && t.day === today)
          .sort((a, b) => Number(b.priority) - Number(a.priority) || a.queueAt - b.queueAt || a.seq - b.seq);
        expect(h.store.tickets.waitingListForCounter(today, c1.id, 100).map((t) => t.id)).toEqual(
          waiting.map((t) => t.id),
        );
      }),
      { numRuns: 150 },
    );
  });
});
