/**
 * The citizen's tracking page as a pure reducer: first drawn from GET /api/tickets/:id, then
 * moved by its own socket's snapshot, ticket:updated and ticket:called. Only this ticket counts.
 */
import type { CallDto, StateDto, TicketDto } from '@contract/dto';

export type TrackState =
  | { phase: 'loading' }
  | { phase: 'notfound' }
  | { phase: 'error'; message: string }
  | {
      phase: 'ready';
      ticket: TicketDto;
      updatedAt: number;
      /** Live calls seen; each one buzzes the phone. */ liveCalls: number;
    };

export type TrackAction =
  | { type: 'loaded'; ticket: TicketDto; now: number }
  | { type: 'notfound' }
  | { type: 'failed'; message: string }
  | { type: 'snapshot'; state: StateDto; now: number }
  | { type: 'updated'; ticket: TicketDto; now: number }
  | { type: 'called'; call: CallDto; now: number };

export function trackReducer(s: TrackState, a: TrackAction): TrackState {
  switch (a.type) {
    case 'loaded':
      return { phase: 'ready', ticket: a.ticket, updatedAt: a.now, liveCalls: s.phase === 'ready' ? s.liveCalls : 0 };
    case 'notfound':
      return { phase: 'notfound' };
    case 'failed':
      // Keep a ticket already on screen: a failed refresh is not worth hiding it.
      return s.phase === 'ready' ? s : { phase: 'error', message: a.message };
    case 'snapshot':
    case 'updated': {
      const t = a.type === 'snapshot' ? a.state.ticket : a.ticket;
      if (!t) return s;
      if (s.phase === 'ready' && t.id !== s.ticket.id) return s;
      return { phase: 'ready', ticket: t, updatedAt: a.now, liveCalls: s.phase === 'ready' ? s.liveCalls : 0 };
    }
    case 'called': {
      if (s.phase !== 'ready' || (a.call.ticket.id && a.call.ticket.id !== s.ticket.id)) return s;
      const ticket: TicketDto = {
        ...s.ticket,
        status: 'called',
        counter: { ...a.call.counter },
        waitingAhead: 0,
        calledAt: s.ticket.calledAt ?? a.call.at,
      };
      return { phase: 'ready', ticket, updatedAt: a.now, liveCalls: s.liveCalls + 1 };
    }
  }
}

export type Tone = 'wait' | 'call' | 'serve' | 'done' | 'warn' | 'off';

/** The status in words a citizen understands, and how loud to show it. */
export function statusWords(t: Pick<TicketDto, 'status' | 'counter' | 'waitingFor'>): { text: string; tone: Tone } {
  switch (t.status) {
    case 'waiting':
      return { text: t.waitingFor ? `Đang chờ quầy số ${t.waitingFor.counterNumber}` : 'Đang chờ', tone: 'wait' };
    case 'called':
      return { text: t.counter ? `Mời bạn đến quầy số ${t.counter.number}` : 'Mời bạn đến quầy', tone: 'call' };
    case 'serving':
      return { text: 'Đang được phục vụ', tone: 'serve' };
    case 'done':
      return { text: 'Đã hoàn thành', tone: 'done' };
    case 'no_show':
      return { text: 'Đã bỏ qua — vui lòng liên hệ quầy', tone: 'warn' };
    case 'expired':
      return { text: 'Đã hết hạn', tone: 'off' };
    case 'cancelled':
      return { text: 'Đã huỷ', tone: 'off' };
  }
}

/**
 * Where a transferred citizen now waits, while waiting there: the counter it was sent to (waitingFor, from the
 * public ticket) or else its new area. Drawn from the ticket itself, so a reload after the transfer still says it.
 */
export function transferWords(t: Pick<TicketDto, 'status' | 'transfers' | 'areaName' | 'waitingFor'>): string | null {
  if (t.status !== 'waiting' || t.transfers <= 0) return null;
  return t.waitingFor
    ? `Bạn được chuyển sang quầy số ${t.waitingFor.counterNumber}`
    : `Bạn được chuyển sang lĩnh vực ${t.areaName}`;
}

/** "Khoảng 15 phút", "Khoảng 1 giờ 20 phút", or null when unknown. */
export function waitWords(min: number | null): string | null {
  if (min === null || !Number.isFinite(min)) return null;
  const m = Math.max(1, Math.round(min));
  if (m < 60) return `Khoảng ${m} phút`;
  const h = Math.floor(m / 60);
  const r = m % 60;
  return r === 0 ? `Khoảng ${h} giờ` : `Khoảng ${h} giờ ${r} phút`;
}

/** The id in /t/:id, or null. */
export function ticketIdFromPath(pathname: string): string | null {
  const m = /^\/t\/([^/?#]+)\/?$/.exec(pathname);
  return m ? decodeURIComponent(m[1]!) : null;
}
