import { describe, expect, it } from 'vitest';
import {
  areasOf,
  canTap,
  departmentsWithAreas,
  initialKioskState,
  kioskReducer,
  type KioskAction,
  type KioskState,
} from './kiosk.state.ts';
import { area, config, department, ticket } from './kiosk.fixtures.ts';

const loaded = (): KioskState => {
  let s = kioskReducer(initialKioskState(), {
    type: 'loaded',
    config: config(),
    departments: [
      department(),
      department({ id: 'd2', name: 'Sở Xây dựng', sort: 2 }),
      department({ id: 'd3', name: 'Sở trống', sort: 3 }),
    ],
    areas: [
      area(),
      area({ id: 'a2', name: 'Hộ tịch', sort: 2, available: false, unavailableReason: 'closed' }),
      area({ id: 'a3', departmentId: 'd2', name: 'Xây dựng', sort: 3 }),
    ],
  });
  s = kioskReducer(s, { type: 'connection', status: 'online' });
  return s;
};
const run = (s: KioskState, ...actions: KioskAction[]) => actions.reduce(kioskReducer, s);
const pending = { key: 'k1', areaId: 'a1', priority: false, priorityGroup: null };

describe('kiosk flow', () => {
  it('welcome → departments → areas → priority → ticket, then home', () => {
    let s = run(
      loaded(),
      { type: 'start' },
      { type: 'department', departmentId: 'd1' },
      { type: 'area', areaId: 'a1', withPriorityStep: true },
    );
    expect(s.screen).toBe('priority');
    expect(s.history).toEqual(['welcome', 'departments', 'areas']);
    s = run(s, { type: 'issuing', pending });
    expect(canTap(s)).toBe(false);
    s = run(s, { type: 'issued', ticket: ticket() });
    expect(s.screen).toBe('ticket');
    expect(s.pending).toBeNull();
    s = run(s, { type: 'home' });
    expect(s).toMatchObject({ screen: 'welcome', ticket: null, departmentId: null, areaId: null, history: [] });
  });

  it('Back walks the history; Back from the ticket goes home', () => {
    let s = run(loaded(), { type: 'start' }, { type: 'department', departmentId: 'd1' }, { type: 'back' });
    expect(s.screen).toBe('departments');
    s = run(s, { type: 'back' });
    expect(s.screen).toBe('welcome');
    s = run(loaded(), { type: 'start' }, { type: 'search' }, { type: 'query', query: 'dat' }, { type: 'back' });
    expect(s.screen).toBe('departments');
    s = run(loaded(), { type: 'issued', ticket: ticket() }, { type: 'back' });
    expect(s.screen).toBe('welcome');
  });

  it('an unavailable area cannot be chosen', () => {
    const s = run(
      loaded(),
      { type: 'start' },
      { type: 'department', departmentId: 'd1' },
      { type: 'area', areaId: 'a2', withPriorityStep: true },
    );
    expect(s.screen).toBe('areas');
  });

  it('nothing moves while a ticket is being issued (no second tap, no Home)', () => {
    const s = run(
      loaded(),
      { type: 'start' },
      { type: 'department', departmentId: 'd1' },
      { type: 'area', areaId: 'a1', withPriorityStep: true },
      { type: 'issuing', pending },
    );
    expect(run(s, { type: 'home' }).screen).toBe('priority');
    expect(run(s, { type: 'back' }).screen).toBe('priority');
    expect(run(s, { type: 'area', areaId: 'a1', withPriorityStep: true }).history).toEqual(s.history);
  });

  it('keeps the tap key after a transient failure (retry reuses it), drops it after a refusal', () => {
    const s = run(loaded(), { type: 'issuing', pending });
    expect(run(s, { type: 'issueFailed', message: 'mất kết nối', keepPending: true })).toMatchObject({
      issuing: false,
      pending,
      error: 'mất kết nối',
    });
    expect(run(s, { type: 'issueFailed', message: 'đóng', keepPending: false }).pending).toBeNull();
    // Choosing another area is another tap: the old key does not follow it.
    const other = run(
      s,
      { type: 'issueFailed', message: 'x', keepPending: true },
      { type: 'area', areaId: 'a3', withPriorityStep: true },
    );
    expect(other.pending).toBeNull();
  });

  it('live counts: snapshot and queue:updated patch waiting', () => {
    let s = run(loaded(), {
      type: 'snapshot',
      state: {
        areas: [
          { id: 'a1', waiting: 9 },
          { id: 'a3', waiting: 4 },
        ],
      },
    });
    expect(s.areas.find((a) => a.id === 'a1')!.waiting).toBe(9);
    s = run(s, { type: 'waiting', areaId: 'a3', waiting: 5 });
    expect(s.areas.find((a) => a.id === 'a3')!.waiting).toBe(5);
  });

  it('taps only when online', () => {
    expect(canTap(run(loaded(), { type: 'connection', status: 'offline' }))).toBe(false);
    expect(canTap(loaded())).toBe(true);
  });

  it('lists departments that have areas, and the areas of one', () => {
    const s = loaded();
    expect(departmentsWithAreas(s).map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(areasOf(s, 'd1').map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});
