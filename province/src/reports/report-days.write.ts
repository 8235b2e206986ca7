import { addToHistogram } from '../../../server/src/storage/report.histogram.ts';
import type { Queryable, Row } from '../storage/hub.db.ts';
import {
  addCall,
  addRating,
  addTicket,
  addTransfer,
  addTransferProcedure,
  CallDays,
  DAY_SUMS,
  dayId,
  DaySet,
  HUB_EVENT_COLUMNS,
  HUB_RATING_COLUMNS,
  type DayDelta,
  type HubEventState,
  type HubRatingState,
  type HubTicketState,
  type TicketKeys,
} from './report-days.contribution.ts';

/** `= ANY(…)` of a JSON array of ids: one parameter spelling both drivers read the same way. */
export const IDS = (n: number) => `ANY(ARRAY(SELECT jsonb_array_elements_text($${n}::jsonb)))`;

/** The column of each sum (DAY_SUMS order). */
const COLUMN: Record<(typeof DAY_SUMS)[number], string> = {
  refs: 'refs',
  issued: 'issued',
  expired: 'expired',
  served: 'served',
  noShow: 'no_show',
  transferred: 'transferred',
  waitMs: 'wait_ms',
  waitN: 'wait_n',
  targeted: 'targeted',
  within: 'within',
  svcMs: 'svc_ms',
  svcN: 'svc_n',
};
const SUM_COLUMNS = DAY_SUMS.map((k) => COLUMN[k]);
/** The summed columns a month row holds (migration 0003): every daily sum but `refs`, which only days count. */
export const MONTH_SUM_COLUMNS = SUM_COLUMNS.filter((c) => c !== 'refs');
const isZero = (d: DayDelta) => DAY_SUMS.every((k) => d[k] === 0) && d.waits.size === 0 && d.ratings.size === 0;

export async function areaTargets(q: Queryable, centerId: string): Promise<Map<string, number | null>> {
  const rows = await q.query<{ id: string; t: number | null }>(
    'SELECT id, target_wait_sec AS t FROM hub_areas WHERE center_id = $1',
    [centerId],
  );
  return new Map(rows.map((r) => [r.id, r.t === null ? null : Number(r.t)]));
}

/**
 * Adds a set of deltas to the stored rows of one center: read the rows it touches, add in memory (histograms by
 * the center's merge walk), write back; a row no fact names any more (refs 0) is deleted. `fresh`: no rows exist
 * (a rebuild), nothing to read. `known`: what the batch's context already read: the rows of `days`, and which of
 * their months hold a monthly roll-up (`months`).
 */
export async function writeDaySet(
  q: Queryable,
  centerId: string,
  set: DaySet,
  fresh = false,
  known?: { days: Set<string>; rows: Row[]; months?: Set<string> },
): Promise<void> {
  const groups = [...set.groups.values()].filter((g) => !isZero(g.d));
  if (!fresh) await voidMonths(q, centerId, groups, known);
  const prefetched = new Map(
    (known?.rows ?? []).map((r) => [dayId(String(r.kind), String(r.business_day), String(r.key)), r]),
  );
  for (let i = 0; i < groups.length; i += 2000) {
    const chunk = groups.slice(i, i + 2000);
    const old = new Map<string, Row>();
    for (const g of chunk) {
      const r = prefetched.get(dayId(g.kind, g.day, g.key));
      if (r) old.set(dayId(g.kind, g.day, g.key), r);
    }
    const unknown = fresh ? [] : chunk.filter((g) => !known?.days.has(g.day));
    if (unknown.length)
      for (const r of await q.query(
        `SELECT d.kind, d.business_day, d.key, ${SUM_COLUMNS.map((c) => `d.${c}`).join(', ')}, d.waits, d.ratings
         FROM hub_report_days d
         JOIN jsonb_to_recordset($2::jsonb) AS x(kind text, day text, key text)
           ON d.kind = x.kind AND d.business_day = x.day AND d.key = x.key
         WHERE d.center_id = $1`,
        [centerId, JSON.stringify(unknown.map((g) => ({ kind: g.kind, day: g.day, key: g.key })))],
      ))
        old.set(dayId(String(r.kind), String(r.business_day), String(r.key)), r);
    const put: Record<string, unknown>[] = [];
    const gone: { kind: string; day: string; key: string }[] = [];
    for (const g of chunk) {
      const o = old.get(dayId(g.kind, g.day, g.key));
      const row: Record<string, unknown> = { kind: g.kind, day: g.day, key: g.key };
      for (const k of DAY_SUMS) row[COLUMN[k]] = Number(o?.[COLUMN[k]] ?? 0) + g.d[k];
      if ((row.refs as number) <= 0) {
        if (o) gone.push({ kind: g.kind, day: g.day, key: g.key });
        continue;
      }
      const stored = o?.waits ?? null;
      const waits = addToHistogram(
        typeof stored === 'string' ? Buffer.from(stored, 'hex') : (stored as Uint8Array | null),
        g.d.waits,
      );
      row.waits = waits ? waits.toString('hex') : null;
      const ratings: Record<string, number> = { ...((o?.ratings as Record<string, number> | null) ?? {}) };
      for (const [level, n] of g.d.ratings) {
        const v = (ratings[level] ?? 0) + n;
        if (v === 0) delete ratings[level];
        else ratings[level] = v;
      }
      row.ratings = Object.keys(ratings).length ? ratings : null;
      put.push(row);
    }
    if (put.length)
      await q.query(
        `INSERT INTO hub_report_days (center_id, kind, business_day, key, ${SUM_COLUMNS.join(', ')}, waits, ratings)
         SELECT $1, x.kind, x.day, x.key, ${SUM_COLUMNS.map((c) => `x.${c}`).join(', ')}, decode(x.waits, 'hex'), x.ratings
         FROM jsonb_to_recordset($2::jsonb) AS x(kind text, day text, key text,
           ${SUM_COLUMNS.map((c) => `${c} numeric`).join(', ')}, waits text, ratings jsonb)
         ON CONFLICT (center_id, kind, business_day, key) DO UPDATE SET
           ${[...SUM_COLUMNS, 'waits', 'ratings'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
        [centerId, JSON.stringify(put)],
      );
    if (gone.length)
      await q.query(
        `DELETE FROM hub_report_days d USING jsonb_to_recordset($2::jsonb) AS x(kind text, day text, key text)
         WHERE d.center_id = $1 AND d.kind = x.kind AND d.business_day = x.day AND d.key = x.key`,
        [centerId, JSON.stringify(gone)],
      );
  }
}

/**
 * A changed day voids its month's roll-up (migration 0003), in the transaction that changes it: reports read that
 * month's days until the upkeep rolls it up again. Without a round trip when the batch's context says none of the
 * months touched is rolled up (a batch of today, the usual case).
 */
async function voidMonths(
  q: Queryable,
  centerId: string,
  groups: { day: string }[],
  known?: { days: Set<string>; months?: Set<string> },
): Promise<void> {
  const months = new Set<string>();
  for (const g of groups)
    if (!known?.months || !known.days.has(g.day) || known.months.has(g.day.slice(0, 7))) months.add(g.day.slice(0, 7));
  if (months.size)
    await q.query(`DELETE FROM hub_report_month_state WHERE center_id = $1 AND month = ${IDS(2)}`, [
      centerId,
      JSON.stringify([...months]),
    ]);
}

export async function recordMultiDay(q: Queryable, centerId: string, pairs: { actor: string; ticket: string }[]) {
  if (pairs.length)
    await q.query(
      `INSERT INTO hub_clerk_multi_day (center_id, actor_id, ticket_id)
       SELECT $1, x.actor, x.ticket FROM jsonb_to_recordset($2::jsonb) AS x(actor text, ticket text)
       ON CONFLICT DO NOTHING`,
      [centerId, JSON.stringify(pairs)],
    );
}

/** What one feed batch changed: tickets before and after (only those the upsert wrote), facts it inserted. */
export interface BatchChanges {
  before: Map<string, HubTicketState>;
  tickets: HubTicketState[];
  events: HubEventState[];
  ratings: HubRatingState[];
}

const movedOf = (a: TicketKeys | undefined, b: TicketKeys) =>
  !a || a.business_day !== b.business_day || (a.procedure_id ?? '') !== (b.procedure_id ?? '');

/**
 * The aggregates after one batch, in its transaction (called once its facts are written): each written ticket
 * minus its old row plus its new one; the ratings and transfers already stored of a ticket whose day or procedure
 * changed (or that just arrived) move with it; the batch's new events and ratings are added as their tickets are now.
 */
/** What the aggregates of a batch read before they are computed: rows of dayContextSql. */
export type DayContext = { w: string; j: unknown }[];

/** The feed's own shapes of a batch's events and ratings (before they are written). */
interface BatchFacts {
  before: Map<string, HubTicketState>;
  tickets: HubTicketState[];
  events: { ticketId: string; type: string; actorId: string | null; businessDay: string }[];
  ratings: { ticketId: string; businessDay: string }[];
}

/** The parameters of dayContextSql: moved tickets, tickets named by facts, tickets called, days touched. */
export function dayContextParams(b: BatchFacts): string[] {
  const moved = b.tickets.filter((t) => movedOf(b.before.get(t.id), t)).map((t) => t.id);
  const facts = new Set([...b.events.map((e) => e.ticketId), ...b.ratings.map((r) => r.ticketId)]);
  const calls = new Set(b.events.filter((e) => e.type === 'called' && e.actorId !== null).map((e) => e.ticketId));
  const days = new Set([
    ...b.tickets.map((t) => t.business_day),
    ...[...b.before.values()].map((t) => t.business_day),
    ...b.events.map((e) => e.businessDay),
    ...b.ratings.map((r) => r.businessDay),
  ]);
  return [moved, [...facts], [...calls], [...days]].map((x) => JSON.stringify(x));
}

/**
 * Everything the deltas of a batch read, as `(w, j)` rows to UNION with the batch's inserts (parameters from
 * `$n`: dayContextParams): the center's targets, stored ratings and transfers of the tickets that moved, the tickets
 * facts name, the stored calls of the tickets called, the aggregate rows of the days touched and
 * which of their months hold a roll-up.
 */
export function dayContextSql(n: number): string {
  const [moved, facts, calls, days] = [n, n + 1, n + 2, n + 3];
  return `SELECT 'area', to_jsonb(a) FROM (SELECT id, target_wait_sec FROM hub_areas WHERE center_id = $1) a
     UNION ALL SELECT 'rating', to_jsonb(r) FROM (SELECT ${HUB_RATING_COLUMNS} FROM hub_ratings
       WHERE center_id = $1 AND ticket_id = ${IDS(moved)}) r
     UNION ALL SELECT 'transfer', to_jsonb(e) FROM (SELECT ${HUB_EVENT_COLUMNS} FROM hub_events
       WHERE center_id = $1 AND type = 'transferred' AND ticket_id = ${IDS(moved)}) e
     UNION ALL SELECT 'ticket', to_jsonb(t) FROM (SELECT id, business_day, procedure_id FROM hub_tickets
       WHERE center_id = $1 AND id = ${IDS(facts)}) t
     UNION ALL SELECT 'call', to_jsonb(c) FROM (SELECT ${HUB_EVENT_COLUMNS} FROM hub_events
       WHERE center_id = $1 AND type = 'called' AND ticket_id = ${IDS(calls)}) c
     UNION ALL SELECT 'day', to_jsonb(d) FROM (SELECT kind, business_day, key, ${SUM_COLUMNS.join(', ')},
       encode(waits, 'hex') AS waits, ratings FROM hub_report_days
       WHERE center_id = $1 AND business_day = ${IDS(days)}) d
     UNION ALL SELECT 'days', to_jsonb(x.value) FROM jsonb_array_elements_text($${days}::jsonb) x
     UNION ALL SELECT 'month', to_jsonb(s.month) FROM hub_report_month_state s
       WHERE s.center_id = $1 AND s.month = ANY(ARRAY(SELECT substr(x.value, 1, 7)
         FROM jsonb_array_elements_text($${days}::jsonb) x))`;
}

export async function applyBatchToDays(
  q: Queryable,
  centerId: string,
  ch: BatchChanges,
  ctx: DayContext,
): Promise<void> {
  if (!ch.tickets.length && !ch.events.length && !ch.ratings.length) return;
  const of = <T>(w: string) => ctx.filter((x) => x.w === w).map((x) => x.j as T);
  const calls = ch.events.filter((e) => e.type === 'called' && e.actor_id !== null);
  const targets = new Map(
    of<{ id: string; target_wait_sec: number | null }>('area').map((a) => [a.id, a.target_wait_sec]),
  );
  const target = (areaId: string) => targets.get(areaId) ?? null;
  const set = new DaySet();
  for (const t of ch.tickets) {
    const old = ch.before.get(t.id);
    if (old) addTicket(set, old, -1, target(old.issued_area_id));
    addTicket(set, t, 1, target(t.issued_area_id));
  }
  // Facts stored before this batch: the context is read by the statement that inserts the batch's own.
  const newEvents = new Set(ch.events.map((e) => e.id));
  const newRatings = new Set(ch.ratings.map((r) => r.id));
  const now = new Map(ch.tickets.map((t) => [t.id, t]));
  for (const r of of<HubRatingState>('rating')) {
    if (newRatings.has(r.id)) continue;
    const old = ch.before.get(r.ticket_id);
    if (old) addRating(set, r, old, -1);
    addRating(set, r, now.get(r.ticket_id)!, 1);
  }
  for (const e of of<HubEventState>('transfer')) {
    if (newEvents.has(e.id)) continue;
    addTransferProcedure(set, e, ch.before.get(e.ticket_id) ?? null, -1);
    addTransferProcedure(set, e, now.get(e.ticket_id)!, 1);
  }
  const current = new Map(of<TicketKeys & { id: string }>('ticket').map((t) => [t.id, t]));
  for (const r of ch.ratings) {
    const t = current.get(r.ticket_id);
    if (t) addRating(set, r, t, 1);
  }
  for (const e of ch.events)
    if (e.type === 'transferred') {
      addTransfer(set, e);
      addTransferProcedure(set, e, current.get(e.ticket_id) ?? null, 1);
    }
  if (calls.length) {
    const days = new CallDays();
    for (const e of of<HubEventState>('call')) if (!newEvents.has(e.id)) days.add(e);
    for (const e of calls) addCall(set, e, days.add(e));
    await recordMultiDay(q, centerId, days.multiDay());
  }
  await writeDaySet(q, centerId, set, false, {
    days: new Set(of<string>('days')),
    rows: of<Row>('day'),
    months: new Set(of<string>('month')),
  });
}
