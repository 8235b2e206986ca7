import type { Db } from '../storage/db.ts';
import { ticketData } from './outbox.ticket.ts';

/**
 * The center's side of the province feed in SQLite (migration 0007): the outbox lines the triggers write, the
 * link's memory (`province_state`) and the payloads of the wire protocol (docs/province.md), built from the
 * current rows at send time — a ticket sent late carries its latest state, and `rev` (its line's seq, which only
 * grows) lets the hub keep the newest.
 */

export type FeedKind = 'ticket' | 'event' | 'rating' | 'counter' | 'catalog';
export interface FeedItem {
  seq: number;
  at: number;
  kind: FeedKind;
  data: unknown;
}
export interface ProvinceState {
  enabled: boolean;
  linkKey: string | null;
  ackSeq: number;
  ackedAt: number | null;
  catalogDirty: boolean;
  catalogVersion: string | null;
}
export interface Pending {
  count: number;
  /** Seq and moment of the oldest line not yet acknowledged; null when none. */
  firstSeq: number | null;
  oldestAt: number | null;
}

interface StateRow {
  enabled: number;
  link_key: string | null;
  ack_seq: number;
  acked_at: number | null;
  catalog_dirty: number;
  catalog_version: string | null;
}
type Row = Record<string, unknown>;

const TICKET_AT = 'MAX(issued_at, COALESCE(called_at, 0), COALESCE(finished_at, 0))';

export function createOutboxStore(db: Db) {
  const stateRow = db.prepare<[], StateRow>('SELECT * FROM province_state WHERE id = 1');
  const lines = db.prepare<[number, number], { seq: number; kind: FeedKind; ref: string; at: number }>(
    'SELECT seq, kind, ref, at FROM outbox WHERE seq >= ? ORDER BY seq LIMIT ?',
  );
  const ticket = db.prepare<[string], Row>('SELECT * FROM tickets WHERE id = ?');
  const event = db.prepare<[number], Row>(
    `SELECT e.id, e.at, e.type, e.ticket_id, e.counter_id, e.actor_id, e.area_id, e.business_day,
       t.issued_at, t.procedure_id FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.id = ?`,
  );
  const rating = db.prepare<[string], Row>(
    `SELECT r.id, r.ticket_id, r.at, r.level, r.area_id, r.counter_id, r.clerk_id, t.business_day, t.issued_at,
       t.procedure_id FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE r.id = ?`,
  );
  const counter = db.prepare<[string], Row>('SELECT * FROM counters WHERE id = ?');
  const counterAreas = db.prepare<[string], string>(
    'SELECT area_id FROM counter_areas WHERE counter_id = ? ORDER BY position',
  );
  const first = db.prepare<[], { seq: number; at: number }>('SELECT seq, at FROM outbox ORDER BY seq LIMIT 1');
  const count = db.prepare<[], number>('SELECT COUNT(*) FROM outbox').pluck();
  const highest = db.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").pluck();
  const oldestAfter = db.prepare<[number], { at: number }>('SELECT at FROM outbox WHERE seq > ? ORDER BY seq LIMIT 1');
  const prune = db.prepare<[number]>('DELETE FROM outbox WHERE seq <= ?');
  const ack = db.prepare<[number, number]>('UPDATE province_state SET ack_seq = ?, acked_at = ? WHERE id = 1');
  const addLine = db.prepare<[string, string, number]>('INSERT INTO outbox (kind, ref, at) VALUES (?, ?, ?)');

  const payload = (kind: FeedKind, ref: string, seq: number): unknown => {
    switch (kind) {
      case 'ticket': {
        const t = ticket.get(ref);
        return t && ticketData(t, seq);
      }
      case 'event': {
        const e = event.get(Number(ref));
        return (
          e && {
            id: String(e.id),
            at: e.at,
            type: e.type,
            ticketId: e.ticket_id,
            counterId: e.counter_id,
            actorId: e.actor_id,
            areaId: e.area_id,
            businessDay: e.business_day,
            issuedAt: e.issued_at,
            procedureId: e.procedure_id ?? null,
          }
        );
      }
      case 'rating': {
        const r = rating.get(ref);
        return (
          r && {
            id: r.id,
            ticketId: r.ticket_id,
            at: r.at,
            level: r.level,
            areaId: r.area_id,
            counterId: r.counter_id,
            clerkId: r.clerk_id,
            businessDay: r.business_day,
            issuedAt: r.issued_at,
            procedureId: r.procedure_id ?? null,
          }
        );
      }
      case 'counter': {
        const c = counter.get(ref);
        return (
          c && {
            id: c.id,
            number: c.number,
            name: c.name,
            status: c.status,
            clerkId: c.clerk_id,
            currentTicketId: c.current_ticket_id,
            areaIds: counterAreas.pluck().all(String(c.id)),
            updatedAt: c.updated_at,
          }
        );
      }
      case 'catalog':
        return catalog();
    }
  };

  function catalog() {
    return {
      areas: db
        .prepare(
          `SELECT a.id, a.code, a.name, d.code AS departmentCode, d.name AS departmentName,
             a.target_wait_min * 60 AS targetWaitSec FROM areas a JOIN departments d ON d.id = a.department_id
           WHERE a.active = 1 ORDER BY a.sort, a.code`,
        )
        .all(),
      // Active areas and counters, as the center's own reports list them; every user, since a clerk who left
      // still names the tickets they served.
      counters: db.prepare('SELECT id, number, name FROM counters WHERE active = 1 ORDER BY number').all(),
      clerks: db.prepare('SELECT id, username, display_name AS displayName FROM users ORDER BY username').all(),
      procedures: db.prepare('SELECT id, code, name FROM procedures ORDER BY rowid').all(),
      ...ratingLevels(),
    };
  }

  /** The center's rating levels, best first, so the hub's satisfaction share reads them as the center does. */
  function ratingLevels(): { ratingLevels?: { key: string; label: string }[] } {
    const raw = db.prepare<[], string>("SELECT value FROM settings WHERE key = 'center'").pluck().get();
    try {
      const levels = raw === undefined ? undefined : (JSON.parse(raw) as { ratingLevels?: unknown }).ratingLevels;
      return Array.isArray(levels) ? { ratingLevels: levels as { key: string; label: string }[] } : {};
    } catch {
      return {};
    }
  }

  /** Every current row as lines, in the order they happened: what a newly linked hub needs to know. */
  function backfill(): void {
    db.exec(`
      INSERT INTO outbox (kind, ref, at) SELECT 'counter', id, updated_at FROM counters ORDER BY number;
      INSERT INTO outbox (kind, ref, at) SELECT 'ticket', id, ${TICKET_AT} FROM tickets ORDER BY issue_seq;
      INSERT INTO outbox (kind, ref, at) SELECT 'event', CAST(id AS TEXT), at FROM ticket_events
        WHERE type IN ('called', 'transferred') ORDER BY id;
      INSERT INTO outbox (kind, ref, at) SELECT 'rating', id, at FROM ratings ORDER BY at, id;
      UPDATE province_state SET catalog_dirty = 1 WHERE id = 1;`);
  }

  /** Restarts the numbering after `seq` (AUTOINCREMENT's counter), with an empty outbox. */
  function renumber(seq: number): void {
    db.prepare('DELETE FROM outbox').run();
    db.prepare("DELETE FROM sqlite_sequence WHERE name = 'outbox'").run();
    if (seq > 0) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)").run(seq);
  }

  return {
    state(): ProvinceState {
      const s = stateRow.get()!;
      return {
        enabled: s.enabled === 1,
        linkKey: s.link_key,
        ackSeq: s.ack_seq,
        ackedAt: s.acked_at,
        catalogDirty: s.catalog_dirty === 1,
        catalogVersion: s.catalog_version,
      };
    },
    /**
     * Turns the feed on for the hub `linkKey` names. The same hub again: nothing (the outbox keeps what it holds).
     * A different hub: the outbox starts over from seq 1 with every current row, so the hub gets the whole history
     * once. The feed was off (changes since were not recorded): every row is queued again after the last
     * acknowledged seq. Returns whether it queued the history.
     */
    enable(linkKey: string): boolean {
      return db
        .transaction(() => {
          const s = stateRow.get()!;
          if (s.enabled === 1 && s.link_key === linkKey) return false;
          if (s.link_key === linkKey) {
            // The same hub after a pause: it holds everything up to ack_seq; the rest is queued again after it,
            // so seqs stay contiguous (the hub refuses a gap).
            renumber(s.ack_seq);
            db.prepare('UPDATE province_state SET enabled = 1 WHERE id = 1').run();
          } else {
            renumber(0);
            db.prepare(
              'UPDATE province_state SET enabled = 1, link_key = ?, ack_seq = 0, acked_at = NULL, catalog_version = NULL WHERE id = 1',
            ).run(linkKey);
          }
          backfill();
          return true;
        })
        .immediate();
    },
    /** No hub configured: the triggers stop writing; what the outbox holds stays until a hub is set again. */
    disable(): void {
      // Read first: an unlinked center polls this every few seconds and should not take the write lock for it.
      if (stateRow.get()!.enabled === 1) db.prepare('UPDATE province_state SET enabled = 0 WHERE id = 1').run();
    },
    /**
     * The hub knows less than we pruned (its database restored from an older backup): the history is queued again
     * numbered from its `ackSeq + 1`, so nothing it lost stays missing (the hub applies what it already has as
     * no change: upserts by id, keeping the highest rev).
     */
    restartAfter(ackSeq: number, now: number): void {
      db.transaction(() => {
        renumber(ackSeq);
        ack.run(ackSeq, now);
        backfill();
      }).immediate();
    },
    /**
     * Up to `limit` items from `fromSeq` on, with their payloads. The hub wants seqs without a hole, so a line whose
     * row is gone (none is ever deleted today) goes as the catalogue instead, which the hub replaces whole.
     */
    batch(fromSeq: number, limit: number): FeedItem[] {
      // One read transaction: every payload of a batch comes from the same committed state.
      return db.transaction(() =>
        lines.all(fromSeq, limit).map((l): FeedItem => {
          const data = payload(l.kind, l.ref, l.seq);
          return data
            ? { seq: l.seq, at: l.at, kind: l.kind, data }
            : { seq: l.seq, at: l.at, kind: 'catalog', data: catalog() };
        }),
      )();
    },
    /** Seq of the first line, if any (≠ ackSeq + 1 when the outbox was started over). */
    firstSeq: (): number | null => first.get()?.seq ?? null,
    /** The highest seq ever given (0: none); AUTOINCREMENT's own counter. */
    highestSeq: (): number => highest.get() ?? 0,
    /** The moment of the oldest line after `seq`: the hub's measure of how far behind it is. */
    oldestAfter: (seq: number): number | null => oldestAfter.get(seq)?.at ?? null,
    pending(): Pending {
      const f = first.get();
      return { count: count.get() ?? 0, firstSeq: f?.seq ?? null, oldestAt: f?.at ?? null };
    },
    /** The hub applied everything up to `ackSeq`: those lines go, in the same transaction as the new position. */
    acknowledge(ackSeq: number, now: number): void {
      db.transaction(() => {
        prune.run(ackSeq);
        ack.run(ackSeq, now);
      }).immediate();
    },
    /** Queues one `catalog` line when the labels changed (or `force`, the first push after a start). */
    queueCatalog(now: number, force: boolean): boolean {
      return db
        .transaction(() => {
          const s = stateRow.get()!;
          if (s.enabled !== 1 || (!force && s.catalog_dirty !== 1)) return false;
          addLine.run('catalog', '', now);
          db.prepare('UPDATE province_state SET catalog_dirty = 0 WHERE id = 1').run();
          return true;
        })
        .immediate();
    },
    setCatalogVersion(v: string | null): void {
      db.prepare('UPDATE province_state SET catalog_version = ? WHERE id = 1').run(v);
    },
    catalog,
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
