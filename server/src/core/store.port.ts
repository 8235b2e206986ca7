import type { TicketStatus } from '../contract/dto.ts';
import type { Area, Counter, Department, Device, NewTicket, Procedure, Ticket, User } from './entities.ts';
import type { GroupBy, GroupTotals } from './reports/report.aggregate.ts';
import type { BookingsRepository, CitizensRepository } from './bookings/booking.port.ts';

/*
 * The ports core needs from storage: one repository per entity group and the transaction. Storage implements
 * them (`storage/*.repository.ts` declare these as their return types, so the compiler proves the match); core
 * never sees the SQLite connection. Writes return nothing: no use case reads a driver's result.
 */

export type TicketPatch = Partial<
  Pick<
    Ticket,
    | 'status'
    | 'areaId'
    | 'targetCounterId'
    | 'firstCalledAt'
    | 'calledAt'
    | 'finishedAt'
    | 'counterId'
    | 'clerkId'
    | 'recalls'
    | 'transfers'
    | 'dossierCode'
    | 'note'
  >
>;

export interface TicketsRepository {
  get(id: string): Ticket | undefined;
  byIdempotencyKey(issuerId: string, key: string): Ticket | undefined;
  areaDay(areaId: string, day: string): { last_number: number; issued: number } | undefined;
  /** Inserts a new ticket; returns it as stored (issueSeq, queueAt and every default filled in). */
  insert(t: NewTicket): Ticket;
  update(id: string, patch: TicketPatch): void;
  nextForCounter(day: string, counterId: string): Ticket | undefined;
  waitingListForCounter(day: string, counterId: string, limit: number): Ticket[];
  waitingCount(day: string, areaId: string): number;
  waitingByArea(day: string): { area_id: string; n: number; oldest: number }[];
  waitingAhead(t: Ticket): number;
  listByStatus(day: string, status: TicketStatus, limit: number): Ticket[];
  staleWaiting(today: string): Ticket[];
  /** The citizen last finished (done) at a counter since a time: a rating pad's pending question. */
  lastDoneAt(counterId: string, since: number): Ticket | undefined;
  findByNumber(day: string, number: string): Ticket[];
  /** Average service time (seconds, called → done) per area of a business day: feeds every wait estimate. */
  averageServiceByArea(day: string): { areaId: string; avgSec: number }[];
}

export interface CatalogRepository {
  department(id: string): Department | undefined;
  departments(): Department[];
  insertDepartment(d: Department): void;
  updateDepartment(d: Department): void;
  area(id: string): Area | undefined;
  areas(): Area[];
  upsertArea(a: Omit<Area, 'bookingSlotCapacity'>): void;
  setBookingSlotCapacity(areaId: string, capacity: number): void;
  counter(id: string): Counter | undefined;
  counterOfClerk(clerkId: string): Counter | undefined;
  counters(): Counter[];
  countersForArea(areaId: string): Counter[];
  /**
   * How many active counters serve the area, and how many of those are open now, in one statement: the issue's
   * check (contract/counter.coverage.ts `areaServed`: active > 0) and the wait estimate, without reading each counter.
   */
  areaCounterCounts(areaId: string): { active: number; open: number };
  saveCounterState(c: Pick<Counter, 'id' | 'status' | 'clerkId' | 'currentTicketId' | 'updatedAt'>): void;
  upsertCounter(c: Pick<Counter, 'id' | 'number' | 'name' | 'active' | 'areaIds' | 'updatedAt'>): void;
}

/** The procedure catalogue: small (a few thousand rows), read whole into the search index. */
export interface ProceduresRepository {
  get(id: string): Procedure | undefined;
  byCode(code: string): Procedure | undefined;
  /** Every procedure, withdrawn ones too. */
  all(): Procedure[];
  insert(p: Procedure): void;
  update(p: Procedure): void;
  /** How many times the catalogue changed since start-up: the search index rebuilds when this moves. */
  version(): number;
}

/** What authenticating a request needs of a token's holder (core/accounts/accounts.usecases.ts authenticate). */
export type TokenHolder =
  | { kind: 'user'; user: Pick<User, 'id' | 'username' | 'displayName' | 'role'> }
  | {
      kind: 'device';
      device: Pick<Device, 'id' | 'kind' | 'name' | 'counterId' | 'kioskId' | 'printer' | 'tokenUsedAt'>;
    };

export interface AccountsRepository {
  user(id: string): User | undefined;
  userByUsername(u: string): User | undefined;
  users(): User[];
  insertUser(u: User): void;
  updateUser(u: User): void;
  insertSession(tokenHash: string, userId: string, now: number, expiresAt: number): void;
  /** Who holds a token, in one statement: a live session of an active user, else a device not revoked. */
  tokenHolder(tokenHash: string, now: number): TokenHolder | undefined;
  deleteSession(tokenHash: string): void;
  deleteSessionsOf(userId: string): void;
  purgeSessions(now: number): void;
  device(id: string): Device | undefined;
  devices(): Device[];
  insertDevice(d: Device, tokenHash: string): void;
  updateDevice(d: Device): void;
  revokeDevice(id: string, now: number): void;
  touchDevice(id: string, now: number): void;
  /** The first use of the current token: any outstanding pairing code dies with it. */
  markTokenUsed(id: string, now: number): void;
  /** A code is outstanding while a live device holds this hash (a clash must be re-drawn). */
  pairingHashTaken(codeHash: string): boolean;
  setPairingCode(id: string, codeHash: string, expiresAt: number): void;
  /** A new token for the device: the old one stops working at once and the device counts as not yet in use. */
  replaceToken(id: string, tokenHash: string): void;
  /**
   * Trades a live code (not expired, device not revoked, token not yet used) for a new token, once: the code
   * is cleared and the device's token replaced in the same statement's transaction.
   */
  takePairing(codeHash: string, now: number, newTokenHash: string): Device | undefined;
}

export interface TicketEventRecord {
  at: number;
  businessDay: string;
  ticketId: string;
  type: string;
  counterId?: string | null;
  areaId?: string | null;
  actorKind: string;
  actorId?: string | null;
  data?: unknown;
}

export interface AuditRecord {
  at: number;
  actorKind: string;
  actorId: string | null;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  data?: unknown;
}

export interface TicketEventRow {
  id: number;
  at: number;
  type: string;
  counter_id: string | null;
  area_id: string | null;
  actor_kind: string;
  actor_id: string | null;
  data: string | null;
}

export interface AuditRow {
  id: number;
  at: number;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  data: string | null;
}

/** The append-only logs: every ticket transition and every configuration change. */
export interface JournalRepository {
  event(e: TicketEventRecord): void;
  audit(a: AuditRecord): void;
  eventsOfTicket(ticketId: string): TicketEventRow[];
  recentCalls(day: string, limit: number): { ticket_id: string; counter_id: string; at: number; type: string }[];
  auditPage(beforeId: number, limit: number): AuditRow[];
}

/** `expired`: never sent, because its ticket no longer waits, the day turned or it waited too long. */
export type PrintJobStatus = 'queued' | 'printing' | 'printed' | 'failed' | 'expired';

export interface PrintJob {
  id: string;
  ticketId: string;
  kioskId: string;
  printer: string;
  status: PrintJobStatus;
  code: string | null;
  message: string | null;
  attempts: number;
  createdAt: number;
  updatedAt: number;
}

export interface PrintJobsRepository {
  insert(j: PrintJob): void;
  get(id: string): PrintJob | undefined;
  latestOfTicket(ticketId: string): PrintJob | undefined;
  setStatus(id: string, status: PrintJobStatus, code: string | null, message: string | null, now: number): void;
  /** Every job not yet answered, of every kiosk (the day-close tick expires the stale ones). */
  pending(): PrintJob[];
  pendingForKiosk(kioskId: string): PrintJob[];
  recentForKiosk(kioskId: string, limit: number): PrintJob[];
}

export interface RatingRecord {
  id: string;
  ticketId: string;
  level: string;
  reasons: string[];
  comment: string | null;
  counterId: string | null;
  clerkId: string | null;
  areaId: string | null;
  deviceId: string | null;
  at: number;
  businessDay: string;
}

export interface RatingsRepository {
  ofTicket(ticketId: string): { id: string; level: string } | undefined;
  insert(r: RatingRecord): void;
  clerkTally(day: string, clerkId: string): { level: string; n: number }[];
  dayTally(day: string): { level: string; n: number }[];
}

/** Key → JSON document. The center's settings live under 'center'. */
export interface SettingsRepository {
  get<T>(key: string): T | undefined;
  put(key: string, value: unknown, now: number): void;
}

/** 'all': one group holding everything (the totals row). Hours use one UTC offset for the range. */
export interface AggregateQuery {
  from: string;
  to: string;
  groupBy: GroupBy | 'all';
  offsetMs: number;
}

/** Report facts aggregated where they live (counts, sums, a histogram of waits), never loaded whole. */
export interface ReportsRepository {
  aggregate(q: AggregateQuery): Map<string, GroupTotals>;
}

/** Every repository over one connection, plus the transaction that makes a use case atomic. */
export interface StorePort {
  tickets: TicketsRepository;
  bookings: BookingsRepository;
  citizens: CitizensRepository;
  catalog: CatalogRepository;
  procedures: ProceduresRepository;
  journal: JournalRepository;
  accounts: AccountsRepository;
  ratings: RatingsRepository;
  printJobs: PrintJobsRepository;
  settings: SettingsRepository;
  reports: ReportsRepository;
  /** One write transaction (BEGIN IMMEDIATE in SQLite): two writers never interleave. */
  tx<T>(fn: () => T): T;
  /**
   * Reads in one read transaction (one snapshot): in WAL mode every statement outside a transaction opens and closes
   * its own, a lock round trip each, ≈ 5 µs — the events of a commit read a dozen rows per ticket (issue 15). Inside
   * a write transaction it just runs `fn`. For reads only.
   */
  read<T>(fn: () => T): T;
  /**
   * Changes whenever anything may have been written (by this connection or, committed, by any other); null inside
   * a write transaction (what is read there may still roll back). Equal stamps: the same committed state, so a view
   * built from it may be reused (core/tickets/ticket.view.ts).
   */
  writeStamp(): string | null;
}
