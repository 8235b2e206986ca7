/** Shapes exchanged over HTTP and socket.io. Shared by the server and every front-end. */

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'expired';
export type CounterStatus = 'closed' | 'open' | 'paused';
export type Role = 'admin' | 'supervisor' | 'clerk';
export type DeviceKind = 'kiosk' | 'display' | 'rating' | 'printer';
export type PrintStatus = 'printed' | 'queued' | 'failed' | 'none';

export interface CounterRef { id: string; number: number; name: string }

export interface PrintResult { status: PrintStatus; message?: string }

export interface TicketDto {
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
  recalls: number;
  transfers: number;
  trackUrl: string;
  dossierCode: string | null;
  note: string | null;
  print?: PrintResult;
}

/** What a tracking phone (or anyone without a staff token) may see of a ticket in a counter row. */
export interface CurrentTicketDto { id?: string; number: string; areaId: string; status: TicketStatus; calledAt: string | null; priority: boolean }

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

export type AreaUnavailableReason = 'closed' | 'inactive' | 'outside_hours' | 'holiday' | 'full' | 'numbers_exhausted' | null;

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
}

export interface DepartmentDto { id: string; code: string; name: string; sort: number; active: boolean }

export interface CallDto { ticket: { id?: string; number: string; areaId: string }; counter: CounterRef; recall: boolean; at: string }

export interface StateDto {
  counters: CounterDto[];
  areas: { id: string; waiting: number }[];
  recentCalls: CallDto[];
  businessDay: string;
  serverTime: string;
  /** Only in a tracking client's snapshot: its own ticket. */
  ticket?: TicketDto;
}

export interface UserDto { id: string; username: string; displayName: string; role: Role; active?: boolean }

export interface DeviceDto {
  id: string; kind: DeviceKind; name: string; counterId: string | null; kioskId: string | null;
  printer: string | null; createdAt: string; revokedAt: string | null; lastSeenAt: string | null;
  pairingCode?: string | null; pairingExpiresAt?: string | null;
  /** Per-device options (a hall display: {counters?: number[], areas?: string[]}). */
  settings?: Record<string, unknown>;
}

export interface RatingLevel { key: string; label: string }

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
}

export interface ReportRow {
  key: string; label: string;
  issued: number; served: number; noShow: number; transferred: number; expired: number;
  avgWaitSec: number | null; medianWaitSec: number | null; p90WaitSec: number | null;
  avgServiceSec: number | null;
  /** Share of called tickets first called within the area's target wait (0–1). */
  serviceLevel: number | null;
  ratings: Record<string, number>;
  ratedCount: number;
  /** Share of ratings at a level other than the lowest (0–1). */
  satisfiedShare: number | null;
}
