import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './db.ts';
import { createTicketsRepository } from './tickets.repository.ts';

describe('migration 0006 (citizens, bookings, channel)', () => {
  it('gives older tickets their channel (staff when a user issued them) and a queue place in their order of issue', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = loadMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 6),
    );
    db.exec(`INSERT INTO departments (id, code, name) VALUES ('d', 'D', 'Sở');
      INSERT INTO areas (id, code, department_id, name, number_start, number_end) VALUES ('a', 'A', 'd', 'Lĩnh vực', 1, 99);`);
    const insert = db.prepare(`INSERT INTO tickets (id, number, seq, business_day, issued_area_id, area_id, status,
      issued_at, issuer_kind, issuer_id, issue_seq) VALUES (?, ?, ?, '2026-11-26', 'a', 'a', 'waiting', ?, ?, 'x', ?)`);
    insert.run('t1', '1', 1, 5000, 'kiosk', 1);
    insert.run('t2', '2', 2, 3000, 'user', 2); // the clock stepped back between the two
    insert.run('t3', '3', 3, 7000, 'kiosk', 3);
    migrate(db, all);
    const rows = db.prepare('SELECT id, channel, queue_at FROM tickets ORDER BY issue_seq').all();
    expect(rows).toEqual([
      { id: 't1', channel: 'kiosk', queue_at: 5000 },
      { id: 't2', channel: 'staff', queue_at: 5000 },
      { id: 't3', channel: 'kiosk', queue_at: 7000 },
    ]);
    const repo = createTicketsRepository(db);
    expect(repo.waitingAhead(repo.get('t2')!)).toBe(1);
    expect(() => db.prepare("UPDATE tickets SET channel = 'phone' WHERE id = 't1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
