import { emptyTotals, mergeTotals, type GroupTotals } from '../../../server/src/core/reports/report.aggregate.ts';
import type { Queryable } from '../storage/hub.db.ts';

/** What the hub groups by: a center's groupings plus the center itself. */
export type HubGroupBy = 'center' | 'area' | 'procedure' | 'clerk';
/** Totals per center, then per the center's own id of the group ('all' for groupBy center). */
export type CenterTotals = Map<string, Map<string, GroupTotals>>;
/** A range's totals re-keyed across the province: `rekey(centerId, the center's own id)` → the report's key. */
export type KeyedTotals = (
  q: Queryable,
  r: { from: string; to: string; groupBy: HubGroupBy | 'all' },
  rekey: (centerId: string, localId: string) => string,
) => Promise<Map<string, GroupTotals>>;

/** Per-center totals summed under the province's keys. */
export function rekeyTotals(per: CenterTotals, rekey: (centerId: string, localId: string) => string) {
  const byKey = new Map<string, GroupTotals[]>();
  for (const [centerId, groups] of per)
    for (const [id, t] of groups) {
      const k = rekey(centerId, id);
      const list = byKey.get(k);
      if (list) list.push(t);
      else byKey.set(k, [t]);
    }
  return new Map([...byKey].map(([k, list]) => [k, mergeTotals(list)]));
}

/** The reference: the report SQL over every ticket, re-keyed (the equality tests compare the aggregates to it). */
export const referenceTotals: KeyedTotals = async (q, r, rekey) => rekeyTotals(await aggregateHub(q, r), rekey);

/**
 * The center's report SQL (server/src/storage/reports.repository.ts) in PostgreSQL, per center: the same
 * counts, sums and wait histograms with the same definitions, so rows come out of the same pure code
 * (rowsFromTotals). Targets come from the center's catalogue (hub_areas), as a center joins its areas.
 */
function keys(g: HubGroupBy | 'all') {
  if (g === 'center' || g === 'all') return { issued: "'all'", end: "'all'", event: "'all'", rating: "'all'" };
  if (g === 'procedure') {
    const own = "COALESCE(t.procedure_id, '')";
    return {
      issued: own,
      end: own,
      // The ticket's procedure, joined once (EVENTS below), as the center reads it from the ticket.
      event: "COALESCE(x.procedure_id, '')",
      rating: own,
    };
  }
  if (g === 'area') return { issued: 't.issued_area_id', end: 't.area_id', event: 'e.area_id', rating: 'r.area_id' };
  return { issued: null, end: 't.clerk_id', event: 'e.actor_id', rating: 'r.clerk_id' };
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function aggregateHub(
  q: Queryable,
  r: { from: string; to: string; groupBy: HubGroupBy | 'all'; centerIds?: string[] },
): Promise<CenterTotals> {
  const k = keys(r.groupBy);
  const out: CenterTotals = new Map();
  const acc = (center: unknown, key: unknown) => {
    if (key === null || key === undefined) return null;
    const c = String(center);
    let m = out.get(c);
    if (!m) out.set(c, (m = new Map()));
    let a = m.get(String(key));
    if (!a) m.set(String(key), (a = emptyTotals()));
    return a;
  };
  const params: unknown[] = [r.from, r.to];
  const only = r.centerIds ? ` AND t.center_id = ANY($3::text[])` : '';
  const onlyE = r.centerIds ? ` AND e.center_id = ANY($3::text[])` : '';
  if (r.centerIds) params.push(r.centerIds);
  const RANGE = `t.business_day BETWEEN $1 AND $2${only}`;
  if (k.issued) {
    for (const x of await q.query(
      `SELECT t.center_id AS c, ${k.issued} AS k, COUNT(*) AS n, COUNT(*) FILTER (WHERE t.status = 'expired') AS expired
       FROM hub_tickets t WHERE ${RANGE} GROUP BY 1, 2`,
      params,
    )) {
      const a = acc(x.c, x.k);
      if (a) {
        a.issued += n(x.n);
        a.expired += n(x.expired);
      }
    }
  }
  const CALLED = 't.first_called_at IS NOT NULL';
  const SVC = "t.status = 'done' AND t.called_at IS NOT NULL AND t.finished_at IS NOT NULL";
  for (const x of await q.query(
    `SELECT t.center_id AS c, ${k.end} AS k,
       COUNT(*) FILTER (WHERE t.status = 'done') AS served, COUNT(*) FILTER (WHERE t.status = 'no_show') AS no_show,
       SUM(t.first_called_at - t.issued_at) AS wait_ms, COUNT(t.first_called_at) AS wait_n,
       COUNT(*) FILTER (WHERE ${CALLED} AND ia.target_wait_sec IS NOT NULL) AS targeted,
       COUNT(*) FILTER (WHERE ${CALLED} AND ia.target_wait_sec IS NOT NULL
         AND t.first_called_at - t.issued_at <= ia.target_wait_sec * 1000) AS within,
       SUM(CASE WHEN ${SVC} THEN t.finished_at - t.called_at END) AS svc_ms,
       COUNT(*) FILTER (WHERE ${SVC}) AS svc_n
     FROM hub_tickets t LEFT JOIN hub_areas ia ON ia.center_id = t.center_id AND ia.id = t.issued_area_id
     WHERE ${RANGE} GROUP BY 1, 2`,
    params,
  )) {
    const a = acc(x.c, x.k);
    if (!a) continue;
    a.served += n(x.served);
    a.noShow += n(x.no_show);
    a.waitMsSum += n(x.wait_ms);
    a.waitN += n(x.wait_n);
    a.targeted += n(x.targeted);
    a.within += n(x.within);
    a.svcMsSum += n(x.svc_ms);
    a.svcN += n(x.svc_n);
  }
  for (const x of await q.query(
    `SELECT t.center_id AS c, ${k.end} AS k, (t.first_called_at - t.issued_at) / 1000 AS w, COUNT(*) AS n
     FROM hub_tickets t WHERE ${RANGE} AND ${CALLED} GROUP BY 1, 2, 3`,
    params,
  )) {
    const a = acc(x.c, x.k);
    if (a) a.waits.set(n(x.w), (a.waits.get(n(x.w)) ?? 0) + n(x.n));
  }
  const joinTicket =
    r.groupBy === 'procedure' ? 'LEFT JOIN hub_tickets x ON x.center_id = e.center_id AND x.id = e.ticket_id' : '';
  const EVENTS = `FROM hub_events e ${joinTicket} WHERE e.business_day BETWEEN $1 AND $2${onlyE}`;
  for (const x of await q.query(
    `SELECT e.center_id AS c, ${k.event} AS k, COUNT(*) AS n ${EVENTS} AND e.type = 'transferred' GROUP BY 1, 2`,
    params,
  )) {
    const a = acc(x.c, x.k);
    if (a) a.transferred += n(x.n);
  }
  if (r.groupBy === 'clerk') {
    // Clerks "issue" the tickets they called (once per ticket), as on a center.
    for (const x of await q.query(
      `SELECT e.center_id AS c, ${k.event} AS k, COUNT(DISTINCT e.ticket_id) AS n ${EVENTS} AND e.type = 'called'
       GROUP BY 1, 2`,
      params,
    )) {
      const a = acc(x.c, x.k);
      if (a) a.issued += n(x.n);
    }
  }
  for (const x of await q.query(
    `SELECT t.center_id AS c, ${k.rating} AS k, r.level, COUNT(*) AS n
     FROM hub_ratings r JOIN hub_tickets t ON t.center_id = r.center_id AND t.id = r.ticket_id
     WHERE ${RANGE} GROUP BY 1, 2, 3`,
    params,
  )) {
    const a = acc(x.c, x.k);
    if (a) a.ratings[String(x.level)] = (a.ratings[String(x.level)] ?? 0) + n(x.n);
  }
  return out;
}
