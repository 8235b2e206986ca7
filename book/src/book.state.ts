import type { BookingDto, Choice, SlotDto } from './book.api.ts';

/**
 * home: book, take today's number, or look up a code. choose: a procedure (search) or an area. slot: a day and a
 * slot. citizen: the ID number and the privacy notice. booking: the code (text and QR), times, cancel.
 */
export type BookScreen = 'home' | 'choose' | 'slot' | 'citizen' | 'booking' | 'lookup';
/** `book`: an appointment on a later slot; `now`: today's number from the phone (a remote ticket). */
export type BookMode = 'book' | 'now';

export interface BookState {
  screen: BookScreen;
  history: BookScreen[];
  mode: BookMode;
  choice: Choice | null;
  day: string | null;
  slot: SlotDto | null;
  booking: BookingDto | null;
  busy: boolean;
  error: string | null;
}

export type BookAction =
  | { type: 'start'; mode: BookMode }
  | { type: 'lookup' }
  | { type: 'choose'; choice: Choice }
  | { type: 'day'; day: string }
  | { type: 'slot'; slot: SlotDto }
  | { type: 'busy' }
  | { type: 'failed'; message: string }
  | { type: 'booked'; booking: BookingDto }
  | { type: 'dismiss' }
  | { type: 'back' }
  | { type: 'home' };

export function initialBookState(): BookState {
  return {
    screen: 'home',
    history: [],
    mode: 'book',
    choice: null,
    day: null,
    slot: null,
    booking: null,
    busy: false,
    error: null,
  };
}

function go(s: BookState, screen: BookScreen, patch: Partial<BookState> = {}): BookState {
  return { ...s, ...patch, history: [...s.history, s.screen], screen, error: null, busy: false };
}

export function bookReducer(s: BookState, a: BookAction): BookState {
  switch (a.type) {
    case 'start':
      return go(s, 'choose', { mode: a.mode, choice: null, slot: null });
    case 'lookup':
      return go(s, 'lookup', { booking: null });
    case 'choose':
      // Today's number needs no slot: straight to the ID number.
      return go(s, s.mode === 'now' ? 'citizen' : 'slot', { choice: a.choice, slot: null });
    case 'day':
      return { ...s, day: a.day, slot: null, error: null };
    case 'slot':
      return a.slot.available > 0 ? go(s, 'citizen', { slot: a.slot }) : s;
    case 'busy':
      return { ...s, busy: true, error: null };
    case 'failed':
      return { ...s, busy: false, error: a.message };
    case 'booked':
      // A booking shown after it was made, looked up or cancelled: Back from it goes home, not into the form again.
      return { ...s, busy: false, error: null, booking: a.booking, screen: 'booking', history: [] };
    case 'dismiss':
      return { ...s, error: null };
    case 'back': {
      if (s.busy) return s;
      const prev = s.history[s.history.length - 1];
      if (!prev) return initialBookState();
      return { ...s, screen: prev, history: s.history.slice(0, -1), error: null };
    }
    case 'home':
      return initialBookState();
  }
}
