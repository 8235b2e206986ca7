import type { CallDto, CounterDto, StateDto, TicketDto } from './dto.ts';
import type { PrintJobEvent, PrintResultEvent } from './print.job.ts';

export interface ServerToClientEvents {
  'state:snapshot': (state: StateDto) => void;
  'ticket:issued': (p: { ticket: TicketDto }) => void;
  'ticket:called': (p: CallDto) => void;
  'ticket:updated': (p: { ticket: TicketDto }) => void;
  'counter:updated': (p: { counter: CounterDto }) => void;
  'queue:updated': (p: { areaId: string; waiting: number }) => void;
  /**
   * `remainingSeconds`: sent again on a pad's (re)connect while the citizen can still rate: how long the
   * question has left (a fresh request after `finish` has the whole `ratingTimeoutSeconds`).
   */
  'rating:requested': (p: {
    counterId: string;
    ticket: TicketDto;
    clerkName: string | null;
    remainingSeconds?: number;
  }) => void;
  /** The rating pad stops waiting (rated elsewhere, or the clerk called the next citizen). */
  'rating:closed': (p: { counterId: string; ticketId: string }) => void;
  /** To staff screens: a citizen rated a ticket (the clerk's tally updates at once). */
  'rating:recorded': (p: { counterId: string; ticketId: string; clerkId: string | null; level: string }) => void;
  'config:updated': (p: { reason: string }) => void;
  'print:job': (p: PrintJobEvent) => void;
}

export interface ClientToServerEvents {
  'print:result': (p: PrintResultEvent) => void;
  'print:agent-ready': (p: { printer?: unknown }) => void;
}

/** Every event a client may send, for the server's handlers and the robustness tests. */
export const CLIENT_EVENTS = [
  'print:result',
  'print:agent-ready',
] as const satisfies readonly (keyof ClientToServerEvents)[];

export interface SocketAuth {
  token?: string;
  ticketId?: string;
}
