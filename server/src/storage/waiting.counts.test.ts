import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../contract/dto.ts';
import { newWaitingTicket } from '../core/tickets/ticket.new.ts';
import { openDatabase, type Db } from './db.ts';
import { createStore, type Store } from './store.ts';

/**
 * The kept waiting counts (waiting.counts.ts) answer exactly what the plain COUNTs over `tickets` answer, on random
 * histories: issues (walk-ins, priority, early and late queue places), status changes, transfers, a day turning,
 * deletions, rolled-back transactions and savepoints, raw SQL, and writes by another connection.
 */
const AREAS = ['a1', 'a2'];
const DAYS = ['2026-11-25', '2026-11-26'];
const STATUSES: TicketStatus[] = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'expired'];

function plainCount(db: Db, day: string, area: string): number {
  return (
    db
      .prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting' AND business_day = ? AND area_id = ?")
      .get(day, area) as { n: number }
  ).n;
}

/** The people-ahead query as it was, before the kept counts. */
function plainAhead(db: Db, id: string): number {
  return (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM tickets o, tickets t WHERE t.id = ? AND o.status = 'waiting'
          AND o.business_day = t.business_day AND o.area_id = t.area_id
          AND (o.priority > t.priority OR (o.priority = t.priority AND (o.queue_at < t.queue_at
            OR (o.queue_at = t.queue_at AND o.issue_seq < t.issue_seq))))`,
      )
      .get(id) as { n: number }
  ).n;
}

const op = fc.oneof(
  fc.record({
    kind: fc.constant('issue' as const),
    area: fc.constantFrom(...AREAS),
    day: fc.constantFrom(...DAYS),
    priority: fc.boolean(),
    // A walk-in's place (the highest so far) or an appointment's earlier or later slot.
    queueShift: fc.constantFrom(0, 0, 0, -5_000, 5_000),
  }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('transfer' as const), pick: fc.nat(), area: fc.constantFrom(...AREAS) }),
  fc.record({
    kind: fc.constant('raw' as const),
    pick: fc.nat(),
    day: fc.constantFrom(...DAYS),
    priority: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rollback' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('savepoint' as const), pick: fc.nat(), area: fc.constantFrom(...AREAS) }),
);

function setup(db: Db): Store {
  const store = createStore(db);
  db.prepare("INSERT INTO departments (id, code, name) VALUES ('d', 'D', 'Sở')").run();
  for (const a of AREAS)
    db.prepare(
      "INSERT INTO areas (id, code, department_id, name, number_start, number_end) VALUES (?, ?, 'd', ?, 1, 999999)",
    ).run(a, a.toUpperCase(), a);
  return store;
}

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
function play(store: Store, ops: Op[], offset = 0): void {
  const db = store.db;
  const ids = () => (db.prepare('SELECT id FROM tickets ORDER BY issue_seq').pluck().all() as string[]) ?? [];
  const pick = (n: number) => {
    const all = ids();
    return all.length ? all[n % all.length]! : undefined;
  };
  let i = offset;
  for (const o of ops) {
    i++;
    if (o.kind === 'issue') {
      const seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM tickets').pluck().get() as number) ?? 1;
      store.tickets.insert(
        newWaitingTicket({
          id: `t${i}`,
          number: String(seq),
          seq,
          businessDay: o.day,
          areaId: o.area,
          priority: o.priority,
          issuedAt: 1_000_000 + i * 1000,
          queueAt: 1_000_000 + i * 1000 + o.queueShift,
          issuerKind: 'kiosk',
          issuerId: 'k',
        }),
      );
      continue;
    }
    const id = pick(o.pick);
    if (!id) continue;
    if (o.kind === 'status') store.tickets.update(id, { status: o.status });
    else if (o.kind === 'transfer') store.tickets.update(id, { areaId: o.area, status: 'waiting' });
    else if (o.kind === 'raw')
      db.prepare('UPDATE tickets SET business_day = ?, priority = ? WHERE id = ?').run(o.day, o.priority ? 1 : 0, id);
    else if (o.kind === 'delete') {
      db.prepare('DELETE FROM ticket_events WHERE ticket_id = ?').run(id);
      db.prepare('DELETE FROM tickets WHERE id = ?').run(id);
    } else if (o.kind === 'rollback') {
      expect(() =>
        store.tx(() => {
          store.tickets.update(id, { status: o.status });
          throw new Error('rollback');
        }),
      ).toThrow('rollback');
    } else {
      // A savepoint rolled back inside a transaction that commits (a refused request of a group commit).
      store.tx(() => {
        store.tickets.update(id, { status: 'done' });
        try {
          store.tx(() => {
            store.tickets.update(id, { areaId: o.area, status: 'waiting' });
            throw new Error('refused');
          });
        } catch {
          /* only the savepoint */
        }
      });
    }
  }
}

function expectSame(store: Store): void {
  const db = store.db;
  for (const day of DAYS)
    for (const area of AREAS) expect(store.tickets.waitingCount(day, area)).toBe(plainCount(db, day, area));
  const waiting = db.prepare("SELECT id FROM tickets WHERE status = 'waiting'").pluck().all() as string[];
  for (const id of waiting) expect(store.tickets.waitingAhead(store.tickets.get(id)!)).toBe(plainAhead(db, id));
}

describe('kept waiting counts', () => {
  it('equal the plain COUNTs after any history', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const store = setup(openDatabase(':memory:'));
        play(store, ops);
        expectSame(store);
        store.db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('count from either end of a long queue: a new ticket, one at the front, one in the middle', () => {
    const store = setup(openDatabase(':memory:'));
    play(
      store,
      Array.from({ length: 300 }, (_, i) => ({
        kind: 'issue' as const,
        area: 'a1',
        day: DAYS[1]!,
        priority: i % 40 === 0,
        queueShift: 0,
      })),
    );
    expectSame(store);
    store.db.close();
  });

  it('start from the tickets already there, and again after another connection wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-waiting-'));
    try {
      const file = join(dir, 'queue.sqlite');
      const first = setup(openDatabase(file));
      play(first, [
        { kind: 'issue', area: 'a1', day: DAYS[1]!, priority: false, queueShift: 0 },
        { kind: 'issue', area: 'a1', day: DAYS[1]!, priority: false, queueShift: 0 },
      ]);
      first.db.close();
      const store = createStore(openDatabase(file)); // counts filled from the two tickets on disk
      expect(store.tickets.waitingCount(DAYS[1]!, 'a1')).toBe(2);
      const other = new Database(file); // an operator's tool: no triggers of ours on its connection
      other.prepare("UPDATE tickets SET status = 'cancelled' WHERE id = 't1'").run();
      other.close();
      expectSame(store);
      expect(store.tickets.waitingCount(DAYS[1]!, 'a1')).toBe(1);
      play(store, [{ kind: 'issue', area: 'a1', day: DAYS[1]!, priority: true, queueShift: 0 }], 10);
      expectSame(store);
      store.db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
