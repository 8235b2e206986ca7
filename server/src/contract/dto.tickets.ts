/** Queue shapes: tickets, counters, calls and the state snapshot (re-exported by dto.ts). */
import type { ProcedureRef } from './dto.procedures.ts';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'expired';
export type CounterStatus = 'closed' | 'open' | 'paused';
export type PrintStatus = 'printed' | 'queued' | 'failed' | 'none';
/** How a ticket came to be (issue 13): the kiosk, staff on a citizen's behalf, a phone, a checked-in booking. */
export type TicketChannel = 'kiosk' | 'staff' | 'remote' | 'appointment';

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
 * and displays. A whitelist: ticket.public.ts builds it by picking these fields, so a field added to TicketDto
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
