/** The rating pad as a pure state machine, so every path (timeout, closed, 409, keypad) is testable without a DOM. */

export interface PadTicket {
  id: string;
  number: string;
}

export type PadState =
  | { phase: 'idle' }
  /** timeoutMs: what is left of the question when the server sent it again on a (re)connect. */
  | { phase: 'ask'; ticket: PadTicket; clerkName: string | null; timeoutMs?: number }
  | { phase: 'reasons'; ticket: PadTicket; clerkName: string | null; level: string; reasons: string[]; comment: string }
  | { phase: 'sending'; ticket: PadTicket; level: string; reasons: string[]; comment: string }
  | { phase: 'thanks'; ticket: PadTicket }
  | { phase: 'message'; text: string };

export type PadEvent =
  | { type: 'requested'; ticket: PadTicket; clerkName: string | null; timeoutMs?: number }
  | { type: 'pick'; level: string; askReasons: boolean }
  | { type: 'toggleReason'; reason: string }
  | { type: 'comment'; text: string }
  | { type: 'submit' }
  | { type: 'sent' }
  | { type: 'failed'; text: string }
  | { type: 'closed'; ticketId: string }
  | { type: 'timeout' }
  | { type: 'reset' };

export const IDLE: PadState = { phase: 'idle' };

export function padReducer(s: PadState, e: PadEvent): PadState {
  switch (e.type) {
    case 'requested':
      // A new citizen always wins over a thanks screen or a stale prompt. The same citizen again (the server
      // re-sends the question when the pad reconnects) keeps what they already chose.
      if (s.phase === 'sending') return s;
      if (s.phase !== 'idle' && s.phase !== 'message' && s.ticket.id === e.ticket.id) return s;
      return {
        phase: 'ask',
        ticket: e.ticket,
        clerkName: e.clerkName,
        ...(e.timeoutMs !== undefined ? { timeoutMs: e.timeoutMs } : {}),
      };
    case 'pick':
      if (s.phase === 'ask' || s.phase === 'reasons') {
        if (e.askReasons) {
          const keep =
            s.phase === 'reasons' ? { reasons: s.reasons, comment: s.comment } : { reasons: [], comment: '' };
          return { phase: 'reasons', ticket: s.ticket, clerkName: s.clerkName, level: e.level, ...keep };
        }
        return { phase: 'sending', ticket: s.ticket, level: e.level, reasons: [], comment: '' };
      }
      return s;
    case 'toggleReason':
      if (s.phase !== 'reasons') return s;
      return {
        ...s,
        reasons: s.reasons.includes(e.reason) ? s.reasons.filter((r) => r !== e.reason) : [...s.reasons, e.reason],
      };
    case 'comment':
      return s.phase === 'reasons' ? { ...s, comment: e.text } : s;
    case 'submit':
      return s.phase === 'reasons'
        ? { phase: 'sending', ticket: s.ticket, level: s.level, reasons: s.reasons, comment: s.comment.trim() }
        : s;
    case 'sent':
      return s.phase === 'sending' ? { phase: 'thanks', ticket: s.ticket } : s;
    case 'failed':
      return { phase: 'message', text: e.text };
    case 'closed':
      // Our own rating also closes the request: keep the thanks screen then.
      if ((s.phase === 'ask' || s.phase === 'reasons') && s.ticket.id === e.ticketId) return IDLE;
      return s;
    case 'timeout':
      return s.phase === 'sending' ? s : IDLE;
    case 'reset':
      return IDLE;
  }
}

/** How long each screen stays before going back to idle (ms); null = until something happens. */
export function phaseTimeoutMs(s: PadState, ratingTimeoutSeconds: number): number | null {
  switch (s.phase) {
    case 'ask':
      return s.timeoutMs ?? ratingTimeoutSeconds * 1000;
    case 'reasons':
      return ratingTimeoutSeconds * 1000;
    case 'thanks':
      return 5000;
    case 'message':
      return 6000;
    default:
      return null;
  }
}

/** Keypad: '1'…'N' pick a level (1 = first); in the reasons step digits toggle reasons and Enter sends. */
export function keypadEvent(
  s: PadState,
  key: string,
  levels: { key: string }[],
  reasons: string[],
  reasonLevels: string[],
): PadEvent | null {
  const digit = /^[1-9]$/.test(key) ? Number(key) : null;
  if (s.phase === 'ask' && digit !== null && digit <= levels.length) {
    const level = levels[digit - 1]!.key;
    return { type: 'pick', level, askReasons: reasonLevels.includes(level) };
  }
  if (s.phase === 'reasons') {
    if (key === 'Enter') return { type: 'submit' };
    if (digit !== null && digit <= reasons.length) return { type: 'toggleReason', reason: reasons[digit - 1]! };
  }
  return null;
}
