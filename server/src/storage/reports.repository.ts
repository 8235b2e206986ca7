import type { Db } from './db.ts';
import type { AggregateQuery, ReportsRepository } from '../core/store.port.ts';
import { emptyTotals, type GroupBy, type GroupTotals } from '../core/reports/report.aggregate.ts';

/**
 * Report aggregation in SQL: counts, sums and a histogram of waits per group, so a year of tickets is
 * never loaded into memory. Must agree with aggregateFacts (the in-memory reference; see the tests).
 * Hours use one UTC offset for the range (exact for zones without daylight saving, as Vietnam).
 */

// Bound numbers arrive as REAL: cast to integers so the hour is 7, not 7.5.
const HOUR = (col: string) => `CAST(CAST(CAST(${col} + @off AS INTEGER) % 86400000 / 3600000 AS INTEGER) AS TEXT)`;

function keys(g: GroupBy | 'all') {
  if (g === 'all') return { issued: "'all'", end: "'all'", event: "'all'", rating: "'all'" };
  // A ticket's procedure for its whole life; '' groups the tickets asked for by area (the contract's key "").
  if (g === 'procedure') {
    const own = "COALESCE(t.procedure_id, '')";
    return {
      issued: own,
      end: own,
      event: "COALESCE((SELECT procedure_id FROM tickets WHERE id = e.ticket_id), '')",
      rating: own,
    };
  }
  const time = g === 'day' ? 't.business_day' : HOUR('t.issued_at');
  return {
    issued:
      g === 'area'
        ? 't.issued_area_id'
        : g === 'department'
          ? '(SELECT department_id FROM areas WHERE id = t.issued_area_id)'
          : g === 'hour' || g === 'day'
            ? time
            : null,
    end:
      g === 'area'
        ? 't.area_id'
        : g === 'department'
          ? '(SELECT department_id FROM areas WHERE id = t.area_id)'
          : g === 'counter'
            ? 't.counter_id'
            : g === 'clerk'
              ? 't.clerk_id'
              : time,
    event:
      g === 'counter'
        ? 'e.counter_id'
        : g === 'clerk'
          ? 'e.actor_id'
          : g === 'area'
            ? 'e.area_id'
            : g === 'department'
              ? '(SELECT department_id FROM areas WHERE id = e.area_id)'
              : time,
    rating:
      g === 'counter'
        ? 'r.counter_id'
        : g === 'clerk'
          ? 'r.clerk_id'
          : g === 'area'
            ? 'r.area_id'
            : g === 'department'
              ? '(SELECT department_id FROM areas WHERE id = r.area_id)'
              : time,
  };
}

/** The reports port over one connection (the report worker's read-only one, or the server's). */
export function createReportsRepository(db: Db): ReportsRepository {
  return { aggregate: (q) => aggregateSql(db, q) };
}

export function aggregateSql(db: Db, q: AggregateQuery): Map<string, GroupTotals> {
  const k = keys(q.groupBy);
  const p = { from: q.from, to: q.to, off: q.offsetMs };
  const out = new Map<string, GroupTotals>();
  const acc = (key: string | null) => {
    if (key === null) return null;
    let a = out.get(key);
    if (!a) {
      a = emptyTotals();
      out.set(key, a);
    }
    return a;
  };
  const RANGE = 't.business_day BETWEEN @from AND @to';
  if (k.issued) {
    for (const r of db
      .prepare(
        `SELECT ${k.issued} AS k, COUNT(*) AS n, SUM(t.status = 'expired') AS expired FROM tickets t WHERE ${RANGE} GROUP BY k`,
      )
      .all(p) as { k: string | null; n: number; expired: number }[]) {
      const a = acc(r.k);
      if (a) {
        a.issued += r.n;
        a.expired += r.expired;
      }
    }
  }
  const end = db
    .prepare(
      `SELECT ${k.end} AS k,
      SUM(t.status = 'done') AS served, SUM(t.status = 'no_show') AS noShow,
      SUM(CASE WHEN t.first_called_at IS NOT NULL THEN t.first_called_at - t.issued_at END) AS waitMs, COUNT(t.first_called_at) AS waitN,
      SUM(t.first_called_at IS NOT NULL AND ia.target_wait_min IS NOT NULL) AS targeted,
      SUM(t.first_called_at IS NOT NULL AND ia.target_wait_min IS NOT NULL AND t.first_called_at - t.issued_at <= ia.target_wait_min * 60000) AS within,
      SUM(CASE WHEN t.status = 'done' AND t.called_at IS NOT NULL AND t.finished_at IS NOT NULL THEN t.finished_at - t.called_at END) AS svcMs,
      SUM(t.status = 'done' AND t.called_at IS NOT NULL AND t.finished_at IS NOT NULL) AS svcN
    FROM tickets t LEFT JOIN areas ia ON ia.id = t.issued_area_id WHERE ${RANGE} GROUP BY k`,
    )
    .all(p) as {
    k: string | null;
    served: number;
    noShow: number;
    waitMs: number | null;
    waitN: number;
    targeted: number;
    within: number;
    svcMs: number | null;
    svcN: number;
  }[];
  for (const r of end) {
    const a = acc(r.k);
    if (!a) continue;
    a.served += r.served;
    a.noShow += r.noShow;
    a.waitMsSum += r.waitMs ?? 0;
    a.waitN += r.waitN;
    a.targeted += r.targeted;
    a.within += r.within;
    a.svcMsSum += r.svcMs ?? 0;
    a.svcN += r.svcN;
  }
  for (const r of db
    .prepare(
      `SELECT ${k.end} AS k, (t.first_called_at - t.issued_at) / 1000 AS w, COUNT(*) AS n FROM tickets t
      WHERE ${RANGE} AND t.first_called_at IS NOT NULL GROUP BY k, w`,
    )
    .all(p) as { k: string | null; w: number; n: number }[]) {
    const a = acc(r.k);
    if (a) a.waits.set(r.w, (a.waits.get(r.w) ?? 0) + r.n);
  }
  // The ticket is joined only when the group is its issue hour or day.
  const timeGroup = q.groupBy === 'hour' || q.groupBy === 'day';
  const EVENTS = `FROM ticket_events e ${timeGroup ? 'JOIN tickets t ON t.id = e.ticket_id' : ''} WHERE e.business_day BETWEEN @from AND @to`;
  for (const r of db
    .prepare(`SELECT ${k.event} AS k, COUNT(*) AS n ${EVENTS} AND e.type = 'transferred' GROUP BY k`)
    .all(p) as { k: string | null; n: number }[]) {
    const a = acc(r.k);
    if (a) a.transferred += r.n;
  }
  if (q.groupBy === 'counter' || q.groupBy === 'clerk') {
    // Counters and clerks "issue" the tickets they called (once per ticket).
    for (const r of db
      .prepare(`SELECT ${k.event} AS k, COUNT(DISTINCT e.ticket_id) AS n ${EVENTS} AND e.type = 'called' GROUP BY k`)
      .all(p) as { k: string | null; n: number }[]) {
      const a = acc(r.k);
      if (a) a.issued += r.n;
    }
  }
  for (const r of db
    .prepare(
      `SELECT ${k.rating} AS k, r.level, COUNT(*) AS n FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE ${RANGE} GROUP BY k, r.level`,
    )
    .all(p) as { k: string | null; level: string; n: number }[]) {
    const a = acc(r.k);
    if (a) a.ratings[r.level] = (a.ratings[r.level] ?? 0) + r.n;
  }
  return out;
}
