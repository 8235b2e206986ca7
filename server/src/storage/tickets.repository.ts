import type { Statement } from 'better-sqlite3';
import type { Db } from './db.ts';
import type { TicketPatch, TicketsRepository } from '../core/store.port.ts';
import type { NewTicket, Ticket } from '../core/entities.ts';
import type { TicketChannel, TicketStatus } from '../contract/dto.ts';
import { bool } from './row-mapping.ts';

interface TicketRow {
  id: string;
  number: string;
  seq: number;
  business_day: string;
  issued_area_id: string;
  area_id: string;
  target_counter_id: string | null;
  priority: number;
  priority_group: string | null;
  status: TicketStatus;
  issued_at: number;
  first_called_at: number | null;
  called_at: number | null;
  finished_at: number | null;
  counter_id: string | null;
  clerk_id: string | null;
  recalls: number;
  transfers: number;
  issuer_kind: string;
  issuer_id: string;
  idempotency_key: string | null;
  dossier_code: string | null;
  note: string | null;
  procedure_id: string | null;
  issue_seq: number;
  channel: TicketChannel;
  queue_at: number;
  citizen_hash: string | null;
  citizen_last3: string | null;
}

const toTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  number: r.number,
  seq: r.seq,
  businessDay: r.business_day,
  issuedAreaId: r.issued_area_id,
  areaId: r.area_id,
  targetCounterId: r.target_counter_id,
  priority: bool(r.priority),
  priorityGroup: r.priority_group,
  status: r.status,
  issuedAt: r.issued_at,
  firstCalledAt: r.first_called_at,
  calledAt: r.called_at,
  finishedAt: r.finished_at,
  counterId: r.counter_id,
  clerkId: r.clerk_id,
  recalls: r.recalls,
  transfers: r.transfers,
  issuerKind: r.issuer_kind,
  issuerId: r.issuer_id,
  idempotencyKey: r.idempotency_key,
  dossierCode: r.dossier_code,
  note: r.note,
  procedureId: r.procedure_id,
  issueSeq: r.issue_seq,
  channel: r.channel,
  queueAt: r.queue_at,
  citizenHash: r.citizen_hash,
  citizenLast3: r.citizen_last3,
});

/**
 * The ticket exactly as the insert below stores it, without reading it back (issue 15): its parameters, its
 * constants (not the draft's status, counters or notes: the statement does not take them), NULL for the columns it
 * leaves out (none has a default; no trigger rewrites a new ticket), and the two values it computes. The issue
 * use case answers this; tickets.usecases.test.ts proves it equal to the row read back, for every kind of input.
 */
const stored = (t: NewTicket, issueSeq: number, queueAt: number): Ticket => ({
  // One literal, every field in place (the fresh state as ticket.new.ts newWaitingTicket has it): spreading that
  // constant first built each ticket through a slow shape, ≈ 6 % of a simulated year's CPU.
  id: t.id,
  number: t.number,
  seq: t.seq,
  businessDay: t.businessDay,
  issuedAreaId: t.issuedAreaId,
  areaId: t.areaId,
  targetCounterId: null,
  priority: Boolean(t.priority),
  priorityGroup: t.priorityGroup,
  status: 'waiting',
  issuedAt: t.issuedAt,
  firstCalledAt: null,
  calledAt: null,
  finishedAt: null,
  counterId: null,
  clerkId: null,
  recalls: 0,
  transfers: 0,
  issuerKind: t.issuerKind,
  issuerId: t.issuerId,
  idempotencyKey: t.idempotencyKey,
  dossierCode: null,
  note: null,
  procedureId: t.procedureId,
  issueSeq,
  channel: t.channel ?? 'kiosk',
  queueAt,
  citizenHash: t.citizenHash ?? null,
  citizenLast3: t.citizenLast3 ?? null,
});

/**
 * The queue order, written once: priority first, then the place in the queue (kept across transfers). Never the
 * wall-clock issued_at: a clock stepped back would put a later ticket first (issue #11, defect 12). queue_at of a
 * walk-in is the highest issue time so far (it never runs back), so walk-ins keep their order of issue; a
 * checked-in appointment's queue_at is its slot start, as if issued then (issue 13).
 */
const QUEUE_ORDER = 'priority DESC, queue_at ASC, issue_seq ASC';

const COLUMNS: Record<keyof TicketPatch, string> = {
  status: 'status',
  areaId: 'area_id',
  targetCounterId: 'target_counter_id',
  firstCalledAt: 'first_called_at',
  calledAt: 'called_at',
  finishedAt: 'finished_at',
  counterId: 'counter_id',
  clerkId: 'clerk_id',
  recalls: 'recalls',
  transfers: 'transfers',
  dossierCode: 'dossier_code',
  note: 'note',
};

export function createTicketsRepository(db: Db): TicketsRepository {
  const byId = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE id = ?');
  const byKey = db.prepare<[string, string], TicketRow>(
    'SELECT * FROM tickets WHERE issuer_id = ? AND idempotency_key = ?',
  );
  // issue_seq: one more than the highest, inside the insert's transaction (a unique index backs it).
  // Positional parameters (issuedAt given twice): cheaper to bind than 18 named ones from a spread object (issue 15).
  // RETURNING the two values it computes: with its parameters and constants they are the whole row (`stored`).
  const insert = db
    .prepare<unknown[], [number, number]>(
      `INSERT INTO tickets (id, number, seq, business_day, issued_area_id, area_id, target_counter_id, priority, priority_group,
    status, issued_at, recalls, transfers, issuer_kind, issuer_id, idempotency_key, procedure_id, issue_seq,
    channel, queue_at, citizen_hash, citizen_last3)
    VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, 'waiting', ?, 0, 0, ?, ?, ?, ?,
      (SELECT COALESCE(MAX(issue_seq), 0) + 1 FROM tickets), ?,
      COALESCE(?, MAX(?, COALESCE((SELECT queue_at FROM tickets WHERE channel <> 'appointment' ORDER BY issue_seq DESC LIMIT 1), 0))),
      ?, ?) RETURNING issue_seq, queue_at`,
    )
    .raw();
  const areaDay = db.prepare<[string, string], { last_number: number; issued: number }>(
    'SELECT last_number, issued FROM area_days WHERE area_id = ? AND business_day = ?',
  );
  const upsertAreaDay =
    db.prepare(`INSERT INTO area_days (area_id, business_day, last_number, issued) VALUES (?, ?, ?, 1)
    ON CONFLICT (area_id, business_day) DO UPDATE SET last_number = excluded.last_number, issued = issued + 1`);
  // The next ticket for a counter: its areas' tickets not reserved for another counter, or reserved for it.
  // The two halves apart (they never overlap), so the first searches tickets_queue by the counter's areas too, not
  // every area's waiting tickets of the day (issue 15: a long queue made each call read them all).
  const nextFor = db.prepare<[string, string, string, string], TicketRow>(`SELECT * FROM (
      SELECT t.* FROM tickets t WHERE t.status = 'waiting' AND t.business_day = ?
        AND t.area_id IN (SELECT area_id FROM counter_areas WHERE counter_id = ?) AND t.target_counter_id IS NULL
      UNION ALL
      SELECT t.* FROM tickets t INDEXED BY tickets_target
        WHERE t.target_counter_id = ? AND t.status = 'waiting' AND t.business_day = ?)
    ORDER BY ${QUEUE_ORDER} LIMIT 1`);
  const waitingCount = db.prepare<[string, string], { n: number }>(
    `SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting' AND business_day = ? AND area_id = ?`,
  );
  const waitingAll = db.prepare<
    [string],
    { area_id: string; n: number; oldest: number }
  >(`SELECT area_id, COUNT(*) AS n, MIN(issued_at) AS oldest FROM tickets
    WHERE status = 'waiting' AND business_day = ? GROUP BY area_id`);
  const ahead = db.prepare<
    { day: string; area: string; priority: number; queueAt: number; issueSeq: number },
    { n: number }
  >(`SELECT COUNT(*) AS n FROM tickets
    WHERE status = 'waiting' AND business_day = @day AND area_id = @area
      AND (priority > @priority OR (priority = @priority AND (queue_at < @queueAt OR (queue_at = @queueAt AND issue_seq < @issueSeq))))`);
  const waitingList = db.prepare<[string, string, string, number], TicketRow>(`SELECT t.* FROM tickets t
    WHERE t.status = 'waiting' AND t.business_day = ?
      AND ((t.target_counter_id IS NULL AND t.area_id IN (SELECT area_id FROM counter_areas WHERE counter_id = ?)) OR t.target_counter_id = ?)
    ORDER BY ${QUEUE_ORDER} LIMIT ?`);
  const byStatusToday = db.prepare<[string, string, number], TicketRow>(
    `SELECT * FROM tickets WHERE business_day = ? AND status = ? ORDER BY issue_seq DESC LIMIT ?`,
  );
  const staleWaiting = db.prepare<[string], TicketRow>(
    `SELECT * FROM tickets WHERE status = 'waiting' AND business_day < ?`,
  );
  const lastDone = db.prepare<
    [string, number],
    TicketRow
  >(`SELECT * FROM tickets WHERE counter_id = ? AND status = 'done' AND finished_at >= ?
    ORDER BY finished_at DESC LIMIT 1`);
  const updates = new Map<string, Statement<unknown[]>>();
  const byNumber = db.prepare<[string, string], TicketRow>(
    `SELECT * FROM tickets WHERE business_day = ? AND number = ? ORDER BY issue_seq`,
  );
  const avgService = db.prepare<[string], { areaId: string; avgSec: number }>(
    `SELECT area_id AS areaId, AVG(finished_at - called_at) / 1000.0 AS avgSec FROM tickets
    WHERE business_day = ? AND status = 'done' AND called_at IS NOT NULL GROUP BY area_id`,
  );

  return {
    get: (id: string): Ticket | undefined => {
      const r = byId.get(id);
      return r && toTicket(r);
    },
    byIdempotencyKey: (issuerId: string, key: string): Ticket | undefined => {
      const r = byKey.get(issuerId, key);
      return r && toTicket(r);
    },
    areaDay: (areaId: string, day: string) => areaDay.get(areaId, day),
    /** Inserts a new ticket; returns it as stored. */
    insert(t: NewTicket): Ticket {
      const [issueSeq, queueAt] = insert.get(
        t.id,
        t.number,
        t.seq,
        t.businessDay,
        t.issuedAreaId,
        t.areaId,
        t.priority ? 1 : 0,
        t.priorityGroup,
        t.issuedAt,
        t.issuerKind,
        t.issuerId,
        t.idempotencyKey,
        t.procedureId,
        t.channel ?? 'kiosk',
        t.queueAt ?? null,
        t.issuedAt,
        t.citizenHash ?? null,
        t.citizenLast3 ?? null,
      )!;
      upsertAreaDay.run(t.issuedAreaId, t.businessDay, t.seq);
      return stored(t, issueSeq, queueAt);
    },
    update(id: string, patch: TicketPatch): void {
      const keys = Object.keys(patch) as (keyof TicketPatch)[];
      if (keys.length === 0) return;
      const sig = keys.join(',');
      let stmt = updates.get(sig);
      if (!stmt) {
        stmt = db.prepare<unknown[]>(
          `UPDATE tickets SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`,
        );
        updates.set(sig, stmt);
      }
      // Positional: cheaper to bind than the same values by name from a spread object (issue 15).
      stmt.run(...keys.map((k) => patch[k]), id);
    },
    nextForCounter: (day: string, counterId: string): Ticket | undefined => {
      const r = nextFor.get(day, counterId, counterId, day);
      return r && toTicket(r);
    },
    waitingListForCounter: (day: string, counterId: string, limit: number): Ticket[] =>
      waitingList.all(day, counterId, counterId, limit).map(toTicket),
    waitingCount: (day: string, areaId: string): number => waitingCount.get(day, areaId)?.n ?? 0,
    waitingByArea: (day: string) => waitingAll.all(day),
    waitingAhead: (t: Ticket): number =>
      ahead.get({
        day: t.businessDay,
        area: t.areaId,
        priority: t.priority ? 1 : 0,
        queueAt: t.queueAt,
        issueSeq: t.issueSeq,
      })?.n ?? 0,
    listByStatus: (day: string, status: TicketStatus, limit: number): Ticket[] =>
      byStatusToday.all(day, status, limit).map(toTicket),
    staleWaiting: (today: string): Ticket[] => staleWaiting.all(today).map(toTicket),
    /** The citizen last finished (done) at a counter since a time: a rating pad's pending question. */
    lastDoneAt: (counterId: string, since: number): Ticket | undefined => {
      const r = lastDone.get(counterId, since);
      return r && toTicket(r);
    },
    findByNumber: (day: string, number: string): Ticket[] => byNumber.all(day, number).map(toTicket),
    averageServiceByArea: (day: string) => avgService.all(day),
  };
}
