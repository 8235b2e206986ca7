import type { ApiClient } from '@client/api.client';
import type { AreaDto, CounterDto, PublicConfigDto, TicketDto } from '@contract/dto';

/**
 * What the clerk's console shows about one counter, as a pure reducer (like kiosk.state.ts and the display's
 * hall.state.ts): every change is an action, so the rules (which ticket is "current", when the counter is
 * released) are tested without a DOM. console.state.ts is the controller that fetches and dispatches.
 */

export type Tally = Awaited<ReturnType<ApiClient['myTally']>>;
export interface StatusLine {
  kind: 'ok' | 'info' | 'warn' | 'error';
  text: string;
  at: number;
}
export type TransferTarget = { areaId: string; label: string } | { counterId: string; label: string };
/** A transfer the server refused because the target counter is closed: the clerk may confirm it (force). */
export interface TransferConfirm {
  to: TransferTarget;
  message: string;
}

export interface ConsoleState {
  counter: CounterDto | null;
  current: TicketDto | null;
  waiting: TicketDto[];
  noShows: TicketDto[];
  areas: AreaDto[];
  counters: CounterDto[];
  tally: Tally | null;
  config: PublicConfigDto | null;
  busy: boolean;
  status: StatusLine | null;
  /** Set once the counter was closed (by this clerk or a supervisor): back to the picker. */
  released: boolean;
  /** A transfer waiting for the clerk's "Vẫn chuyển" (the target counter is closed). */
  confirm: TransferConfirm | null;
}

export type ConsoleAction =
  /** This counter as the server sent it (a fetch, an action's answer or a `counter:updated`). */
  | { type: 'counter'; counter: CounterDto }
  /** The ticket at the counter now, or none. */
  | { type: 'current'; ticket: TicketDto | null }
  | { type: 'counters'; counters: CounterDto[]; config: PublicConfigDto }
  /** One counter of the center changed (`counter:updated`). */
  | { type: 'counterUpdated'; counter: CounterDto }
  | { type: 'queue'; waiting: TicketDto[]; noShows: TicketDto[]; areas: AreaDto[] }
  | { type: 'tally'; tally: Tally }
  | { type: 'busy'; busy: boolean }
  | { type: 'status'; status: StatusLine }
  | { type: 'released' }
  | { type: 'confirm'; confirm: TransferConfirm | null };

export const initialConsoleState: ConsoleState = {
  counter: null,
  current: null,
  waiting: [],
  noShows: [],
  areas: [],
  counters: [],
  tally: null,
  config: null,
  busy: false,
  status: null,
  released: false,
  confirm: null,
};

const ACTIVE = new Set(['called', 'serving']);

/** Only a called or serving ticket is "at the counter"; a finished, no-show or transferred one is not. */
export const liveTicket = (t: TicketDto | null): TicketDto | null => (t && ACTIVE.has(t.status) ? t : null);

/** A closed counter, or one nobody holds any more, sends the clerk back to the picker. */
const releases = (c: CounterDto) => c.status === 'closed' || c.clerk === null;

export function consoleReducer(s: ConsoleState, a: ConsoleAction): ConsoleState {
  switch (a.type) {
    case 'counter':
      return { ...s, counter: a.counter, released: s.released || releases(a.counter) };
    case 'current':
      return { ...s, current: liveTicket(a.ticket) };
    case 'counters':
      return { ...s, counters: a.counters, config: a.config };
    case 'counterUpdated': {
      const c = a.counter;
      const counters = s.counters.some((x) => x.id === c.id)
        ? s.counters.map((x) => (x.id === c.id ? c : x))
        : [...s.counters, c];
      return { ...s, counters };
    }
    case 'queue':
      return { ...s, waiting: a.waiting, noShows: a.noShows, areas: a.areas };
    case 'tally':
      return { ...s, tally: a.tally };
    case 'busy':
      return { ...s, busy: a.busy };
    case 'status':
      return { ...s, status: a.status };
    case 'released':
      return { ...s, released: true };
    case 'confirm':
      return { ...s, confirm: a.confirm };
  }
}
