import type { Db } from './db.ts';
import type { AggregateQuery, ReportsRepository } from '../core/store.port.ts';
import { emptyTotals, mergeTotals, type GroupBy, type GroupTotals } from '../core/reports/report.aggregate.ts';
import type { AggKind } from './report-aggregates.contribution.ts';
import { createReportAggregates, type ReportAggregates } from './report-aggregates.repository.ts';

/**
 * Reports read the maintained daily aggregates (migration 0008, report-aggregates.repository.ts) for every fresh day
 * of the range, and aggregate the tickets themselves in SQL (aggregateSql below: counts, sums and histograms per
 * group, never loading a year into memory) for the days whose aggregates are stale or missing. Both must agree with
 * aggregateFacts, the in-memory reference (see the tests). Hours use one UTC offset for the range (exact for zones
 * without daylight saving, as Vietnam).
 */

// Bound numbers arrive as REAL: cast to integers so the hour is 7, not 7.5.
const HOUR = (col: string) => `CAST(CAST(CAST(${col} + @off AS INTEGER) % 86400000 / 3600000 AS INTEGER) AS TEXT)`;

function keys(g: GroupBy | 'all') {
  if (g === 'all') return { issued: "'all'", end: "'all'", event: "'all'", rating: "'all'" };
  // A ticket's procedure for its whole life; '' groups the tickets asked for by area (the contract's key "").
  if (g === 'procedure' || g === 'channel') {
    const own = g === 'channel' ? 't.channel' : "COALESCE(t.procedure_id, '')";
    return {
      issued: own,
      end: own,
      event:
        g === 'channel'
          ? '(SELECT channel FROM tickets WHERE id = e.ticket_id)'
          : "COALESCE((SELECT procedure_id FROM tickets WHERE id = e.ticket_id), '')",
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

/** Which aggregate kind answers a grouping, and how its keys become the grouping's keys (null: not at all). */
function kindOf(db: Db, g: GroupBy | 'all', offsetMs: number): { kind: AggKind; key: (k: string) => string | null } {
  if (g === 'all') return { kind: 'day', key: () => 'all' };
  if (g === 'department') {
    const dept = new Map(
      (db.prepare('SELECT id, department_id FROM areas').all() as { id: string; department_id: string }[]).map((a) => [
        a.id,
        a.department_id,
      ]),
    );
    return { kind: 'area', key: (k) => dept.get(k) ?? null };
  }
  if (g === 'hour')
    return {
      kind: 'quarter',
      key: (q) =>
        String(Math.floor(((((Number(q) * 900_000 + offsetMs) % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000)),
    };
  return { kind: g, key: (k) => k };
}

/** The reports port over one connection (the report worker's read-only one, or the server's). */
export function createReportsRepository(
  db: Db,
  aggregates: ReportAggregates = createReportAggregates(db),
): ReportsRepository {
  return {
    aggregate(q) {
      // Quarter hours turn into local hours only for offsets of whole quarter hours (every zone in use today).
      if (q.groupBy === 'hour' && q.offsetMs % 900_000 !== 0) return aggregateSql(db, q);
      const { kind, key } = kindOf(db, q.groupBy, q.offsetMs);
      const { groups, stale } = aggregates.read(kind, q.from, q.to, key);
      if (stale.length === 0) return groups;
      const out = new Map<string, GroupTotals[]>();
      const add = (k: string | null, g: GroupTotals) => {
        if (k === null) return;
        const list = out.get(k);
        if (list) list.push(g);
        else out.set(k, [g]);
      };
      for (const [k, g] of groups) add(k, g);
      for (const [from, to] of stale) for (const [k, g] of aggregateSql(db, { ...q, from, to })) add(k, g);
      return new Map([...out].map(([k, list]) => [k, list.length === 1 ? list[0]! : mergeTotals(list)]));
    },
  };
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
      SUM(t.first_called_at IS NOT NULL AND COALESCE(ia.target_wait_min, 0) <> 0) AS targeted,
      SUM(t.first_called_at IS NOT NULL AND COALESCE(ia.target_wait_min, 0) <> 0 AND t.first_called_at - t.issued_at <= ia.target_wait_min * 60000) AS within,
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
  // Whole seconds rounded down, as the reference does (SQLite's integer division rounds towards zero).
  const SEC = (ms: string) => `CASE WHEN (${ms}) >= 0 THEN (${ms}) / 1000 ELSE -((999 - (${ms})) / 1000) END`;
  for (const r of db
    .prepare(
      `SELECT ${k.end} AS k, ${SEC('t.first_called_at - t.issued_at')} AS w, COUNT(*) AS n FROM tickets t
      WHERE ${RANGE} AND t.first_called_at IS NOT NULL GROUP BY k, w`,
    )
    .all(p) as { k: string | null; w: number; n: number }[]) {
    const a = acc(r.k);
    if (a) a.waits.set(r.w, (a.waits.get(r.w) ?? 0) + r.n);
  }
  for (const r of db
    .prepare(
      `SELECT ${k.end} AS k, ${SEC('t.finished_at - t.called_at')} AS w, COUNT(*) AS n FROM tickets t
      WHERE ${RANGE} AND t.status = 'done' AND t.called_at IS NOT NULL AND t.finished_at IS NOT NULL GROUP BY k, w`,
    )
    .all(p) as { k: string | null; w: number; n: number }[]) {
    const a = acc(r.k);
    if (a) a.services.set(r.w, (a.services.get(r.w) ?? 0) + r.n);
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
