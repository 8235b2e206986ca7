import { AppError } from '../../../server/src/contract/errors.ts';
import type { FeedBatch, FeedCatalog, FeedItem } from '../../../server/src/contract/province.feed.ts';
import {
  HUB_EVENT_COLUMNS,
  HUB_RATING_COLUMNS,
  HUB_TICKET_COLUMNS,
  type HubEventState,
  type HubRatingState,
  type HubTicketState,
} from '../reports/report-days.contribution.ts';
import { rebuildCenterDays } from '../reports/report-days.rebuild.ts';
import { applyBatchToDays, dayContextParams, dayContextSql, type DayContext } from '../reports/report-days.write.ts';
import type { HubDb, Queryable } from '../storage/hub.db.ts';

type Of<K extends FeedItem['kind']> = Extract<FeedItem, { kind: K }>['data'];

/** A gap: the batch starts after what the hub holds; the center resends from ackSeq + 1. */
export class FeedGap extends AppError {
  constructor(readonly ackSeq: number) {
    super('province.feed_gap', undefined, { ackSeq });
  }
}

export const lagSecOf = (c: FeedBatch['center']) =>
  c.oldestPendingAt === null ? 0 : Math.max(0, Math.round((c.sentAt - c.oldestPendingAt) / 1000));

/**
 * Applies one batch in ONE transaction together with the new ackSeq: killed half-way, the hub holds none of it
 * and the center sends it again. The center's row is locked first, so two copies of one batch pushed at once
 * apply one after the other and the second finds its items already acknowledged (skipped: at least once
 * delivered, exactly once applied).
 */
export async function applyFeedBatch(
  db: HubDb,
  centerId: string,
  batch: FeedBatch,
  now: number,
): Promise<{ ackSeq: number; catalogVersion: number }> {
  batch.items.forEach((it, i) => {
    if (it.seq !== batch.fromSeq + i)
      throw new AppError('request.invalid', 'Số thứ tự (seq) trong lô phải liên tiếp từ fromSeq.');
  });
  const lag = lagSecOf(batch.center);
  try {
    return await db.tx(async (q) => {
      const [row] = await q.query<{ ack_seq: number }>('SELECT ack_seq FROM centers WHERE id = $1 FOR UPDATE', [
        centerId,
      ]);
      if (!row) throw new AppError('province.bad_token');
      const ack = row.ack_seq;
      if (batch.fromSeq > ack + 1) throw new FeedGap(ack);
      const fresh = batch.items.filter((it) => it.seq > ack);
      await applyItems(q, centerId, fresh);
      const ackSeq = Math.max(ack, batch.fromSeq + batch.items.length - 1);
      const [v] = await q.query<{ version: number | null }>(
        `UPDATE centers SET ack_seq = $2, last_seen_at = $3, lag_sec = $4 WHERE id = $1
         RETURNING (SELECT version FROM province_catalog WHERE id = 1) AS version`,
        [centerId, ackSeq, now, lag],
      );
      return { ackSeq, catalogVersion: Number(v?.version ?? 0) };
    });
  } catch (e) {
    // A gap is still a sign of life: the center is there and will resend.
    if (e instanceof FeedGap) await touch(db, centerId, now, lag);
    throw e;
  }
}

async function touch(db: HubDb, centerId: string, now: number, lag: number) {
  await db.query('UPDATE centers SET last_seen_at = $2, lag_sec = $3 WHERE id = $1', [centerId, now, lag]);
}

export async function catalogVersion(q: Queryable): Promise<number> {
  const [r] = await q.query<{ version: number }>('SELECT version FROM province_catalog WHERE id = 1');
  return r?.version ?? 0;
}

/** The last item per id wins within a batch (items are in the center's order). */
function lastById<T extends { id: string }>(list: T[], keep: (a: T, b: T) => boolean = () => true): T[] {
  const m = new Map<string, T>();
  for (const x of list) {
    const prev = m.get(x.id);
    if (!prev || keep(x, prev)) m.set(x.id, x);
  }
  return [...m.values()];
}

/**
 * One statement per kind (jsonb_to_recordset), not one per item: a 1 000-item batch is a handful of round trips.
 * The report aggregates follow in the same transaction, from what the statements actually wrote (RETURNING): a
 * replayed or older item writes nothing and so changes no aggregate.
 */
async function applyItems(q: Queryable, centerId: string, items: FeedItem[]) {
  const of = <K extends FeedItem['kind']>(k: K) =>
    items.filter((i): i is Extract<FeedItem, { kind: K }> => i.kind === k).map((i) => i.data as Of<K>);
  const tickets = lastById(of('ticket'), (a, b) => a.rev >= b.rev).map((t) => ({
    ...t,
    number: t.number === null || t.number === undefined ? null : String(t.number),
    channel: t.channel ?? null,
    priority: t.priority ?? false,
    procedureId: t.procedureId ?? null,
  }));
  const before = new Map<string, HubTicketState>();
  const written: HubTicketState[] = [];
  // One statement: `old` reads the rows as they were before this statement's upsert (one snapshot for both).
  if (tickets.length)
    for (const { w, ...t } of await q.query<HubTicketState & { w: string }>(
      `WITH old AS (
         SELECT ${HUB_TICKET_COLUMNS} FROM hub_tickets
         WHERE center_id = $1 AND id = ANY(ARRAY(SELECT x->>'id' FROM jsonb_array_elements($2::jsonb) x))
       ), up AS (
       INSERT INTO hub_tickets (center_id, id, rev, number, channel, priority, issued_area_id, area_id, counter_id,
         clerk_id, procedure_id, status, business_day, issued_at, first_called_at, called_at, finished_at, transfers)
       SELECT $1, x.id, x.rev, x.number, x.channel, x.priority, x."issuedAreaId", x."areaId", x."counterId",
         x."clerkId", x."procedureId", x.status, x."businessDay", x."issuedAt", x."firstCalledAt", x."calledAt",
         x."finishedAt", x.transfers
       FROM jsonb_to_recordset($2::jsonb) AS x(id text, rev bigint, number text, channel text, priority boolean,
         "issuedAreaId" text, "areaId" text, "counterId" text, "clerkId" text, "procedureId" text, status text,
         "businessDay" text, "issuedAt" bigint, "firstCalledAt" bigint, "calledAt" bigint, "finishedAt" bigint,
         transfers integer)
       ON CONFLICT (center_id, id) DO UPDATE SET rev = EXCLUDED.rev, number = EXCLUDED.number,
         channel = EXCLUDED.channel, priority = EXCLUDED.priority, issued_area_id = EXCLUDED.issued_area_id,
         area_id = EXCLUDED.area_id, counter_id = EXCLUDED.counter_id, clerk_id = EXCLUDED.clerk_id,
         procedure_id = EXCLUDED.procedure_id, status = EXCLUDED.status, business_day = EXCLUDED.business_day,
         issued_at = EXCLUDED.issued_at, first_called_at = EXCLUDED.first_called_at, called_at = EXCLUDED.called_at,
         finished_at = EXCLUDED.finished_at, transfers = EXCLUDED.transfers
       WHERE hub_tickets.rev <= EXCLUDED.rev
       RETURNING ${HUB_TICKET_COLUMNS})
       SELECT 'old' AS w, * FROM old UNION ALL SELECT 'new' AS w, * FROM up`,
      [centerId, JSON.stringify(tickets)],
    ))
      if (w === 'old') before.set(t.id, t);
      else written.push(t);
  const events = of('event').map((e) => ({ ...e, procedureId: e.procedureId ?? null }));
  const ratings = of('rating').map((r) => ({ ...r, procedureId: r.procedureId ?? null }));
  let newEvents: HubEventState[] = [];
  let newRatings: HubRatingState[] = [];
  let context: DayContext = [];
  // Events, ratings and what the aggregates read, in one statement: its reads see the facts stored before it.
  if (written.length || events.length || ratings.length) {
    const need = dayContextParams({ before, tickets: written, events, ratings });
    const rows = await q.query<{ w: string; j: unknown }>(
      `WITH ev AS (
         INSERT INTO hub_events (center_id, id, type, ticket_id, counter_id, actor_id, area_id, procedure_id,
           business_day, issued_at, at)
         SELECT $1, x.id, x.type, x."ticketId", x."counterId", x."actorId", x."areaId", x."procedureId",
           x."businessDay", x."issuedAt", x.at
         FROM jsonb_to_recordset($2::jsonb) AS x(id text, type text, "ticketId" text, "counterId" text,
           "actorId" text, "areaId" text, "procedureId" text, "businessDay" text, "issuedAt" bigint, at bigint)
         ON CONFLICT (center_id, id) DO NOTHING
         RETURNING ${HUB_EVENT_COLUMNS}
       ), rt AS (
         INSERT INTO hub_ratings (center_id, id, ticket_id, level, area_id, counter_id, clerk_id, procedure_id,
           business_day, issued_at, at)
         SELECT $1, x.id, x."ticketId", x.level, x."areaId", x."counterId", x."clerkId", x."procedureId",
           x."businessDay", x."issuedAt", x.at
         FROM jsonb_to_recordset($3::jsonb) AS x(id text, "ticketId" text, level text, "areaId" text,
           "counterId" text, "clerkId" text, "procedureId" text, "businessDay" text, "issuedAt" bigint, at bigint)
         ON CONFLICT (center_id, id) DO NOTHING
         RETURNING ${HUB_RATING_COLUMNS}
       )
       SELECT 'inserted event' AS w, to_jsonb(ev) AS j FROM ev
       UNION ALL SELECT 'inserted rating', to_jsonb(rt) FROM rt
       UNION ALL ${dayContextSql(4)}`,
      [centerId, JSON.stringify(events), JSON.stringify(ratings), ...need],
    );
    // jsonb arrives parsed from both drivers.
    const json = (x: { j: unknown }) => x.j as never;
    newEvents = rows.filter((x) => x.w === 'inserted event').map(json);
    newRatings = rows.filter((x) => x.w === 'inserted rating').map(json);
    context = rows.filter((x) => !x.w.startsWith('inserted ')).map((x) => ({ w: x.w, j: json(x) }));
  }
  const counters = lastById(of('counter'), (a, b) => a.updatedAt >= b.updatedAt).map((c) => ({
    ...c,
    number: c.number ?? null,
    name: c.name ?? null,
  }));
  if (counters.length)
    await q.query(
      `INSERT INTO hub_counters (center_id, id, number, name, status, clerk_id, current_ticket_id, area_ids, updated_at)
       SELECT $1, x.id, x.number, x.name, x.status, x."clerkId", x."currentTicketId", x."areaIds", x."updatedAt"
       FROM jsonb_to_recordset($2::jsonb) AS x(id text, number integer, name text, status text, "clerkId" text,
         "currentTicketId" text, "areaIds" jsonb, "updatedAt" bigint)
       ON CONFLICT (center_id, id) DO UPDATE SET number = EXCLUDED.number, name = EXCLUDED.name,
         status = EXCLUDED.status, clerk_id = EXCLUDED.clerk_id, current_ticket_id = EXCLUDED.current_ticket_id,
         area_ids = EXCLUDED.area_ids, updated_at = EXCLUDED.updated_at
       WHERE hub_counters.updated_at <= EXCLUDED.updated_at`,
      [centerId, JSON.stringify(counters)],
    );
  await applyBatchToDays(q, centerId, { before, tickets: written, events: newEvents, ratings: newRatings }, context);
  const catalog = of('catalog').at(-1);
  // Service levels are counted against the issued area's target as the catalogue says now: a new target
  // recounts the center's history (rare: a catalogue re-sent unchanged at each start changes nothing).
  if (catalog && (await replaceCatalog(q, centerId, catalog))) await rebuildCenterDays(q, centerId);
}

/** Replaces the labels; true when an area's target wait changed (or an area came or went). */
async function replaceCatalog(q: Queryable, centerId: string, cat: FeedCatalog): Promise<boolean> {
  const targets = async () =>
    JSON.stringify(
      await q.query('SELECT id, target_wait_sec FROM hub_areas WHERE center_id = $1 ORDER BY id', [centerId]),
    );
  const was = await targets();
  await q.query('UPDATE centers SET catalog = $2::jsonb WHERE id = $1', [centerId, JSON.stringify(cat)]);
  await q.query('DELETE FROM hub_areas WHERE center_id = $1', [centerId]);
  const areas = lastById(cat.areas).map((a) => ({ ...a, targetWaitSec: a.targetWaitSec ?? null }));
  if (areas.length)
    await q.query(
      `INSERT INTO hub_areas (center_id, id, code, name, target_wait_sec)
       SELECT $1, x.id, x.code, x.name, x."targetWaitSec"
       FROM jsonb_to_recordset($2::jsonb) AS x(id text, code text, name text, "targetWaitSec" integer)`,
      [centerId, JSON.stringify(areas)],
    );
  return (await targets()) !== was;
}
