import { describe, expect, it } from 'vitest';
import { IDLE, keypadEvent, padReducer, phaseTimeoutMs, type PadState } from './rating.state.ts';

const levels = [{ key: 'very_satisfied' }, { key: 'satisfied' }, { key: 'unsatisfied' }];
const reasons = ['Thái độ của cán bộ', 'Thời gian chờ lâu'];
const ask: PadState = padReducer(IDLE, { type: 'requested', ticket: { id: 't1', number: '1005' }, clerkName: 'An' });

describe('rating pad state', () => {
  it('a level without reasons is sent at once, then thanks', () => {
    const s = padReducer(ask, { type: 'pick', level: 'very_satisfied', askReasons: false });
    expect(s).toMatchObject({ phase: 'sending', level: 'very_satisfied', reasons: [] });
    expect(padReducer(s, { type: 'sent' }).phase).toBe('thanks');
  });

  it('a reason level asks for reasons, toggles them and sends them with the comment', () => {
    let s = padReducer(ask, { type: 'pick', level: 'unsatisfied', askReasons: true });
    s = padReducer(s, { type: 'toggleReason', reason: 'A' });
    s = padReducer(s, { type: 'toggleReason', reason: 'B' });
    s = padReducer(s, { type: 'toggleReason', reason: 'A' });
    s = padReducer(s, { type: 'comment', text: ' chậm ' });
    expect(padReducer(s, { type: 'submit' })).toMatchObject({
      phase: 'sending',
      level: 'unsatisfied',
      reasons: ['B'],
      comment: 'chậm',
    });
  });

  it('rating:closed for the shown ticket goes idle, for another ticket does nothing, after our own rating keeps thanks', () => {
    expect(padReducer(ask, { type: 'closed', ticketId: 't1' })).toBe(IDLE);
    expect(padReducer(ask, { type: 'closed', ticketId: 'other' })).toBe(ask);
    const thanks = padReducer(padReducer(ask, { type: 'pick', level: 'satisfied', askReasons: false }), {
      type: 'sent',
    });
    expect(padReducer(thanks, { type: 'closed', ticketId: 't1' }).phase).toBe('thanks');
  });

  it('times out back to idle without sending; a refusal shows a message', () => {
    expect(padReducer(ask, { type: 'timeout' })).toBe(IDLE);
    expect(phaseTimeoutMs(ask, 30)).toBe(30_000);
    expect(phaseTimeoutMs(IDLE, 30)).toBeNull();
    expect(padReducer(ask, { type: 'failed', text: 'Số này đã được đánh giá.' })).toEqual({
      phase: 'message',
      text: 'Số này đã được đánh giá.',
    });
  });

  it('a new request replaces thanks or a stale prompt', () => {
    const next = padReducer(ask, { type: 'requested', ticket: { id: 't2', number: '1006' }, clerkName: null });
    expect(next).toMatchObject({ phase: 'ask', ticket: { number: '1006' } });
  });

  it('a question sent again on connect asks only for the time it has left, and keeps a citizen already answering', () => {
    const again = padReducer(IDLE, {
      type: 'requested',
      ticket: { id: 't1', number: '1005' },
      clerkName: null,
      timeoutMs: 7000,
    });
    expect(phaseTimeoutMs(again, 30)).toBe(7000);
    const answering = padReducer(padReducer(ask, { type: 'pick', level: 'unsatisfied', askReasons: true }), {
      type: 'toggleReason',
      reason: 'B',
    });
    expect(
      padReducer(answering, {
        type: 'requested',
        ticket: { id: 't1', number: '1005' },
        clerkName: 'An',
        timeoutMs: 7000,
      }),
    ).toBe(answering);
    expect(phaseTimeoutMs(answering, 30)).toBe(30_000);
  });

  it('keypad: 1…N pick a level, digits toggle reasons, Enter sends', () => {
    expect(keypadEvent(ask, '1', levels, reasons, ['unsatisfied'])).toEqual({
      type: 'pick',
      level: 'very_satisfied',
      askReasons: false,
    });
    expect(keypadEvent(ask, '3', levels, reasons, ['unsatisfied'])).toEqual({
      type: 'pick',
      level: 'unsatisfied',
      askReasons: true,
    });
    expect(keypadEvent(ask, '4', levels, reasons, ['unsatisfied'])).toBeNull();
    const r = padReducer(ask, { type: 'pick', level: 'unsatisfied', askReasons: true });
    expect(keypadEvent(r, '2', levels, reasons, ['unsatisfied'])).toEqual({
      type: 'toggleReason',
      reason: 'Thời gian chờ lâu',
    });
    expect(keypadEvent(r, 'Enter', levels, reasons, ['unsatisfied'])).toEqual({ type: 'submit' });
    expect(keypadEvent(IDLE, '1', levels, reasons, [])).toBeNull();
  });
});
