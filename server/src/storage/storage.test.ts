import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreHarness } from '../testing/core.harness.testing.ts';
import { loadMigrations, migrate, openDatabase } from './db.ts';
import type { NewTicket } from '../core/entities.ts';
import { newWaitingTicket } from '../core/tickets/ticket.new.ts';

describe('database', () => {
  it('applies the numbered migrations once, in order, with WAL and foreign keys on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-db-'));
    try {
      const db = openDatabase(join(dir, 'q.sqlite'));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      const versions = loadMigrations().map((m) => m.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(migrate(db)).toEqual([]); // already applied
      db.close();
      const again = openDatabase(join(dir, 'q.sqlite'));
      expect(again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: versions.length });
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tickets repository on real SQLite', () => {
  const base = (h: ReturnType<typeof coreHarness>, p: Partial<NewTicket>): NewTicket =>
    newWaitingTicket({
      id: 'id-' + Math.random(),
      number: '1001',
      seq: 1001,
      businessDay: '2026-11-26',
      areaId: h.area('LLTP').id,
      issuedAt: 1,
      issuerKind: 'kiosk',
      issuerId: 'k',
      ...p,
    });

  it('refuses a second ticket with one number in one area and day', () => {
    const h = coreHarness();
    h.store.tickets.insert(base(h, {}));
    expect(() => h.store.tickets.insert(base(h, {}))).toThrow(/UNIQUE/);
    h.store.tickets.insert(base(h, { businessDay: '2026-11-27' })); // next day: fine
  });

  it('refuses one idempotency key twice from one issuer, allows it from another', () => {
    const h = coreHarness();
    h.store.tickets.insert(base(h, { idempotencyKey: 'k1', seq: 1001 }));
    expect(() => h.store.tickets.insert(base(h, { idempotencyKey: 'k1', seq: 1002, number: '1002' }))).toThrow(
      /UNIQUE/,
    );
    h.store.tickets.insert(base(h, { idempotencyKey: 'k1', seq: 1003, number: '1003', issuerId: 'other' }));
  });

  it('keeps area_days as the single source of the next number', () => {
    const h = coreHarness();
    const a = h.area('LLTP').id;
    h.store.tickets.insert(base(h, { seq: 1001 }));
    h.store.tickets.insert(base(h, { seq: 1002, number: '1002' }));
    expect(h.store.tickets.areaDay(a, '2026-11-26')).toEqual({ last_number: 1002, issued: 2 });
  });

  it('updates only the named columns and rejects unknown statuses', () => {
    const h = coreHarness();
    const t = base(h, {});
    h.store.tickets.insert(t);
    h.store.tickets.update(t.id, { status: 'called', calledAt: 5 });
    expect(h.store.tickets.get(t.id)).toMatchObject({ status: 'called', calledAt: 5, number: '1001' });
    expect(() => h.store.tickets.update(t.id, { status: 'lost' as never })).toThrow(/CHECK/);
  });

  it('enforces one counter per clerk in the schema too', () => {
    const h = coreHarness();
    const u = h.clerk('lan');
    h.store.catalog.saveCounterState({ ...h.counter(1), clerkId: u.id, updatedAt: 1 });
    expect(() => h.store.catalog.saveCounterState({ ...h.counter(2), clerkId: u.id, updatedAt: 1 })).toThrow(/UNIQUE/);
  });
});
