import type { Db } from './db.ts';
import type { TicketsRepository } from '../core/store.port.ts';
import type { Ticket } from '../core/entities.ts';

/**
 * How many tickets wait per area and day, kept by the connection itself (issue 15): SQLite counts a range of an
 * index by stepping through it, so "people ahead" of a new ticket at the end of a 2,000-ticket queue read 2,000
 * index entries, for the answer and again for the event — the largest single cost of the issue path.
 *
 * A TEMP table (this connection only, in memory, never in a backup) with TEMP triggers on `tickets`: every insert,
 * status/area/day change and delete moves the count in the same transaction as the write, so a rollback or a
 * savepoint's rollback takes it back too. Filled from the tickets when installed, and again whenever another
 * connection has committed (`PRAGMA data_version` moved: an operator's tool writes without these triggers).
 *
 * People ahead of a walk-in ticket = the area's waiting count minus the waiting tickets at or after it in the
 * queue order (priority first, then queue_at, issue_seq), which for a ticket just issued are none or a few; for a
 * ticket near the front the tickets before it are counted instead (never more than 64 entries more than before).
 * Priority tickets are counted among the priority ones directly. Same answers as the plain COUNTs, proven against
 * them on random histories in waiting.counts.test.ts.
 */
export function withWaitingCounts(db: Db, repo: TicketsRepository): TicketsRepository {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS waiting_counts (
      area_id TEXT NOT NULL, business_day TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (area_id, business_day)
    ) WITHOUT ROWID;
    CREATE TEMP TRIGGER IF NOT EXISTS waiting_counts_insert AFTER INSERT ON main.tickets
    WHEN NEW.status = 'waiting' BEGIN
      INSERT INTO waiting_counts (area_id, business_day, n) VALUES (NEW.area_id, NEW.business_day, 1)
        ON CONFLICT (area_id, business_day) DO UPDATE SET n = n + 1;
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS waiting_counts_delete AFTER DELETE ON main.tickets
    WHEN OLD.status = 'waiting' BEGIN
      UPDATE waiting_counts SET n = n - 1 WHERE area_id = OLD.area_id AND business_day = OLD.business_day;
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS waiting_counts_update AFTER UPDATE OF status, area_id, business_day ON main.tickets
    WHEN OLD.status = 'waiting' OR NEW.status = 'waiting' BEGIN
      UPDATE waiting_counts SET n = n - 1
        WHERE OLD.status = 'waiting' AND area_id = OLD.area_id AND business_day = OLD.business_day;
      INSERT INTO waiting_counts (area_id, business_day, n) SELECT NEW.area_id, NEW.business_day, 1
        WHERE NEW.status = 'waiting'
        ON CONFLICT (area_id, business_day) DO UPDATE SET n = n + 1;
    END;
  `);
  const clear = db.prepare('DELETE FROM temp.waiting_counts');
  const fill = db.prepare(`INSERT INTO temp.waiting_counts (area_id, business_day, n)
    SELECT area_id, business_day, COUNT(*) FROM main.tickets WHERE status = 'waiting' GROUP BY area_id, business_day`);
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const count = db
    .prepare<[string, string], number>('SELECT n FROM temp.waiting_counts WHERE area_id = ? AND business_day = ?')
    .pluck();
  const where = "status = 'waiting' AND business_day = @day AND area_id = @area";
  type Key = { day: string; area: string; priority: number; queueAt: number; issueSeq: number };
  // Tickets of a higher priority, and those of the same priority before the ticket (the plain count).
  const before = db
    .prepare<Key, number>(
      `SELECT
      (SELECT COUNT(*) FROM tickets WHERE ${where} AND priority > @priority)
    + (SELECT COUNT(*) FROM tickets WHERE ${where} AND priority = @priority AND (queue_at, issue_seq) < (@queueAt, @issueSeq))`,
    )
    .pluck();
  // Walk-ins (priority 0, the lowest: priority is stored 0 or 1) at or after the ticket, at most AFTER_LIMIT of them
  // (read as rows: a COUNT over a LIMIT subquery cost six times more here).
  const atOrAfter = db
    .prepare<Key, number>(
      `SELECT 1 FROM tickets
    WHERE ${where} AND priority = 0 AND (queue_at, issue_seq) >= (@queueAt, @issueSeq) LIMIT ${AFTER_LIMIT}`,
    )
    .pluck();

  let seen = -1;
  /** The counts as of the state this connection sees (refilled once after another connection's commit). */
  const fresh = () => {
    const v = dataVersion.get() as number;
    if (v === seen) return;
    db.transaction(() => {
      clear.run();
      fill.run();
    })();
    seen = v;
  };
  fresh();
  const waitingCount = (day: string, areaId: string): number => {
    fresh();
    return count.get(areaId, day) ?? 0;
  };

  return {
    ...repo,
    waitingCount,
    waitingAhead: (t: Ticket): number => {
      const key: Key = {
        day: t.businessDay,
        area: t.areaId,
        priority: t.priority ? 1 : 0,
        queueAt: t.queueAt,
        issueSeq: t.issueSeq,
      };
      // Priority tickets are few: count those before it.
      if (key.priority !== 0) return before.get(key) ?? 0;
      const after = atOrAfter.all(key).length;
      if (after < AFTER_LIMIT) return waitingCount(key.day, key.area) - after; // checks data_version once
      return before.get(key) ?? 0; // far from the end of the queue: counting the front is the shorter walk
    },
  };
}

/** How far from the end of the queue the count from the end is still the shorter walk worth trying. */
const AFTER_LIMIT = 64;
