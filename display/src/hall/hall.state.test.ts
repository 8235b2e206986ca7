import { describe, expect, it } from 'vitest';
import type { AreaDto, CallDto, CounterDto, StateDto } from '@contract/dto';
import {
  FLASH_MS,
  callEventKey,
  callInFilter,
  hallReducer,
  initialHallState,
  isFlashing,
  parseHallFilter,
  visibleAreas,
  visibleCalls,
  visibleCounters,
  type HallState,
} from './hall.state.ts';

const counter = (n: number, over: Partial<CounterDto> = {}): CounterDto => ({
  id: `c${n}`,
  number: n,
  name: `Quầy ${n} – Tư pháp`,
  areaIds: [n <= 2 ? 'a1' : 'a2'],
  status: 'open',
  clerk: null,
  currentTicket: null,
  updatedAt: '2026-11-26T08:00:00+07:00',
  ...over,
});
const area = (id: string, code: string, sort: number): AreaDto => ({
  id,
  code,
  name: `Lĩnh vực ${code}`,
  departmentId: 'd',
  departmentName: 'Sở',
  departmentCode: 'S',
  open: true,
  active: true,
  available: true,
  unavailableReason: null,
  waiting: 0,
  issuedToday: 0,
  dailyLimit: null,
  numberStart: 1,
  numberEnd: 999,
  targetWaitMinutes: null,
  servingCounters: 1,
  estimatedWaitMin: null,
  longestWaitSec: 0,
  hours: null,
  sort,
});
const call = (id: string, number: string, c: number, at: string, recall = false): CallDto => ({
  ticket: { id, number, areaId: c <= 2 ? 'a1' : 'a2' },
  counter: { id: `c${c}`, number: c, name: `Quầy ${c}` },
  recall,
  at,
});
const snapshot = (over: Partial<StateDto> = {}): StateDto => ({
  counters: [counter(3), counter(1), counter(2, { status: 'closed' })],
  areas: [
    { id: 'a1', waiting: 4 },
    { id: 'a2', waiting: 0 },
  ],
  recentCalls: [],
  businessDay: '2026-11-26',
  serverTime: '2026-11-26T09:00:00+07:00',
  ...over,
});
const areas = [area('a2', 'DDMT', 2), area('a1', 'HTCT', 1)];

describe('hall reducer', () => {
  it('draws itself from a snapshot: counters sorted, waiting counts, calls newest first, no flash', () => {
    const s = hallReducer(initialHallState(), {
      type: 'snapshot',
      now: Date.parse('2026-11-26T01:59:58Z'),
      state: snapshot({
        recentCalls: [
          call('t2', '1002', 3, '2026-11-26T08:59:00+07:00'),
          call('t1', '1001', 1, '2026-11-26T08:58:00+07:00'),
        ],
      }),
    });
    expect(s.synced).toBe(true);
    expect(s.counters.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(s.waiting).toEqual({ a1: 4, a2: 0 });
    expect(s.calls.map((c) => c.number)).toEqual(['1002', '1001']);
    expect(s.flash).toBeNull();
    expect(s.clockOffsetMs).toBe(2000);
  });

  it('a live call goes on top and blinks for a while; a recall moves the same line back up', () => {
    let s = hallReducer(initialHallState(), {
      type: 'snapshot',
      now: 0,
      state: snapshot({ recentCalls: [call('t1', '1001', 1, 'a')] }),
    });
    s = hallReducer(s, { type: 'called', call: call('t2', '1002', 3, 'b'), now: 1000 });
    expect(s.calls.map((c) => c.number)).toEqual(['1002', '1001']);
    expect(isFlashing(s, s.calls[0]!.key, 1000 + FLASH_MS - 1)).toBe(true);
    expect(isFlashing(s, s.calls[0]!.key, 1000 + FLASH_MS)).toBe(false);
    s = hallReducer(s, { type: 'called', call: call('t1', '1001', 1, 'c', true), now: 2000 });
    expect(s.calls.map((c) => c.number)).toEqual(['1001', '1002']);
    expect(s.calls[0]!.recall).toBe(true);
  });

  it('ignores an event it has already applied (same ticket, counter and time)', () => {
    let s = hallReducer(initialHallState(), { type: 'snapshot', now: 0, state: snapshot() });
    const c = call('t2', '1002', 3, 'b');
    s = hallReducer(s, { type: 'called', call: c, now: 1000 });
    const again = hallReducer(s, { type: 'called', call: { ...c }, now: 5000 });
    expect(again).toBe(s);
  });

  it('a call already in a snapshot never flashes when its live event comes late', () => {
    const c = call('t2', '1002', 3, 'b');
    let s = hallReducer(initialHallState(), { type: 'snapshot', now: 0, state: snapshot({ recentCalls: [c] }) });
    s = hallReducer(s, { type: 'called', call: c, now: 10 });
    expect(s.flash).toBeNull();
    expect(s.seen).toContain(callEventKey(c));
  });

  it('a resync keeps a flash only for a call still on screen, and replaces everything else', () => {
    let s = hallReducer(initialHallState(), { type: 'snapshot', now: 0, state: snapshot() });
    s = hallReducer(s, { type: 'called', call: call('t2', '1002', 3, 'b'), now: 1000 });
    const kept = hallReducer(s, {
      type: 'snapshot',
      now: 1500,
      state: snapshot({ recentCalls: [call('t2', '1002', 3, 'b')] }),
    });
    expect(kept.flash?.key).toBe(s.flash?.key);
    const gone = hallReducer(s, { type: 'snapshot', now: 1500, state: snapshot({ recentCalls: [] }) });
    expect(gone.flash).toBeNull();
    expect(gone.calls).toEqual([]);
  });

  it('applies counter and queue updates', () => {
    let s: HallState = hallReducer(initialHallState(), { type: 'snapshot', now: 0, state: snapshot() });
    s = hallReducer(s, {
      type: 'counter',
      counter: counter(2, {
        status: 'open',
        currentTicket: { id: 'x', number: '1005', areaId: 'a1', status: 'called', calledAt: null, priority: false },
      }),
    });
    s = hallReducer(s, { type: 'counter', counter: counter(7) });
    s = hallReducer(s, { type: 'queue', areaId: 'a2', waiting: 9 });
    expect(s.counters.map((c) => c.number)).toEqual([1, 2, 3, 7]);
    expect(s.counters[1]!.currentTicket?.number).toBe('1005');
    expect(s.waiting.a2).toBe(9);
  });
});

describe('what the display shows', () => {
  const base = hallReducer(initialHallState(), {
    type: 'snapshot',
    now: 0,
    state: snapshot({
      recentCalls: [call('t3', '2001', 3, 'c'), call('t1', '1001', 1, 'a')],
    }),
  });

  it('by default: every open or paused counter, every active area in order, every call', () => {
    const f = parseHallFilter({});
    expect(visibleCounters(base, f, areas).map((c) => c.number)).toEqual([1, 3]);
    expect(visibleAreas(base, f, areas)).toEqual([
      { id: 'a1', name: 'Lĩnh vực HTCT', waiting: 4 },
      { id: 'a2', name: 'Lĩnh vực DDMT', waiting: 0 },
    ]);
    expect(visibleCalls(base, f, areas)).toHaveLength(2);
  });

  it('limited by device settings: counter numbers (even typed as strings) and area codes or ids', () => {
    const byCounter = parseHallFilter({ counters: ['3', 'x'] });
    expect(byCounter).toEqual({ counters: [3] });
    expect(visibleCounters(base, byCounter, areas).map((c) => c.number)).toEqual([3]);
    expect(visibleCalls(base, byCounter, areas).map((c) => c.number)).toEqual(['2001']);
    const byArea = parseHallFilter({ areas: ['htct'] });
    expect(visibleAreas(base, byArea, areas).map((a) => a.id)).toEqual(['a1']);
    expect(visibleCounters(base, byArea, areas).map((c) => c.number)).toEqual([1]);
    expect(callInFilter(byArea, call('t9', '2009', 3, 'z'), base, areas)).toBe(false);
    expect(callInFilter(parseHallFilter({ areas: ['a2'] }), call('t9', '2009', 3, 'z'), base, areas)).toBe(true);
  });
});
