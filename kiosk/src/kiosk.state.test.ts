import { describe, expect, it } from 'vitest';
import {
  areasOf,
  canTap,
  departmentsWithAreas,
  deviceOptions,
  initialKioskState,
  kioskReducer,
  type KioskAction,
  type KioskState,
} from './kiosk.state.ts';
import { area, config, department, procedure, ticket } from './kiosk.fixtures.ts';

const loaded = (mode: 'tickets' | 'lookup' = 'tickets'): KioskState => {
  let s = kioskReducer(initialKioskState(), {
    type: 'loaded',
    config: config(),
    mode,
    departments: [
      department(),
      department({ id: 'd2', name: 'Sở Xây dựng', sort: 2 }),
      department({ id: 'd3', name: 'Sở trống', sort: 3 }),
      department({ id: 'd4', name: 'Công an tỉnh', sort: 4 }),
    ],
    areas: [
      area(),
      area({ id: 'a2', name: 'Hộ tịch', sort: 2, available: false, unavailableReason: 'closed' }),
      area({ id: 'a3', departmentId: 'd2', name: 'Xây dựng', sort: 3 }),
      area({ id: 'a4', departmentId: 'd4', name: 'Xuất nhập cảnh', sort: 4, available: false }),
    ],
  });
  s = kioskReducer(s, { type: 'connection', status: 'online' });
  return s;
};
const run = (s: KioskState, ...actions: KioskAction[]) => actions.reduce(kioskReducer, s);
const pending = { key: 'k1', areaId: 'a1', priority: false, priorityGroup: null };

describe('kiosk flow', () => {
  it('the first screen is the choices themselves (no "touch to start")', () => {
    expect(loaded().screen).toBe('home');
  });

  it('a department with one area goes straight to "Lấy số"; with several, to its areas', () => {
    const one = run(loaded(), { type: 'department', departmentId: 'd2' });
    expect(one).toMatchObject({ screen: 'take', areaId: 'a3', history: ['home'] });
    const many = run(loaded(), { type: 'department', departmentId: 'd1' }, { type: 'area', areaId: 'a1' });
    expect(many).toMatchObject({ screen: 'take', areaId: 'a1', history: ['home', 'areas'] });
    // Its only area closed: the areas screen shows it greyed with the reason instead.
    expect(run(loaded(), { type: 'department', departmentId: 'd4' }).screen).toBe('areas');
  });

  it('search → procedure card carries the procedure and its area', () => {
    const s = run(
      loaded(),
      { type: 'search' },
      { type: 'query', query: 'khai sinh' },
      { type: 'procedure', procedure: procedure({ areaId: 'a1' }) },
    );
    expect(s).toMatchObject({ screen: 'take', areaId: 'a1', history: ['home', 'search'] });
    expect(s.procedure?.name).toBe('Đăng ký khai sinh');
  });

  it('an answer for an older query is ignored', () => {
    let s = run(loaded(), { type: 'search' }, { type: 'query', query: 'khai' });
    s = run(s, { type: 'query', query: 'khai s' });
    s = run(s, { type: 'results', result: { query: 'khai', status: 'done', items: [procedure({ id: 'old' })] } });
    expect(s.results.items).toEqual([]);
    s = run(s, { type: 'results', result: { query: 'khai s', status: 'done', items: [procedure()] } });
    expect(s.results.items.map((x) => x.id)).toEqual(['p1']);
  });

  it('the priority question only for the priority entry; its group follows the choice', () => {
    expect(run(loaded(), { type: 'department', departmentId: 'd2' }).priorityGroup).toBeNull();
    const s = run(
      loaded(),
      { type: 'priorityEntry' },
      { type: 'priorityGroup', group: 'Người khuyết tật' },
      { type: 'department', departmentId: 'd2' },
    );
    expect(s).toMatchObject({ screen: 'take', priorityGroup: 'Người khuyết tật' });
    expect(s.history).toEqual(['home', 'priority', 'home']);
  });

  it('"Quay lại" goes back exactly one step and forgets what that step chose', () => {
    let s = run(loaded(), { type: 'department', departmentId: 'd1' }, { type: 'area', areaId: 'a1' });
    s = run(s, { type: 'back' });
    expect(s).toMatchObject({ screen: 'areas', areaId: null, departmentId: 'd1' });
    s = run(s, { type: 'back' });
    expect(s).toMatchObject({ screen: 'home', departmentId: null, history: [] });
    s = run(
      loaded(),
      { type: 'search' },
      { type: 'query', query: 'ho' },
      { type: 'procedure', procedure: procedure() },
    );
    s = run(s, { type: 'back' });
    expect(s).toMatchObject({ screen: 'search', query: 'ho', procedure: null });
    s = run(s, { type: 'back' });
    expect(s).toMatchObject({ screen: 'home', query: '' });
    s = run(loaded(), { type: 'priorityEntry' }, { type: 'priorityGroup', group: 'g' }, { type: 'back' });
    expect(s).toMatchObject({ screen: 'priority', priorityGroup: null });
    s = run(loaded(), { type: 'issued', ticket: ticket() }, { type: 'back' });
    expect(s.screen).toBe('home');
  });

  it('home forgets the citizen, including the language and large text', () => {
    const s = run(
      loaded(),
      { type: 'lang', lang: 'en' },
      { type: 'large', large: true },
      { type: 'department', departmentId: 'd2' },
      { type: 'home' },
    );
    expect(s).toMatchObject({ screen: 'home', lang: 'vi', large: false, areaId: null, history: [], mode: 'tickets' });
    expect(s.areas).toHaveLength(4);
  });

  it('an unavailable area cannot be chosen', () => {
    const s = run(loaded(), { type: 'department', departmentId: 'd1' }, { type: 'area', areaId: 'a2' });
    expect(s.screen).toBe('areas');
  });

  it('nothing moves while a ticket is being issued (no second tap, no Home)', () => {
    const s = run(
      loaded(),
      { type: 'department', departmentId: 'd1' },
      { type: 'area', areaId: 'a1' },
      { type: 'issuing', pending },
    );
    expect(run(s, { type: 'home' }).screen).toBe('take');
    expect(run(s, { type: 'back' }).screen).toBe('take');
    expect(run(s, { type: 'area', areaId: 'a1' }).history).toEqual(s.history);
  });

  it('keeps the tap key after a transient failure (retry reuses it), drops it after a refusal', () => {
    const s = run(loaded(), { type: 'issuing', pending });
    expect(run(s, { type: 'issueFailed', message: 'mất kết nối', keepPending: true })).toMatchObject({
      issuing: false,
      pending,
      error: 'mất kết nối',
    });
    expect(run(s, { type: 'issueFailed', message: 'đóng', keepPending: false }).pending).toBeNull();
    const failed = run(
      loaded(),
      { type: 'department', departmentId: 'd1' },
      { type: 'area', areaId: 'a1' },
      { type: 'issuing', pending },
      { type: 'issueFailed', message: 'x', keepPending: true },
    );
    // The same area again keeps the key; choosing another area is another tap.
    expect(run(failed, { type: 'back' }, { type: 'area', areaId: 'a1' }).pending).toEqual(pending);
    expect(
      run(failed, { type: 'back' }, { type: 'back' }, { type: 'department', departmentId: 'd2' }).pending,
    ).toBeNull();
  });

  it('lookup mode: no priority entry and no ticket is ever issued', () => {
    const s = run(loaded('lookup'), { type: 'priorityEntry' });
    expect(s.screen).toBe('home');
    const card = run(s, { type: 'department', departmentId: 'd4' });
    expect(card).toMatchObject({ screen: 'take', areaId: 'a4' }); // closed areas can still be looked up
    expect(run(card, { type: 'issuing', pending }).issuing).toBe(false);
  });

  it('device settings: mode lookup and printChecklist', () => {
    expect(deviceOptions({ mode: 'lookup', printChecklist: true })).toEqual({ mode: 'lookup', printChecklist: true });
    expect(deviceOptions(undefined)).toEqual({ mode: 'tickets', printChecklist: false });
    expect(deviceOptions({ mode: 'other', printChecklist: 'yes' })).toEqual({ mode: 'tickets', printChecklist: false });
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
    expect(departmentsWithAreas(s).map((d) => d.id)).toEqual(['d1', 'd2', 'd4']);
    expect(areasOf(s, 'd1').map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('a card read is forgotten once the number is issued, on Home, and when a refusal says so', () => {
    const citizen = { citizenQr: '040095001234|||01011950|Nam||' };
    let s = kioskReducer(loaded(), { type: 'citizen', citizen });
    expect(s.citizen).toEqual(citizen);
    expect(kioskReducer(s, { type: 'issued', ticket: ticket() }).citizen).toBeNull();
    expect(kioskReducer(s, { type: 'home' }).citizen).toBeNull();
    expect(kioskReducer(s, { type: 'issueFailed', message: 'x', keepPending: false }).citizen).toEqual(citizen);
    s = kioskReducer(s, { type: 'issueFailed', message: 'x', keepPending: false, forgetCitizen: true });
    expect(s.citizen).toBeNull();
  });
});
