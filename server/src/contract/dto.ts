/** Shapes exchanged over HTTP and socket.io. Shared by the server and every front-end. */
import type { z } from 'zod';
import type { reportQuery } from './inputs.schema.ts';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'expired';
export type CounterStatus = 'closed' | 'open' | 'paused';
export type Role = 'admin' | 'supervisor' | 'clerk';
export type DeviceKind = 'kiosk' | 'display' | 'rating' | 'printer';
export type PrintStatus = 'printed' | 'queued' | 'failed' | 'none';
/** How a ticket came to be (issue 13): the kiosk, staff on a citizen's behalf, a phone, a checked-in booking. */
export type TicketChannel = 'kiosk' | 'staff' | 'remote' | 'appointment';
export type BookingStatus = 'booked' | 'checked_in' | 'cancelled' | 'missed';

export interface CounterRef {
  id: string;
  number: number;
  name: string;
}

export interface PrintResult {
  status: PrintStatus;
  message?: string;
}

/**
 * A ticket as anyone may see it: the citizen holding its id (GET /api/tickets/:id, the tracking socket), kiosks
 * and displays. A whitelist: ticket.view.ts builds it by picking these fields, so a field added to TicketDto
 * stays staff-only until someone adds it here on purpose. Nothing of the clerk, nothing the clerk wrote.
 */
export interface PublicTicketDto {
  id: string;
  number: string;
  areaId: string;
  areaCode: string;
  areaName: string;
  departmentId: string;
  departmentName: string;
  status: TicketStatus;
  priority: boolean;
  priorityGroup: string | null;
  businessDay: string;
  issuedAt: string;
  calledAt: string | null;
  finishedAt: string | null;
  /** Tickets called before this one in its area; 0 once it is no longer waiting. */
  waitingAhead: number;
  estimatedWaitMin: number | null;
  counter: CounterRef | null;
  /** Set when the ticket waits for one counter only (a transfer to a counter). */
  targetCounterId: string | null;
  /** That counter's number and name while the ticket waits for it: public, so the citizen's phone can say where. */
  waitingFor?: { counterNumber: number; counterName: string } | null;
  recalls: number;
  transfers: number;
  trackUrl: string;
  print?: PrintResult;
  /** The procedure the citizen came for (public: procedure information is public); null when chosen by area. */
  procedure: ProcedureRef | null;
  /** How the ticket came to be; an `appointment` waits by its slot start. */
  channel: TicketChannel;
}

/** One slot of GET /api/public/booking/slots: `capacity` is the online share of the area's slot capacity. */
export interface BookingSlotDto {
  start: string;
  end: string;
  capacity: number;
  available: number;
}
export interface BookingSlotsDto {
  areaId: string;
  date: string;
  slots: BookingSlotDto[];
}

/** A booking as its code's holder sees it (POST/GET /api/public/bookings): nothing of the citizen. */
export interface BookingDto {
  code: string;
  areaId: string;
  areaName: string;
  procedure: ProcedureRef | null;
  start: string;
  end: string;
  status: BookingStatus;
  /** Once checked in: the ticket, to follow it like any ticket. */
  ticket?: { id: string; number: string; trackUrl: string };
}

/** One line of today's bookings for staff (GET /api/bookings): the last three digits only. */
export interface StaffBookingDto {
  code: string;
  areaId: string;
  procedureId: string | null;
  procedureName: string | null;
  start: string;
  end: string;
  status: BookingStatus;
  idLast3: string;
  ticketNumber: string | null;
}
export interface StaffBookingsDto {
  date: string;
  /** `due`: still booked, not missed, starting within the next 60 minutes (or already started). */
  totals: { booked: number; checkedIn: number; cancelled: number; missed: number; due: number };
  bookings: StaffBookingDto[];
}

/** An area citizens can book or take a remote number in (GET /api/public/booking/areas). */
export interface BookableAreaDto {
  id: string;
  code: string;
  name: string;
  departmentName: string;
  /** Online places per slot (0: no bookings in this area). */
  slotCapacity: number;
  /** Whether a remote number can be taken there now (remote tickets on, the area issuing). */
  remoteAvailable: boolean;
}

/** A procedure as a ticket carries it. */
export interface ProcedureRef {
  id: string;
  code: string;
  name: string;
}

/**
 * A procedure (thủ tục hành chính) of the catalogue, as anyone may see it (GET /api/procedures). `timeLimit` and
 * `fee` are free text ('' when not given); `active` is false once withdrawn (only GET /api/procedures/:id shows those).
 */
export interface ProcedureDto {
  id: string;
  code: string;
  name: string;
  areaId: string;
  areaCode: string;
  areaName: string;
  departmentName: string;
  timeLimit: string;
  fee: string;
  documents: string[];
  keywords: string[];
  active: boolean;
  /**
   * Admins only: set when the procedure is in force but its area or department is inactive, so the public and the
   * kiosks do not list or find it (the admin screen warns). Absent in every answer to anyone else.
   */
  unlisted?: 'area_inactive' | 'department_inactive';
  /** 'province': from the province catalogue ("Từ tỉnh"); the center cannot change it (409 procedure.from_province). */
  source?: 'province';
}

/** The answer of POST /api/procedures/import (and of its `?dryRun=1` preview, which changes nothing). */
export interface ProcedureImportResultDto {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  /** Per row it creates or changes, what it changes (`before` null on create): the admin's preview. */
  changes: { code: string; action: 'create' | 'update'; fields: FieldChange[] }[];
}

/** A ticket as staff (signed-in users) see it: the public fields and what the clerk wrote (absent from the public form). */
export interface TicketDto extends PublicTicketDto {
  dossierCode?: string | null;
  note?: string | null;
  /** The last three digits of the citizen's ID card when the ticket was taken with it (staff only); never more. */
  idLast3?: string | null;
}

/** What a tracking phone (or anyone without a staff token) may see of a ticket in a counter row. */
export interface CurrentTicketDto {
  id?: string;
  number: string;
  areaId: string;
  status: TicketStatus;
  calledAt: string | null;
  priority: boolean;
  /** How it came to be: a hall display marks an appointment ("Đặt hẹn") or a remote number ("Từ xa"). */
  channel?: TicketChannel;
}

export interface CounterDto {
  id: string;
  number: number;
  name: string;
  areaIds: string[];
  status: CounterStatus;
  clerk: { id: string; username: string; displayName: string } | null;
  currentTicket: CurrentTicketDto | null;
  updatedAt: string;
}

/** A counter as kiosks, displays and tracking phones see it: who holds it is for staff only (`clerk` is always null). */
export type PublicCounterDto = Omit<CounterDto, 'clerk'> & { clerk: null };

/** `no_counter`: no active counter serves the area, so a ticket there would never be called. */
export type AreaUnavailableReason =
  'closed' | 'inactive' | 'no_counter' | 'outside_hours' | 'holiday' | 'full' | 'numbers_exhausted' | null;

export interface AreaDto {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  departmentCode: string;
  open: boolean;
  active: boolean;
  /** Whether a kiosk may issue a ticket now, and why not. */
  available: boolean;
  unavailableReason: AreaUnavailableReason;
  waiting: number;
  issuedToday: number;
  dailyLimit: number | null;
  numberStart: number;
  numberEnd: number;
  targetWaitMinutes: number | null;
  /** Open counters serving this area now. */
  servingCounters: number;
  estimatedWaitMin: number | null;
  longestWaitSec: number;
  /** The area's own issuing hours; null: the center's hours apply. */
  hours: { days: number[]; from: string; to: string }[] | null;
  sort: number;
  /** Bookings one slot takes (0: not bookable); PATCH /api/areas/:id sets it. Always in the server's answers. */
  bookingSlotCapacity?: number;
}

/** Something an action did that the clerk should know, though it was not refused (e.g. a transfer nobody can call yet). */
export interface ActionWarning {
  code: string;
  message: string;
}

/** One line of the control room's alert board (GET /api/alerts), computed by the server's alert producers. */
export interface AlertDto {
  kind: string;
  key: string;
  severity: 'high' | 'medium';
  text: string;
}

export interface DepartmentDto {
  id: string;
  code: string;
  name: string;
  sort: number;
  active: boolean;
}

export interface CallDto {
  /** `channel`: the hall display marks appointments and remote numbers on the call. */
  ticket: { id?: string; number: string; areaId: string; channel?: TicketChannel };
  counter: CounterRef;
  recall: boolean;
  at: string;
}

export interface StateDto {
  counters: CounterDto[];
  areas: { id: string; waiting: number }[];
  recentCalls: CallDto[];
  businessDay: string;
  serverTime: string;
  /** Only in a tracking client's snapshot: its own ticket. */
  ticket?: PublicTicketDto;
}

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active?: boolean;
}

export interface DeviceDto {
  id: string;
  kind: DeviceKind;
  name: string;
  counterId: string | null;
  kioskId: string | null;
  printer: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  /** Only in the answer that made it (device creation): the code is kept hashed and never listed. */
  pairingCode?: string | null;
  /** Until when the outstanding pairing code works; null when there is none. */
  pairingExpiresAt?: string | null;
  /** The device has used its current token: no pairing code works until an admin re-pairs it. */
  inUse?: boolean;
  /** Per-device options (a hall display: {counters?: number[], areas?: string[]}). */
  settings?: Record<string, unknown>;
}

export interface RatingLevel {
  key: string;
  label: string;
}

export interface PublicConfigDto {
  centerName: string;
  shortName: string;
  timeZone: string;
  ratingLevels: RatingLevel[];
  ratingReasons: string[];
  /** The levels that ask for reasons (the lowest by default). */
  ratingReasonLevels: string[];
  priorityGroups: string[];
  announcement: string;
  announceTimes: number;
  numberReading: 'words' | 'digits';
  dialect: 'north' | 'south';
  voicePack: string;
  notice: string;
  kioskIdleSeconds: number;
  ratingTimeoutSeconds: number;
  ticketInstruction: string;
  ticketThanks: string;
  enforceIssuingHours: boolean;
  businessDay: string;
  serverTime: string;
  /** What /book and the kiosk need of the booking settings (issue 13); never the override PIN or the limits' keys. */
  booking?: PublicBookingDto;
}

export interface PublicBookingDto {
  enabled: boolean;
  remoteTickets: boolean;
  daysAhead: number;
  slotMinutes: number;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
  /** The kiosk asks for the ID card (or a booking code) before it issues. */
  requireCardAtKiosk: boolean;
  perDay: number;
  perAreaPerDay: number;
}

export interface ReportRow {
  key: string;
  label: string;
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  expired: number;
  avgWaitSec: number | null;
  medianWaitSec: number | null;
  p90WaitSec: number | null;
  avgServiceSec: number | null;
  /** Share of called tickets first called within the area's target wait (0–1). */
  serviceLevel: number | null;
  ratings: Record<string, number>;
  ratedCount: number;
  /** Share of ratings at a level other than the lowest (0–1). */
  satisfiedShare: number | null;
}

/** One field an import changes: `before` is null for a row it creates. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}
/** One row an import creates or changes (key: the department or area code, the counter number, `center` for settings). */
export interface ImportChange {
  entity: 'department' | 'area' | 'counter' | 'procedure' | 'settings';
  key: string;
  action: 'create' | 'update';
  fields: FieldChange[];
}
type ImportCounts = Record<'departments' | 'areas' | 'counters', number> & {
  /** The document's procedures (this server always counts them; 0 when the document carries none). */
  procedures?: number;
};
/** The answer of POST /api/config/import (and of its `?dryRun=1` preview, which changes nothing). */
export interface ImportResultDto {
  created: ImportCounts;
  updated: ImportCounts;
  unchanged: ImportCounts;
  changes: ImportChange[];
  dryRun: boolean;
}

/** A report's grouping: the values `GET /api/reports/summary?groupBy=` accepts (its query schema's own enum). */
export type ReportGroupBy = z.output<typeof reportQuery>['groupBy'];
/** The answer of GET /api/reports/summary (format=json). */
export interface ReportDto {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  rows: ReportRow[];
  totals: ReportRow;
}

/** One line of GET /api/audit: who changed what, and when (`at`: epoch ms), newest first. */
export interface AuditEntryDto {
  id: number;
  at: number;
  actorKind: string;
  actorId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  data: unknown;
}

/** GET /api/province/link: the center's link to its province hub, as its admin sees it (never the token). */
export interface ProvinceLinkDto {
  configured: boolean;
  url: string | null;
  tokenSet: boolean;
  /** Fields set by PROVINCE_URL / PROVINCE_TOKEN: they win over the stored ones, the screen cannot change them. */
  fromEnv: { url: boolean; token: boolean };
  state: 'off' | 'ok' | 'retrying';
  /** When the hub last acknowledged (ISO, the center's time zone). */
  lastAckAt: string | null;
  /** Outbox entries the hub has not acknowledged yet. */
  pending: number;
  /** Age in seconds of the oldest of them (0: caught up). */
  lagSec: number;
  lastError: string | null;
}
