import type { TicketChannel, CounterStatus, DeviceKind, Role, TicketStatus } from '../contract/dto.ts';
import type { IssuingHours } from '../contract/settings.schema.ts';

/** Records as the core sees them: times in epoch milliseconds, never Date objects. */
export interface Department {
  id: string;
  code: string;
  name: string;
  sort: number;
  active: boolean;
}

export interface Area {
  id: string;
  code: string;
  departmentId: string;
  name: string;
  numberStart: number;
  numberEnd: number;
  dailyLimit: number | null;
  targetWaitMin: number | null;
  hours: IssuingHours | null;
  open: boolean;
  active: boolean;
  sort: number;
  /** Bookings one slot of this area takes (0: the area takes no bookings); set with PATCH /api/areas/:id. */
  bookingSlotCapacity: number;
}

/** A procedure (thủ tục hành chính) of the catalogue; withdrawn ones stay (active false) for past tickets. */
export interface Procedure {
  id: string;
  code: string;
  name: string;
  areaId: string;
  timeLimit: string;
  fee: string;
  documents: string[];
  keywords: string[];
  active: boolean;
  updatedAt: number;
  /** 'province': came down from the province catalogue (migration 0007); absent: the center's own. */
  source?: 'province';
}

export interface Counter {
  id: string;
  number: number;
  name: string;
  status: CounterStatus;
  clerkId: string | null;
  currentTicketId: string | null;
  active: boolean;
  updatedAt: number;
  areaIds: string[];
}

export interface Ticket {
  id: string;
  number: string;
  seq: number;
  businessDay: string;
  issuedAreaId: string;
  areaId: string;
  targetCounterId: string | null;
  priority: boolean;
  priorityGroup: string | null;
  status: TicketStatus;
  issuedAt: number;
  firstCalledAt: number | null;
  calledAt: number | null;
  finishedAt: number | null;
  counterId: string | null;
  clerkId: string | null;
  recalls: number;
  transfers: number;
  issuerKind: string;
  issuerId: string;
  idempotencyKey: string | null;
  dossierCode: string | null;
  note: string | null;
  /** The procedure the citizen came for; null when the ticket was asked for by area. */
  procedureId: string | null;
  /** The order of issue over the whole center (the queue order; never the wall clock, which can step back). */
  issueSeq: number;
  /** How the ticket came to be (issue 13): kiosk, staff on a citizen's behalf, remote (phone), appointment. */
  channel: TicketChannel;
  /**
   * The place in the queue (epoch ms): for walk-ins the highest issue time so far (never runs back, so the order of
   * issue holds); for a checked-in appointment its slot start, as if issued then.
   */
  queueAt: number;
  /** Keyed hash of the citizen's ID (HMAC-SHA256), kept for the limits of the day only; null otherwise. */
  citizenHash: string | null;
  /** At most the last three digits of the citizen's ID, for a clerk to compare. */
  citizenLast3: string | null;
}

type TicketExtras = 'channel' | 'queueAt' | 'citizenHash' | 'citizenLast3';
/**
 * A ticket before its insert: the store assigns issueSeq in the insert's transaction, and queueAt too unless given
 * (an appointment's slot start); channel defaults to 'kiosk'.
 */
export type NewTicket = Omit<Ticket, 'issueSeq' | TicketExtras> & Partial<Pick<Ticket, TicketExtras>>;

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  createdAt: number;
}

export interface Device {
  id: string;
  kind: DeviceKind;
  name: string;
  counterId: string | null;
  kioskId: string | null;
  printer: string | null;
  settings: Record<string, unknown>;
  /** Until when the device's one outstanding pairing code works (the code itself is kept only hashed). */
  pairingExpiresAt: number | null;
  /** When a device first authenticated with its current token: from then on no pairing code works. */
  tokenUsedAt: number | null;
  createdAt: number;
  revokedAt: number | null;
  lastSeenAt: number | null;
}

/** Who is acting: a person with a role, a device, or the system itself (day close). */
export type Actor =
  | { kind: 'user'; id: string; role: Role; username: string; displayName: string }
  | {
      kind: 'device';
      id: string;
      deviceKind: DeviceKind;
      counterId: string | null;
      kioskId: string | null;
      printer: string | null;
      name: string;
    }
  | { kind: 'system'; id: 'system' | 'remote' }; // 'remote': a number taken from a phone (issue 13)

export const SYSTEM: Actor = { kind: 'system', id: 'system' };
