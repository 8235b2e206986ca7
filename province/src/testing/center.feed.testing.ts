import type { FeedBatch, FeedItem } from '../../../server/src/contract/province.feed.ts';
import type { Db } from '../../../server/src/storage/db.ts';

/**
 * Tests only: everything a center's SQLite holds, as feed items in the wire protocol's shapes (a catalogue
 * first, then tickets, events and ratings, as the center's outbox would send them). Independent of the
 * center's own sender (server/src/province/), so the hub is proved against the protocol, not against it.
 */
export function centerFeedItems(db: Db, at: number): Omit<FeedItem, 'seq'>[] {
  const items: Omit<FeedItem, 'seq'>[] = [];
  const areas = db
    .prepare(
      `SELECT a.id, a.code, a.name, d.code AS departmentCode, d.name AS departmentName, a.target_wait_min AS t
       FROM areas a JOIN departments d ON d.id = a.department_id WHERE a.active = 1 ORDER BY a.sort, a.code`,
    )
    .all() as {
    id: string;
    code: string;
    name: string;
    departmentCode: string;
    departmentName: string;
    t: number | null;
  }[];
  const counters = db.prepare('SELECT id, number, name FROM counters WHERE active = 1 ORDER BY number').all() as {
    id: string;
    number: number;
    name: string;
  }[];
  const clerks = db
    .prepare(`SELECT id, username, display_name AS displayName FROM users WHERE active = 1 AND role = 'clerk'`)
    .all() as { id: string; username: string; displayName: string }[];
  const procedures = db.prepare('SELECT id, code, name FROM procedures').all() as {
    id: string;
    code: string;
    name: string;
  }[];
  items.push({
    at,
    kind: 'catalog',
    data: {
      areas: areas.map(({ t, ...a }) => ({ ...a, targetWaitSec: t ? t * 60 : null })),
      counters,
      clerks,
      procedures,
    },
  });
  const tickets = db
    .prepare(
      `SELECT id, number, priority, issued_area_id AS issuedAreaId, area_id AS areaId, counter_id AS counterId,
        clerk_id AS clerkId, status, business_day AS businessDay, issued_at AS issuedAt, first_called_at AS firstCalledAt,
        called_at AS calledAt, finished_at AS finishedAt, transfers, procedure_id AS procedureId, channel FROM tickets`,
    )
    .all() as Record<string, unknown>[];
  for (const t of tickets)
    items.push({
      at,
      kind: 'ticket',
      data: {
        ...(t as object),
        rev: 1,
        priority: Boolean(t.priority),
        channel: (t.channel as string | null) ?? null,
      } as never,
    });
  const events = db
    .prepare(
      `SELECT e.id, e.at, e.type, e.ticket_id AS ticketId, e.counter_id AS counterId, e.actor_id AS actorId,
        e.area_id AS areaId, e.business_day AS businessDay, t.issued_at AS issuedAt, t.procedure_id AS procedureId
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type IN ('called', 'transferred')`,
    )
    .all() as Record<string, unknown>[];
  for (const e of events) items.push({ at, kind: 'event', data: { ...(e as object), id: String(e.id) } as never });
  const ratings = db
    .prepare(
      `SELECT r.id, r.ticket_id AS ticketId, r.at, r.level, r.area_id AS areaId, r.counter_id AS counterId,
        r.clerk_id AS clerkId, t.business_day AS businessDay, t.issued_at AS issuedAt, t.procedure_id AS procedureId
       FROM ratings r JOIN tickets t ON t.id = r.ticket_id`,
    )
    .all() as Record<string, unknown>[];
  for (const r of ratings) items.push({ at, kind: 'rating', data: r as never });
  return items;
}

/** Items numbered from `fromSeq`, cut into batches of at most `size`. */
export function batches(items: Omit<FeedItem, 'seq'>[], fromSeq: number, size: number, sentAt: number): FeedBatch[] {
  const out: FeedBatch[] = [];
  for (let i = 0; i < items.length; i += size) {
    const chunk = items.slice(i, i + size).map((it, j) => ({ ...it, seq: fromSeq + i + j }) as FeedItem);
    out.push({
      center: { sentAt, oldestPendingAt: i + size < items.length ? sentAt - 5_000 : null },
      fromSeq: fromSeq + i,
      items: chunk,
    });
  }
  return out;
}
