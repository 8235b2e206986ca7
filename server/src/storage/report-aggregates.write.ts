import type { Db } from './db.ts';
import { DeltaSet, SUM_FIELDS, type AggKind } from './report-aggregates.contribution.ts';
import { addToHistogram, joinPair, splitPair } from './report.histogram.ts';

// Every kind: a day's rows are found through the primary key (kind, day, …), no index by day alone.
export const AGG_KINDS = "('area', 'counter', 'clerk', 'quarter', 'day', 'procedure', 'channel')";
// The sum columns, in the order of SUM_FIELDS.
export const SUM_COLUMNS = [
  'issued',
  'expired',
  'served',
  'no_show',
  'transferred',
  'wait_ms',
  'wait_n',
  'targeted',
  'within',
  'svc_ms',
  'svc_n',
];

/**
 * The write path of the aggregates: deltas applied to the sums, ratings and recent histogram rows, a write and its
 * deltas tracked in one savepoint, and the folding of recent rows into the day's blobs.
 */
export function createAggregateWriter(db: Db) {
  const params = SUM_FIELDS.map((f) => `@${f}`).join(', ');
  const upsertAll = db.prepare(`INSERT INTO report_aggregates (day, kind, key, ${SUM_COLUMNS.join(', ')}, hist)
    VALUES (@day, @kind, @key, ${params}, @hist)
    ON CONFLICT (kind, day, key) DO UPDATE SET ${SUM_COLUMNS.map((c, i) => `${c} = ${c} + @${SUM_FIELDS[i]}`).join(', ')},
      hist = @hist`);
  const histOf = db.prepare<[string, string, string], { hist: Buffer | null }>(
    'SELECT hist FROM report_aggregates WHERE kind = ? AND day = ? AND key = ?',
  );
  // A write touches up to seven groupings: each table gets ONE multi-row upsert per write (positional parameters,
  // statements cached by row count) instead of one statement per grouping — ~40 statements a ticket's life → ~10.
  const sumsRows = batchedUpsert(
    db,
    `report_aggregates (day, kind, key, ${SUM_COLUMNS.join(', ')})`,
    3 + SUM_COLUMNS.length,
    `ON CONFLICT (kind, day, key) DO UPDATE SET ${SUM_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  );
  const recentRows = batchedUpsert(
    db,
    'report_hist_recent (day, kind, key, metric, sec, n)',
    6,
    'ON CONFLICT (kind, day, key, metric, sec) DO UPDATE SET n = n + excluded.n',
  );
  const ratingRows = batchedUpsert(
    db,
    'report_ratings (day, kind, key, level, n)',
    5,
    'ON CONFLICT (kind, day, key, level) DO UPDATE SET n = n + excluded.n',
  );
  const target = db.prepare<[string], { t: number | null }>('SELECT target_wait_min AS t FROM areas WHERE id = ?');
  const dayOf = db.prepare<[string], { writes: number; applied: number }>(
    'SELECT writes, applied FROM report_days WHERE day = ?',
  );
  const setApplied = db.prepare('UPDATE report_days SET applied = writes - ? WHERE day = ?');
  const addApplied = db.prepare('UPDATE report_days SET applied = applied + ? WHERE day = ?');

  /** Target wait in seconds as the reference reads it: a missing or zero target means none. */
  const targetSec = (areaId: string) => targetSecOf(target.get(areaId)?.t);

  /**
   * Writes deltas: sums and ratings in place; histogram changes as rows of report_hist_recent (`direct`: straight into
   * the blobs, for a rebuild, which starts from none).
   */
  function apply(set: DeltaSet, direct = false): void {
    const sums: unknown[] = [];
    const recent: unknown[] = [];
    const ratings: unknown[] = [];
    for (const { day, kind, key, d } of set.groups.values()) {
      if (direct && (d.waits.size > 0 || d.services.size > 0)) {
        const [waits, services] = splitPair(histOf.get(kind, day, key)?.hist ?? null);
        const hist = joinPair(
          d.waits.size > 0 ? addToHistogram(waits, d.waits) : waits,
          d.services.size > 0 ? addToHistogram(services, d.services) : services,
        );
        upsertAll.run({ day, kind, key, ...Object.fromEntries(SUM_FIELDS.map((f) => [f, d[f]])), hist });
      } else {
        if (SUM_FIELDS.some((f) => d[f] !== 0)) sums.push(day, kind, key, ...SUM_FIELDS.map((f) => d[f]));
        for (const [sec, n] of d.waits) recent.push(day, kind, key, 0, sec, n);
        for (const [sec, n] of d.services) recent.push(day, kind, key, 1, sec, n);
      }
      for (const [level, n] of d.ratings) ratings.push(day, kind, key, level, n);
    }
    sumsRows(sums);
    recentRows(recent);
    ratingRows(ratings);
  }

  const recentOfDay = db.prepare<[string], { kind: AggKind; key: string; metric: number; sec: number; n: number }>(
    `SELECT kind, key, metric, sec, n FROM report_hist_recent WHERE kind IN ${AGG_KINDS} AND day = ? AND n <> 0`,
  );
  const clearRecent = db.prepare(`DELETE FROM report_hist_recent WHERE kind IN ${AGG_KINDS} AND day = ?`);
  const recentDays = db.prepare<[], { day: string }>('SELECT DISTINCT day FROM report_hist_recent ORDER BY day DESC');

  /** Folds a day's recent histogram rows into its blobs (one write transaction). */
  function compactDay(day: string): void {
    db.transaction(() => {
      const set = new DeltaSet();
      for (const r of recentOfDay.iterate(day)) {
        const d = set.at(day, r.kind, r.key);
        (r.metric === 0 ? d.waits : d.services).set(r.sec, r.n);
      }
      clearRecent.run(day);
      apply(set, true);
    }).immediate();
  }

  /** Folds every day but the newest one that still has recent rows (today's keeps growing); returns the days. */
  function compactPast(limit = Number.MAX_SAFE_INTEGER): string[] {
    const days = recentDays
      .all()
      .map((r) => r.day)
      .slice(1, 1 + limit);
    for (const d of days) compactDay(d);
    return days;
  }

  /**
   * Runs one write and its aggregate deltas, then marks what the triggers counted for the day as applied — keeping
   * any lag the day already had, so a stale day stays stale until it is rebuilt. Outside a transaction it opens its
   * own. Inside the caller's it opens no savepoint of its own (a savepoint pair, and SQLite's copy of every page it
   * changes, was ~10 % of a write): if the write throws, nothing of it is applied; if the deltas throw half-way,
   * the day's `applied` was not advanced, so the day reads stale and is rebuilt from its tickets whatever was
   * written (and the caller's transaction normally rolls back all of it anyway).
   *
   * `counted`: how many the triggers are certain to count for this write on `day` (a ticket insert: exactly one,
   * report_days_ticket_insert has no condition). Then `applied` moves by that many and the day is not read first:
   * writes − lag = applied + (writes − writes before) — the same value in one statement instead of two. Never give
   * more than the triggers count: that would hide an earlier lag.
   */
  function tracked<T>(day: string, write: () => T, deltas: (result: T) => DeltaSet | null, counted?: number): T {
    const body = () => {
      const before = counted === undefined ? dayOf.get(day) : undefined;
      const lag = before ? before.writes - before.applied : 0;
      const result = write();
      const set = deltas(result);
      if (set) apply(set);
      if (counted === undefined) setApplied.run(lag, day);
      else addApplied.run(counted, day);
      return result;
    };
    return db.inTransaction ? body() : db.transaction(body)();
  }

  return { apply, targetSec, tracked, compactDay, compactPast };
}

/** Target wait in seconds from an area's `target_wait_min`: a missing or zero target means none. */
export const targetSecOf = (min: number | null | undefined) => (min ? min * 60 : null);

const MAX_ROWS = 64;

/**
 * `run(values)`: the rows in `values` (flat, `width` values a row) upserted by one statement per up to 64 rows
 * (statements prepared once per row count).
 */
function batchedUpsert(db: Db, into: string, width: number, conflict: string) {
  const row = `(${Array(width).fill('?').join(', ')})`;
  const byCount = new Map<number, ReturnType<Db['prepare']>>();
  const statement = (rows: number) => {
    let s = byCount.get(rows);
    if (!s) {
      s = db.prepare(`INSERT INTO ${into} VALUES ${Array(rows).fill(row).join(', ')} ${conflict}`);
      byCount.set(rows, s);
    }
    return s;
  };
  return (values: unknown[]): void => {
    for (let i = 0; i < values.length; i += MAX_ROWS * width) {
      const chunk = values.length <= MAX_ROWS * width ? values : values.slice(i, i + MAX_ROWS * width);
      statement(chunk.length / width).run(chunk);
    }
  };
}

export type AggregateWriter = ReturnType<typeof createAggregateWriter>;
