// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { act } from 'preact/test-utils';
import type { ApiClient } from '@client/api.client';
import { area, config, department, manualIdleClock, procedure, ticket } from './kiosk.fixtures.ts';
import type { IdleClock } from './kiosk.idle.ts';
import type { Scheduler } from './procedure.search.ts';
import { KioskSession, NOT_A_KIOSK, TOKEN_REFUSED } from './kiosk.session.tsx';
import { mount } from '@ui/render.testing';
import { fakeSocket as sharedFakeSocket } from '@ui/socket.testing';

/** The shared socket stand-in, each event fired inside act so the screen has redrawn when the test looks. */
function fakeSocket() {
  const s = sharedFakeSocket();
  const fire = s.fire;
  s.fire = (ev: string, ...args: unknown[]) => act(() => fire(ev, ...args));
  return s;
}

function fakeApi(over: Partial<Record<keyof ApiClient, Mock>> = {}, settings: Record<string, unknown> = {}) {
  const base = {
    me: vi.fn(async () => ({ kind: 'device', device: { id: 'k1', kind: 'kiosk', name: 'Ki-ốt 1', settings } })),
    config: vi.fn(async () => config()),
    // d1 (Sở Tư pháp) has two areas; d2 (Sở Xây dựng) has one.
    departments: vi.fn(async () => [department(), department({ id: 'd2', name: 'Sở Xây dựng', sort: 2 })]),
    areas: vi.fn(async () => [
      area(),
      area({ id: 'a2', name: 'Hộ tịch', sort: 2 }),
      area({ id: 'a3', departmentId: 'd2', departmentName: 'Sở Xây dựng', name: 'Xây dựng', sort: 3 }),
    ]),
    issueTicket: vi.fn(async (_input: unknown) => ticket()),
    ticket: vi.fn(async () => ticket()),
    procedures: vi.fn(async (f: { q?: string }) => (f.q?.startsWith('khai') ? [procedure()] : [])),
    counters: vi.fn(async () => [
      { number: 4, areaIds: ['a2'] },
      { number: 7, areaIds: ['a1', 'a2'] },
    ]),
    request: vi.fn(async () => []),
  };
  return { ...base, ...over } as typeof base;
}

/** The search debounce, run by hand. */
function manualScheduler() {
  let queue: (() => void)[] = [];
  const schedule: Scheduler = {
    after(_ms, fn) {
      queue.push(fn);
      return () => {
        queue = queue.filter((f) => f !== fn);
      };
    },
  };
  return { schedule, run: () => act(() => queue.splice(0).forEach((f) => f())) };
}

const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });

async function start(api = fakeApi(), opts: { idleClock?: IdleClock; schedule?: Scheduler } = {}) {
  const socket = fakeSocket();
  const onUnauthorized = vi.fn();
  const v = mount(
    <KioskSession
      api={api as unknown as ApiClient}
      connect={() => socket}
      onUnauthorized={onUnauthorized}
      idleClock={opts.idleClock}
      schedule={opts.schedule}
    />,
  );
  await flush();
  socket.connected = true;
  socket.fire('connect');
  socket.fire('state:snapshot', {
    areas: [{ id: 'a1', waiting: 3 }],
    counters: [],
    recentCalls: [],
    businessDay: '2026-11-26',
    serverTime: '',
  });
  await flush();
  // Every tap of the citizen goes through here, so a test can count them from the first screen to the ticket.
  let taps = 0;
  const tap = (sel: string | Element) => {
    taps++;
    v.click(sel);
  };
  return { v, api, socket, onUnauthorized, tap, taps: () => taps };
}

async function toTake(v: ReturnType<typeof mount>) {
  v.click('[data-department-id=d1]');
  v.click('[data-area-id=a1]');
  await flush();
}

describe('KioskSession', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.documentElement.classList.remove('kiosk-large');
  });

  it('tap counts: 2 taps for a one-area department, 3 for a multi-area one, from the first screen', async () => {
    const one = await start();
    one.tap('[data-department-id=d2]');
    one.tap('[data-testid=take]');
    await flush();
    expect(one.api.issueTicket).toHaveBeenCalledOnce();
    expect(one.api.issueTicket.mock.calls[0]![0]).toMatchObject({ areaId: 'a3', priority: false });
    expect(one.v.$('[data-testid=ticket-number]')).not.toBeNull();
    expect(one.taps()).toBe(2);
    one.v.unmount();

    const many = await start();
    many.tap('[data-department-id=d1]');
    many.tap('[data-area-id=a2]');
    many.tap('[data-testid=take]');
    await flush();
    expect(many.api.issueTicket.mock.calls[0]![0]).toMatchObject({ areaId: 'a2', priority: false });
    expect(many.v.$('[data-testid=ticket-number]')).not.toBeNull();
    expect(many.taps()).toBe(3);
  });

  it('search → procedure card (papers, fee, time limit) → "Lấy số" issues with the procedure', async () => {
    const timers = manualScheduler();
    const { v, api, tap, taps } = await start(fakeApi(), { schedule: timers.schedule });
    tap('[data-testid=open-search]');
    for (const k of ['K', 'H', 'A', 'I']) tap(`[data-key=${k}]`);
    // Debounced: nothing asked until the pause, then one request for what is typed now.
    expect(api.procedures).not.toHaveBeenCalled();
    timers.run();
    await flush();
    expect(api.procedures.mock.calls).toEqual([[{ q: 'khai', limit: 8 }]]);
    tap('[data-procedure-id=p1]');
    expect(v.$('[data-testid=chosen-name]')!.textContent).toBe('Đăng ký khai sinh');
    expect(v.$$('[data-testid=documents] li').map((li) => li.textContent)).toEqual([
      'Tờ khai đăng ký khai sinh',
      'Giấy chứng sinh',
    ]);
    expect(v.$('[data-testid=fee]')!.textContent).toBe('Miễn lệ phí');
    expect(v.$('[data-testid=time-limit]')!.textContent).toBe('Trong ngày');
    tap('[data-testid=take]');
    await flush();
    expect(api.issueTicket.mock.calls[0]![0]).toMatchObject({ areaId: 'a2', procedureId: 'p1', priority: false });
    // search entry, 4 letters, the procedure, "Lấy số".
    expect(taps()).toBe(7);
  });

  it('not found sends the citizen to the reception desk', async () => {
    const timers = manualScheduler();
    const { v } = await start(fakeApi(), { schedule: timers.schedule });
    v.click('[data-testid=open-search]');
    for (const k of ['Q', 'Q']) v.click(`[data-key=${k}]`);
    timers.run();
    await flush();
    expect(v.$('[data-testid=not-found]')!.textContent).toBe('Không tìm thấy thủ tục. Xin mời hỏi quầy hướng dẫn.');
  });

  it('priority only through its entry: group, then the same choices, then "Lấy số"', async () => {
    const { v, api, tap, taps } = await start();
    tap('[data-testid=priority-entry]');
    tap(v.$$('[data-testid=priority-group]')[1]!);
    expect(v.$('[data-testid=priority-chosen]')!.textContent).toContain('Người khuyết tật');
    tap('[data-department-id=d2]');
    tap('[data-testid=take]');
    await flush();
    expect(api.issueTicket.mock.calls[0]![0]).toMatchObject({
      areaId: 'a3',
      priority: true,
      priorityGroup: 'Người khuyết tật',
    });
    expect(taps()).toBe(4);
  });

  it('"Quay lại" goes back one step', async () => {
    const { v } = await start();
    await toTake(v);
    expect(v.$('[data-screen=take]')).not.toBeNull();
    v.click('[data-testid=back]');
    expect(v.$('[data-screen=areas]')).not.toBeNull();
    v.click('[data-testid=back]');
    expect(v.$('[data-screen=home]')).not.toBeNull();
    expect(v.$('[data-testid=back]')).toBeNull();
  });

  it('two taps in one frame issue one ticket', async () => {
    const { v, api } = await start();
    await toTake(v);
    const button = v.$('[data-testid=take]')!;
    act(() => {
      button.click();
      button.click();
    });
    await flush();
    expect(api.issueTicket).toHaveBeenCalledOnce();
    expect(v.$('[data-testid=ticket-number]')!.textContent).toBe('1005');
  });

  it('a lost request is retried with the same key when the citizen taps "Thử lại"', async () => {
    const offline = Object.assign(new Error('offline'), { status: 0, code: 'network.offline' });
    const issueTicket = vi
      .fn()
      .mockRejectedValueOnce(offline)
      .mockRejectedValueOnce(offline)
      .mockRejectedValueOnce(offline)
      .mockResolvedValue(ticket());
    const { v } = await start(fakeApi({ issueTicket }));
    await toTake(v);
    v.click('[data-testid=take]');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 2600));
    });
    expect(v.$('[data-testid=issue-error]')).not.toBeNull();
    v.click('[data-testid=retry]');
    await flush();
    const keys = issueTicket.mock.calls.map((c) => c[0].idempotencyKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys).toHaveLength(4);
    expect(v.$('[data-testid=ticket]')).not.toBeNull();
  });

  it('a refused token sends the screen to pairing', async () => {
    const refused = Object.assign(new Error('401'), { status: 401, code: 'auth.required' });
    const { onUnauthorized } = await start(fakeApi({ me: vi.fn().mockRejectedValue(refused) }));
    expect(onUnauthorized).toHaveBeenCalledWith(TOKEN_REFUSED);
  });

  it('a token of another kind of device is not a kiosk', async () => {
    const { onUnauthorized } = await start(
      fakeApi({ me: vi.fn(async () => ({ kind: 'device', device: { kind: 'display' } })) }),
    );
    expect(onUnauthorized).toHaveBeenCalledWith(NOT_A_KIOSK);
  });

  it('connection lost: red banner and no taps; back: resync', async () => {
    const { v, socket, api } = await start();
    socket.fire('disconnect', 'transport close');
    expect(v.$('[data-testid=offline-banner]')).not.toBeNull();
    expect(v.$<HTMLButtonElement>('[data-testid=open-search]')!.disabled).toBe(true);
    expect(v.$<HTMLButtonElement>('[data-department-id=d1]')!.disabled).toBe(true);
    const loads = api.areas.mock.calls.length;
    socket.fire('connect');
    socket.fire('state:snapshot', { areas: [], counters: [], recentCalls: [], businessDay: '', serverTime: '' });
    await flush();
    expect(v.$('[data-testid=offline-banner]')).toBeNull();
    expect(api.areas.mock.calls.length).toBeGreaterThan(loads);
  });

  it('waiting counts follow queue:updated; config:updated reloads the config', async () => {
    const { v, socket, api } = await start();
    v.click('[data-department-id=d1]');
    socket.fire('queue:updated', { areaId: 'a1', waiting: 12 });
    expect(v.$('[data-area-id=a1] [data-testid=waiting]')!.textContent).toBe('12');
    const before = api.config.mock.calls.length;
    socket.fire('config:updated', { reason: 'settings' });
    await flush();
    expect(api.config.mock.calls.length).toBe(before + 1);
  });

  it('idle: a visible countdown first, a touch keeps the choice, and only a full countdown goes home', async () => {
    const idle = manualIdleClock();
    const { v } = await start(fakeApi({ config: vi.fn(async () => config({ kioskIdleSeconds: 30 })) }), {
      idleClock: idle.clock,
    });
    await toTake(v);
    idle.advance(29);
    expect(v.$('[data-testid=idle-countdown]')).toBeNull();
    idle.advance(1);
    expect(v.$('[data-testid=idle-seconds]')!.textContent).toBe('10');
    idle.advance(4);
    expect(v.$('[data-testid=idle-seconds]')!.textContent).toBe('6');
    // A touch: the countdown goes, the choice stays.
    act(() => {
      document.dispatchEvent(new Event('pointerdown'));
    });
    expect(v.$('[data-testid=idle-countdown]')).toBeNull();
    expect(v.$('[data-screen=take]')).not.toBeNull();
    // A long unseen gap (frozen tab) still shows the countdown in full before going home.
    idle.jump(300);
    expect(v.$('[data-screen=take]')).not.toBeNull();
    expect(v.$('[data-testid=idle-seconds]')!.textContent).toBe('10');
    idle.advance(9);
    expect(v.$('[data-screen=take]')).not.toBeNull();
    idle.advance(1);
    expect(v.$('[data-screen=home]')).not.toBeNull();
    expect(v.$('[data-testid=idle-countdown]')).toBeNull();
  });

  it('the untouched first screen never counts down', async () => {
    const idle = manualIdleClock();
    const { v } = await start(fakeApi(), { idleClock: idle.clock });
    idle.advance(120);
    expect(v.$('[data-testid=idle-countdown]')).toBeNull();
  });

  it('"English" switches the kiosk words (names stay Vietnamese); "Chữ lớn" enlarges the text', async () => {
    const { v } = await start();
    expect(v.$('[data-testid=open-search]')!.textContent).toContain('Tìm thủ tục');
    v.click('[data-testid=lang]');
    expect(v.$('[data-testid=open-search]')!.textContent).toContain('Find a procedure');
    expect(v.$('[data-testid=priority-entry]')!.textContent).toContain('Priority');
    expect(v.$('[data-department-id=d1]')!.textContent).toContain('Sở Tư pháp');
    v.click('[data-department-id=d1]');
    expect(v.$('[data-testid=back]')!.textContent).toContain('Back');
    v.click('[data-testid=large-text]');
    expect(document.documentElement.classList.contains('kiosk-large')).toBe(true);
    expect(v.$('[data-testid=large-text]')!.getAttribute('aria-pressed')).toBe('true');
    v.click('[data-testid=home]');
    expect(document.documentElement.classList.contains('kiosk-large')).toBe(false);
    expect(v.$('[data-testid=open-search]')!.textContent).toContain('Tìm thủ tục');
  });

  it('lookup mode: procedures, papers and counters, and no ticket can be taken', async () => {
    const timers = manualScheduler();
    const { v, api } = await start(fakeApi({}, { mode: 'lookup' }), { schedule: timers.schedule });
    expect(v.$('[data-testid=lookup-note]')).not.toBeNull();
    expect(v.$('[data-testid=priority-entry]')).toBeNull();
    v.click('[data-testid=open-search]');
    for (const k of ['K', 'H', 'A', 'I']) v.click(`[data-key=${k}]`);
    timers.run();
    await flush();
    v.click('[data-procedure-id=p1]');
    expect(v.$('[data-testid=documents]')).not.toBeNull();
    expect(v.$('[data-testid=take]')).toBeNull();
    expect(v.$('[data-testid=counters]')!.textContent).toContain('Quầy 4, Quầy 7');
    v.click('[data-testid=back]');
    v.click('[data-testid=back]');
    v.click('[data-department-id=d2]');
    expect(v.$('[data-testid=take]')).toBeNull();
    expect(api.issueTicket).not.toHaveBeenCalled();
  });
});
