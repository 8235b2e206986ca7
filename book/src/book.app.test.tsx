// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { createApiClient } from '@client/api.client';
import { mount } from '@ui/render.testing';
import { config, procedure } from '../../kiosk/src/kiosk.fixtures.ts';
import { bookApi, type BookingDto } from './book.api.ts';
import { BookApp, RECENT_KEY } from './book.app.tsx';
import { REMOTE_OFF } from './book.words.ts';

const ID = '040095001234';

type Handler = (body: unknown, url: URL) => { status: number; body: unknown };
const json = (status: number, body: unknown) => ({ status, body });
const error = (status: number, code: string) => json(status, { error: { code, message: `server: ${code}` } });

/** The server as the contract describes it, one handler per "METHOD /path" (the query is the handler's). */
function fakeServer(over: Record<string, Handler> = {}) {
  const calls: { key: string; url: URL; body: unknown }[] = [];
  const booking: BookingDto = {
    code: 'K7M2QX9P',
    areaId: 'a2',
    areaName: 'Hộ tịch',
    procedure: { id: 'p1', code: '1.001193', name: 'Đăng ký khai sinh' },
    start: '2026-11-26T08:00:00+07:00',
    end: '2026-11-26T08:30:00+07:00',
    status: 'booked',
  };
  const routes: Record<string, Handler> = {
    'GET /api/config/public': () => json(200, config()),
    'GET /api/procedures': (_b, url) =>
      json(
        200,
        url.searchParams.get('q')?.startsWith('khai')
          ? [procedure(), procedure({ id: 'p2', name: 'Khai báo tạm trú', areaId: 'a9', areaName: 'Cư trú' })]
          : [],
      ),
    'GET /api/public/booking/areas': () =>
      json(200, [
        {
          id: 'a2',
          code: 'HTCT',
          name: 'Hộ tịch',
          departmentName: 'Sở Tư pháp',
          slotCapacity: 2,
          remoteAvailable: true,
        },
        {
          id: 'a5',
          code: 'XD',
          name: 'Xây dựng',
          departmentName: 'Sở Xây dựng',
          slotCapacity: 0,
          remoteAvailable: true,
        },
      ]),
    'GET /api/public/booking/slots': (_b, url) =>
      json(200, {
        areaId: url.searchParams.get('areaId'),
        date: url.searchParams.get('date'),
        slots: [
          { start: '2026-11-26T07:30:00+07:00', end: '2026-11-26T08:00:00+07:00', capacity: 2, available: 0 },
          { start: '2026-11-26T08:00:00+07:00', end: '2026-11-26T08:30:00+07:00', capacity: 2, available: 2 },
        ],
      }),
    'POST /api/public/bookings': () => json(201, booking),
    'GET /api/public/bookings/K7M2QX9P': () => json(200, booking),
    'DELETE /api/public/bookings/K7M2QX9P': () => json(200, { status: 'cancelled' }),
    'POST /api/public/tickets': () => json(201, { id: 't-9', number: '2001', trackUrl: 'http://10.0.0.2:8080/t/t-9' }),
    ...over,
  };
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://center.local');
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ key, url, body });
    const h = routes[key];
    const r = h ? h(body, url) : error(404, key.includes('/public/bookings/') ? 'booking.not_found' : 'not_found');
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json' } });
  });
  return { fetch, calls, booking };
}

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i++) await new Promise((r) => setTimeout(r, 0));
  });
/** The search waits 250 ms after the last key: this is that wait, then the answer. */
const afterDebounce = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
  });

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

async function start(server = fakeServer()) {
  const storage = memoryStorage();
  const navigate = vi.fn();
  const api = bookApi(createApiClient({ fetch: server.fetch as unknown as typeof fetch }));
  const v = mount(<BookApp api={api} storage={storage} navigate={navigate} />);
  await flush();
  const type = (sel: string, value: string) =>
    act(() => {
      const el = v.$<HTMLInputElement>(sel)!;
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const submit = (sel: string) =>
    act(() => {
      v.$<HTMLFormElement>(sel)!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
  return { v, server, storage, navigate, type, submit };
}

async function toCitizenStep(b: Awaited<ReturnType<typeof start>>) {
  b.v.click('[data-testid=start-book]');
  expect(b.v.$('[data-area-id=a2]')?.textContent).toContain('Hộ tịch');
  expect(b.v.$('[data-area-id=a5]')).toBeNull(); // no online places in its slots
  b.type('[data-testid=search]', 'khai sinh');
  await afterDebounce();
  // A procedure whose area takes no bookings is shown, but cannot be picked.
  expect(b.v.$<HTMLButtonElement>('[data-procedure-id=p2]')!.disabled).toBe(true);
  expect(b.v.$('[data-procedure-id=p2]')!.textContent).toContain('chưa nhận đặt lịch trực tuyến');
  b.v.click('[data-procedure-id=p1]');
  await flush();
}

describe('/book', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('books a procedure on a slot: 12 digits checked first, then the code as text and QR, when to come and the check-in window', async () => {
    const b = await start();
    await toCitizenStep(b);
    const slotsCall = b.server.calls.find((c) => c.key === 'GET /api/public/booking/slots')!;
    expect(slotsCall.url.searchParams.get('areaId')).toBe('a2');
    expect(slotsCall.url.searchParams.get('date')).toBe('2026-11-26'); // today (config.businessDay) first
    const [full, free] = b.v.$$<HTMLButtonElement>('.b-slot');
    expect(full!.disabled).toBe(true);
    expect(full!.textContent).toContain('Hết chỗ');
    expect(free!.textContent).toContain('08:00–08:30');
    b.v.click(free!);

    expect(b.v.$('[data-testid=privacy]')?.textContent).toContain('91/2025/QH15');
    b.type('[data-testid=citizen-id]', '04009500123');
    b.submit('[data-screen=citizen]');
    await flush();
    expect(b.v.$('[data-testid=id-error]')).not.toBeNull();
    expect(b.server.calls.some((c) => c.key === 'POST /api/public/bookings')).toBe(false);

    b.type('[data-testid=citizen-id]', '0400 9500 1234');
    b.submit('[data-screen=citizen]');
    await flush();
    const post = b.server.calls.find((c) => c.key === 'POST /api/public/bookings')!;
    expect(post.body).toEqual({ procedureId: 'p1', start: '2026-11-26T08:00:00+07:00', citizenId: ID });
    expect(b.v.$('[data-testid=booking-code]')?.textContent).toBe('K7M2QX9P');
    expect(b.v.$('[data-testid=qr]')?.getAttribute('data-text')).toBe('K7M2QX9P');
    expect(b.v.$('[data-testid=come-at]')?.textContent).toContain('Vui lòng đến lúc 08:00');
    // The contract's defaults until the server publishes its own: 30 minutes before, 15 after.
    expect(b.v.$('[data-testid=check-in-window]')?.textContent).toBe('từ 07:30 đến 08:15');
    expect(JSON.parse(b.storage.getItem(RECENT_KEY)!)).toEqual(['K7M2QX9P']);
    // The ID typed is gone from the page once booked.
    expect(b.v.text().replace(/\s/g, '')).not.toContain(ID);
  });

  it('shows the check-in window the server publishes', async () => {
    const b = await start(
      fakeServer({
        'GET /api/config/public': () =>
          json(200, { ...config(), booking: { enabled: true, checkInEarlyMinutes: 10, checkInLateMinutes: 5 } }),
      }),
    );
    await toCitizenStep(b);
    b.v.click(b.v.$$('.b-slot')[1]!);
    b.type('[data-testid=citizen-id]', ID);
    b.submit('[data-screen=citizen]');
    await flush();
    expect(b.v.$('[data-testid=check-in-window]')?.textContent).toBe('từ 07:50 đến 08:05');
  });

  it('cancels a booking found by its code, and the code leaves the list of this phone', async () => {
    const b = await start();
    b.storage.setItem(RECENT_KEY, JSON.stringify(['K7M2QX9P']));
    b.v.click('[data-testid=start-lookup]');
    b.type('[data-testid=code]', 'k7m2 qx9p');
    b.submit('[data-screen=lookup]');
    await flush();
    expect(b.v.$('[data-testid=booking-status]')?.textContent).toBe('Đã đặt lịch');
    b.v.click('[data-testid=cancel]');
    b.v.click('[data-testid=cancel-confirm]');
    await flush();
    expect(b.server.calls.some((c) => c.key === 'DELETE /api/public/bookings/K7M2QX9P')).toBe(true);
    expect(b.v.$('[data-testid=booking-status]')?.textContent).toBe('Đã huỷ');
    expect(b.v.$('[data-testid=qr]')).toBeNull();
  });

  it('says so when booking is off, and when the code is unknown', async () => {
    const b = await start(fakeServer({ 'GET /api/public/booking/slots': () => error(404, 'booking.disabled') }));
    await toCitizenStep(b);
    expect(b.v.$('[data-testid=booking-off]')?.textContent).toContain('chưa mở đặt lịch hẹn trực tuyến');
    b.v.click('[data-testid=back]');
    b.v.click('[data-testid=back]');
    b.v.click('[data-testid=start-lookup]');
    b.type('[data-testid=code]', 'ZZZZZZZZ');
    b.submit('[data-screen=lookup]');
    await flush();
    expect(b.v.$('[data-testid=error]')?.textContent).toContain('Không tìm thấy lịch hẹn');
  });

  it('both off: the areas route says so, and nothing can be started', async () => {
    const b = await start(fakeServer({ 'GET /api/public/booking/areas': () => error(404, 'booking.disabled') }));
    expect(b.v.$('[data-testid=start-book]')).toBeNull();
    expect(b.v.$('[data-testid=all-off]')?.textContent).toContain('chưa mở đặt lịch hẹn');
    expect(b.v.$('[data-testid=load-error]')).toBeNull();
  });

  it('hides what the server says is off', async () => {
    const b = await start(
      fakeServer({
        'GET /api/config/public': () => json(200, { ...config(), booking: { enabled: false, remoteTickets: false } }),
      }),
    );
    expect(b.v.$('[data-testid=start-book]')).toBeNull();
    expect(b.v.$('[data-testid=start-now]')).toBeNull();
    expect(b.v.$('[data-testid=all-off]')).not.toBeNull();
  });

  it("takes today's number from the phone and opens the existing track page on this origin", async () => {
    const b = await start();
    b.v.click('[data-testid=start-now]');
    expect(b.v.$('[data-area-id=a5]')).not.toBeNull(); // issuing now, though not bookable
    b.v.click('[data-area-id=a2]');
    expect(b.v.$('[data-screen=citizen]')).not.toBeNull(); // no slot for today's number
    b.type('[data-testid=citizen-id]', ID);
    b.submit('[data-screen=citizen]');
    await flush();
    expect(b.server.calls.find((c) => c.key === 'POST /api/public/tickets')!.body).toEqual({
      areaId: 'a2',
      citizenId: ID,
    });
    expect(b.navigate).toHaveBeenCalledWith('/t/t-9');
  });

  it('explains refusals: remote numbers off, the daily limit, a full slot', async () => {
    const off = await start(fakeServer({ 'POST /api/public/tickets': () => error(404, 'booking.disabled') }));
    off.v.click('[data-testid=start-now]');
    off.v.click('[data-area-id=a2]');
    off.type('[data-testid=citizen-id]', ID);
    off.submit('[data-screen=citizen]');
    await flush();
    expect(off.v.$('[data-testid=error]')?.textContent).toBe(REMOTE_OFF);
    expect(off.navigate).not.toHaveBeenCalled();
    off.v.unmount();

    for (const [code, words] of [
      ['citizen.limit_reached', 'hết số lượt'],
      ['booking.slot_full', 'vừa hết chỗ'],
    ] as const) {
      const b = await start(fakeServer({ 'POST /api/public/bookings': () => error(409, code) }));
      await toCitizenStep(b);
      b.v.click(b.v.$$('.b-slot')[1]!);
      b.type('[data-testid=citizen-id]', ID);
      b.submit('[data-screen=citizen]');
      await flush();
      expect(b.v.$('[data-testid=error]')?.textContent).toContain(words);
      expect(b.v.$('[data-screen=citizen]')).not.toBeNull();
      b.v.unmount();
    }
  });
});
