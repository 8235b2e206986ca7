import type { Db } from './db.ts';
import type { AuditRecord, JournalRepository, TicketEventRecord } from '../core/store.port.ts';

/** The append-only logs: every ticket transition and every configuration change. */
export function createJournalRepository(db: Db): JournalRepository {
  // Positional parameters: binding nine named ones from an object was about a quarter of the insert (issue 15).
  const addEvent =
    db.prepare(`INSERT INTO ticket_events (at, business_day, ticket_id, type, counter_id, area_id, actor_kind, actor_id, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const addAudit = db.prepare(`INSERT INTO audit_log (at, actor_kind, actor_id, action, entity, entity_id, data)
    VALUES (@at, @actorKind, @actorId, @action, @entity, @entityId, @data)`);
  const eventsOf = db.prepare<
    [string],
    {
      id: number;
      at: number;
      type: string;
      counter_id: string | null;
      area_id: string | null;
      actor_kind: string;
      actor_id: string | null;
      data: string | null;
    }
  >(
    'SELECT id, at, type, counter_id, area_id, actor_kind, actor_id, data FROM ticket_events WHERE ticket_id = ? ORDER BY id',
  );
  const recentCalls = db.prepare<[string, number], { ticket_id: string; counter_id: string; at: number; type: string }>(
    `SELECT ticket_id, counter_id, at, type FROM ticket_events WHERE business_day = ? AND type IN ('called', 'recalled') ORDER BY id DESC LIMIT ?`,
  );
  const audit = db.prepare<
    [number, number],
    {
      id: number;
      at: number;
      actor_kind: string;
      actor_id: string | null;
      action: string;
      entity: string | null;
      entity_id: string | null;
      data: string | null;
    }
  >('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?');
  return {
    event: (e: TicketEventRecord) =>
      addEvent.run(
        e.at,
        e.businessDay,
        e.ticketId,
        e.type,
        e.counterId ?? null,
        e.areaId ?? null,
        e.actorKind,
        e.actorId ?? null,
        e.data === undefined ? null : JSON.stringify(e.data),
      ),
    audit: (a: AuditRecord) =>
      addAudit.run({
        ...a,
        entity: a.entity ?? null,
        entityId: a.entityId ?? null,
        data: a.data === undefined ? null : JSON.stringify(a.data),
      }),
    eventsOfTicket: (ticketId: string) => eventsOf.all(ticketId),
    recentCalls: (day: string, limit: number) => recentCalls.all(day, limit),
    auditPage: (beforeId: number, limit: number) => audit.all(beforeId, limit),
  };
}
