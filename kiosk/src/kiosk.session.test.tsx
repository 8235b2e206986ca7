// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { act } from 'preact/test-utils';
import type { ApiClient } from '@client/api.client';
import { area, config, department, ticket } from './kiosk.fixtures.ts';
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

function fakeApi(over: Partial<Record<keyof ApiClient, Mock>> = {}) {
  const base = {
    me: vi.fn(async () => ({ kind: 'device', device: { id: 'k1', kind: 'kiosk', name: 'Ki-ốt 1' } })),
    config: vi.fn(async () => config()),
    departments: vi.fn(async () => [department()]),
    areas: vi.fn(async () => [area(), area({ id: 'a2', name: 'Hộ tịch', sort: 2 })]),
    issueTicket: vi.fn(async (_input: unknown) => ticket()),
    ticket: vi.fn(async () => ticket()),
  };
  return { ...base, ...over } as typeof base;
}

const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });

async function start(api = fakeApi()) {
  const socket = fakeSocket();
  const onUnauthorized = vi.fn();
  const v = mount(
    <KioskSession api={api as unknown as ApiClient} connect={() => socket} onUnauthorized={onUnauthorized} />,
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
  return { v, api, socket, onUnauthorized };
}

async function toPriority(v: ReturnType<typeof mount>) {
  v.click('[data-testid=start]');
  v.click('[data-department-id=d1]');
  v.click('[data-area-id=a1]');
  await flush();
}

describe('KioskSession', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('walks a citizen to a ticket; two taps in one frame issue one ticket', async () => {
    const { v, api } = await start();
    await toPriority(v);
    const button = v.$('[data-testid=no-priority]')!;
    act(() => {
      button.click();
      button.click();
    });
    await flush();
    expect(api.issueTicket).toHaveBeenCalledOnce();
    expect(api.issueTicket.mock.calls[0]![0]).toMatchObject({ areaId: 'a1', priority: false, priorityGroup: null });
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
    await toPriority(v);
    v.click('[data-testid=no-priority]');
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
    expect(v.$<HTMLButtonElement>('[data-testid=start]')!.disabled).toBe(true);
    const loads = api.areas.mock.calls.length;
    socket.fire('connect');
    socket.fire('state:snapshot', { areas: [], counters: [], recentCalls: [], businessDay: '', serverTime: '' });
    await flush();
    expect(v.$('[data-testid=offline-banner]')).toBeNull();
    expect(api.areas.mock.calls.length).toBeGreaterThan(loads);
  });

  it('waiting counts follow queue:updated; config:updated reloads the config', async () => {
    const { v, socket, api } = await start();
    v.click('[data-testid=start]');
    v.click('[data-department-id=d1]');
    socket.fire('queue:updated', { areaId: 'a1', waiting: 12 });
    expect(v.$('[data-area-id=a1] [data-testid=waiting]')!.textContent).toBe('12');
    const before = api.config.mock.calls.length;
    socket.fire('config:updated', { reason: 'settings' });
    await flush();
    expect(api.config.mock.calls.length).toBe(before + 1);
  });

  it('goes back to the welcome screen after the idle time', async () => {
    const { v } = await start(fakeApi({ config: vi.fn(async () => config({ kioskIdleSeconds: 1 })) }));
    v.click('[data-testid=start]');
    expect(v.$('[data-screen=departments]')).not.toBeNull();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 1200));
    });
    expect(v.$('[data-screen=welcome]')).not.toBeNull();
  });
});
