import type { Db } from './db.ts';
import type { GroupTotals } from '../core/reports/report.aggregate.ts';
import type { AggKind } from './report-aggregates.contribution.ts';
import type { AggregateReader } from './report-aggregates.read.ts';
import { SUM_COLUMNS } from './report-aggregates.write.ts';
import { encodeHistogram, joinPair } from './report.histogram.ts';

// Every kind, checked complete by the compiler (a new kind must be rolled up too).
const KINDS = Object.keys({
  area: 1,
  counter: 1,
  clerk: 1,
  quarter: 1,
  day: 1,
  procedure: 1,
  channel: 1,
} satisfies Record<AggKind, 1>) as AggKind[];
const IN_KINDS = `(${KINDS.map((k) => `'${k}'`).join(', ')})`;

/**
 * Which monthly roll-ups (migration 0009) a report of [from, to] may read: months whose every report day lies in the
 * range, all fresh, and still the very days the roll-up summed (same count, same SUM(writes): every write a report
 * sees bumps its day's `writes`, and a rebuilt day deletes its month's state).
 */
export function createMonthValidity(db: Db) {
  const usable = db
    .prepare<{ from: string; to: string }, string>(
      `SELECT s.month FROM report_month_state s
      JOIN report_days d ON d.day BETWEEN s.month || '-01' AND s.month || '-31'
      WHERE s.month BETWEEN substr(@from, 1, 7) AND substr(@to, 1, 7)
      GROUP BY s.month
      HAVING COUNT(*) = s.days AND SUM(d.writes) = s.writes AND SUM(d.writes <> d.applied) = 0
        AND MIN(d.day) >= @from AND MAX(d.day) <= @to
      ORDER BY s.month`,
    )
    .pluck();
  return (from: string, to: string): string[] => usable.all({ from, to });
}

/** The writes of the roll-ups: done by the server's upkeep, never on a ticket's write path. */
export function createMonthRollup(db: Db, reader: AggregateReader) {
  const monthDays = db.prepare<[string, string], { days: number; writes: number | null; stale: number | null }>(
    'SELECT COUNT(*) AS days, SUM(writes) AS writes, SUM(writes <> applied) AS stale FROM report_days WHERE day BETWEEN ? AND ?',
  );
  const clearRows = db.prepare(`DELETE FROM report_months WHERE kind IN ${IN_KINDS} AND month = ?`);
  const clearState = db.prepare('DELETE FROM report_month_state WHERE month = ?');
  const insertRow = db.prepare(`INSERT INTO report_months (month, kind, key, ${SUM_COLUMNS.join(', ')}, hist, ratings)
    VALUES (${Array(SUM_COLUMNS.length + 5)
      .fill('?')
      .join(', ')})`);
  const setState = db.prepare(`INSERT INTO report_month_state (month, days, writes) VALUES (?, ?, ?)
    ON CONFLICT (month) DO UPDATE SET days = excluded.days, writes = excluded.writes`);
  const stateOf = db.prepare<[string], { days: number; writes: number }>(
    'SELECT days, writes FROM report_month_state WHERE month = ?',
  );
  // Months before the newest day's month (that one keeps changing), with every day fresh, newest first.
  const closed = db.prepare<[], { month: string; days: number; writes: number }>(
    `SELECT substr(day, 1, 7) AS month, COUNT(*) AS days, SUM(writes) AS writes FROM report_days
    WHERE day < (SELECT substr(MAX(day), 1, 7) FROM report_days)
    GROUP BY month HAVING SUM(writes <> applied) = 0 ORDER BY month DESC`,
  );

  const packed = (h: Map<number, number>) => encodeHistogram([...h].sort((a, b) => a[0] - b[0]));
  const negative = (g: GroupTotals) => [...g.waits.values(), ...g.services.values()].some((n) => n < 0);

  /**
   * Sums a month's fresh days into its roll-up rows (one write transaction); false, and no roll-up, when a day of
   * it is stale or a histogram does not add up (a roll-up must be exactly what its days say).
   */
  function rollUpMonth(month: string): boolean {
    const first = `${month}-01`;
    const last = `${month}-31`;
    return db
      .transaction(() => {
        clearState.run(month);
        clearRows.run(month);
        const sig = monthDays.get(first, last)!;
        if (sig.days === 0 || sig.stale !== 0) return false;
        const kinds = KINDS.map(
          (kind) => [kind, reader.read(kind, first, last, undefined, { months: false })] as const,
        );
        if (kinds.some(([, r]) => r.stale.length > 0 || [...r.groups.values()].some(negative))) return false;
        for (const [kind, { groups }] of kinds)
          for (const [key, g] of groups) {
            const rated = Object.keys(g.ratings).length > 0;
            insertRow.run(
              month,
              kind,
              key,
              g.issued,
              g.expired,
              g.served,
              g.noShow,
              g.transferred,
              g.waitMsSum,
              g.waitN,
              g.targeted,
              g.within,
              g.svcMsSum,
              g.svcN,
              joinPair(packed(g.waits), packed(g.services)),
              rated ? JSON.stringify(g.ratings) : null,
            );
          }
        setState.run(month, sig.days, sig.writes);
        return true;
      })
      .immediate();
  }

  /** Rolls up to `limit` past months whose roll-up is missing or outdated (newest first); returns them. */
  function rollUpMonths(limit = Number.MAX_SAFE_INTEGER): string[] {
    const done: string[] = [];
    for (const m of closed.all()) {
      if (done.length >= limit) break;
      const s = stateOf.get(m.month);
      if (s && s.days === m.days && s.writes === m.writes) continue;
      if (rollUpMonth(m.month)) done.push(m.month);
    }
    return done;
  }

  return { rollUpMonth, rollUpMonths };
}
