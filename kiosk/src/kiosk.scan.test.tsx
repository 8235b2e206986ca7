// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { act } from 'preact/test-utils';
import type { ApiClient } from '@client/api.client';
import { ApiError } from '@client/api.client';
import { mount } from '@ui/render.testing';
import { fakeSocket as sharedFakeSocket } from '@ui/socket.testing';
import { area, config, department, manualIdleClock, ticket } from './kiosk.fixtures.ts';
import type { IdleClock } from './kiosk.idle.ts';
import { KioskSession } from './kiosk.session.tsx';

const ID = '040095001234';
const QR = `${ID}|187654321|Nguyễn Văn An|15031958|Nam|Xóm 3, Nghi Lộc, Nghệ An|01072021`;

function fakeApi(over: Partial<Record<keyof ApiClient, Mock>> = {}, cfg = config(), settings = {}) {
  const base = {
    me: vi.fn(async () => ({ kind: 'device', device: { id: 'k1', kind: 'kiosk', name: 'Ki-ốt 1', settings } })),
    config: vi.fn(async () => cfg),
    departments: vi.fn(async () => [department({ id: 'd2', name: 'Sở Xây dựng' })]),
    areas: vi.fn(async () => [area({ id: 'a3', departmentId: 'd2', name: 'Xây dựng' })]),
    issueTicket: vi.fn(async (_input: Record<string, unknown>) => ticket()),
    ticket: vi.fn(async () => ticket()),
    procedures: vi.fn(async () => []),
    counters: vi.fn(async () => []),
    request: vi.fn(async (_m: string, _path: string) => ({ start: '2026-11-26T10:00:00+07:00' })),
  };
  return { ...base, ...over } as typeof base;
}

const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });

/** Key presses as the scanner sends them, without the Enter. */
const keys = (text: string) =>
  act(() => {
    for (const key of text) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });

async function start(api = fakeApi(), idleClock?: IdleClock) {
  const socket = sharedFakeSocket();
  const v = mount(
    <KioskSession
      api={api as unknown as ApiClient}
      connect={() => socket}
      onUnauthorized={vi.fn()}
      idleClock={idleClock}
    />,
  );
  await flush();
  socket.connected = true;
  act(() => socket.fire('connect'));
  await flush();
  return { v, api, socket };
}

/** What a keyboard-wedge scanner does: each character as a key press to whatever has the focus, then Enter. */
async function scan(text: string) {
  const events: KeyboardEvent[] = [];
  act(() => {
    for (const key of [...text, 'Enter']) {
      const target = document.activeElement ?? document.body;
      const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      events.push(e);
      target.dispatchEvent(e);
      target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
    }
  });
  await flush();
  return events;
}

const refusal = (status: number, code: string) => new ApiError(status, code, `server: ${code}`);

describe('kiosk scanner', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('a booking code scanned on any screen checks in: the appointment ticket, and the Enter presses no button', async () => {
    const api = fakeApi({ issueTicket: vi.fn(async () => ticket({ channel: 'appointment', number: '1012' })) });
    const { v } = await start(api);
    v.click('[data-department-id=d2]'); // the "Lấy số" screen: its button has the focus after a tap
    v.$<HTMLButtonElement>('[data-testid=take]')!.focus();
    const keys = await scan('k7m2qx9p');
    expect(api.issueTicket).toHaveBeenCalledOnce();
    expect(api.issueTicket.mock.calls[0]![0]).toEqual({ bookingCode: 'K7M2QX9P' });
    expect(keys.at(-1)!.defaultPrevented).toBe(true);
    expect(v.$('[data-testid=ticket-number]')?.textContent).toBe('1012');
    expect(v.$('[data-testid=ticket-appointment]')).not.toBeNull();
  });

  it('too early, too late, unknown: plain words (too early says from when)', async () => {
    const api = fakeApi({
      issueTicket: vi
        .fn()
        .mockRejectedValueOnce(refusal(409, 'booking.too_early'))
        .mockRejectedValueOnce(refusal(409, 'booking.too_late'))
        .mockRejectedValueOnce(refusal(404, 'booking.not_found')),
    });
    const { v } = await start(api);
    await scan('K7M2QX9P');
    expect(api.request).toHaveBeenCalledWith('GET', '/public/bookings/K7M2QX9P');
    expect(v.$('[data-testid=issue-error]')?.textContent).toContain(
      'Lịch hẹn của bạn lúc 10:00. Vui lòng quay lại quét mã từ 09:30.',
    );
    v.click('[data-testid=close-error]');
    await scan('K7M2QX9P');
    expect(v.$('[data-testid=issue-error]')?.textContent).toContain('Đã quá giờ nhận số của lịch hẹn');
    v.click('[data-testid=close-error]');
    await scan('K7M2QX9P');
    expect(v.$('[data-testid=issue-error]')?.textContent).toContain('Không tìm thấy lịch hẹn');
    v.click('[data-testid=close-error]');
    await scan('8934567890123');
    expect(v.$('[data-testid=issue-error]')?.textContent).toContain('Không đọc được mã vừa quét');
    expect(api.issueTicket).toHaveBeenCalledTimes(3);
  });

  it('a card read is said on every screen, never shown, sent with the next number and then forgotten', async () => {
    const api = fakeApi();
    const { v } = await start(api);
    await scan(QR);
    expect(v.$('[data-testid=card-read]')?.textContent).toContain('Đã đọc thẻ căn cước');
    expect(api.issueTicket).not.toHaveBeenCalled();
    v.click('[data-department-id=d2]');
    expect(v.$('[data-testid=card-read]')).not.toBeNull();
    for (const secret of [ID, '1234', 'Nguyễn', '15031958']) expect(v.text()).not.toContain(secret);
    v.click('[data-testid=take]');
    await flush();
    expect(api.issueTicket.mock.calls[0]![0]).toMatchObject({ areaId: 'a3', citizenQr: QR });
    expect(v.$('[data-testid=card-read]')).toBeNull();
    v.click('[data-testid=done]');
    v.click('[data-department-id=d2]');
    v.click('[data-testid=take]');
    await flush();
    expect(api.issueTicket.mock.calls[1]![0]).not.toHaveProperty('citizenQr');
  });

  it('a card read and left alone is forgotten by the idle countdown', async () => {
    const idle = manualIdleClock();
    const { v } = await start(fakeApi(), idle.clock);
    await scan(QR);
    expect(v.$('[data-testid=card-read]')).not.toBeNull();
    idle.advance(45);
    await flush();
    expect(v.$('[data-testid=card-read]')).toBeNull();
  });

  it('limit reached: a clear message, and the card is not kept', async () => {
    const api = fakeApi({ issueTicket: vi.fn().mockRejectedValue(refusal(409, 'citizen.limit_reached')) });
    const { v } = await start(api);
    await scan(QR);
    v.click('[data-department-id=d2]');
    v.click('[data-testid=take]');
    await flush();
    expect(v.$('[data-testid=issue-error]')?.textContent).toContain('Bạn đã lấy đủ số lượt cho hôm nay');
    expect(v.$('[data-testid=card-read]')).toBeNull();
  });

  it('card required: the card step (privacy notice, scan or type), and the staff PIN for someone without one', async () => {
    const cfg = config({
      booking: {
        enabled: true,
        remoteTickets: false,
        daysAhead: 6,
        slotMinutes: 30,
        checkInEarlyMinutes: 30,
        checkInLateMinutes: 15,
        requireCardAtKiosk: true,
        perDay: 2,
        perAreaPerDay: 1,
      },
    });
    const api = fakeApi(
      {
        issueTicket: vi
          .fn()
          .mockResolvedValueOnce(ticket())
          .mockRejectedValueOnce(refusal(403, 'citizen.override_denied'))
          .mockResolvedValueOnce(ticket({ number: '1006' })),
      },
      cfg,
    );
    const { v } = await start(api);
    v.click('[data-department-id=d2]');
    v.click('[data-testid=take]');
    expect(api.issueTicket).not.toHaveBeenCalled();
    expect(v.$('[data-screen=card]')).not.toBeNull();
    expect(v.$('[data-testid=privacy]')?.textContent).toContain('91/2025/QH15');
    for (const d of ID) v.click(`[data-key="${d}"]`);
    v.click('[data-testid=id-ok]');
    await flush();
    expect(api.issueTicket.mock.calls[0]![0]).toMatchObject({ areaId: 'a3', citizenId: ID });
    expect(v.$('[data-testid=ticket-number]')).not.toBeNull();

    v.click('[data-testid=done]');
    v.click('[data-department-id=d2]');
    v.click('[data-testid=take]');
    v.click('[data-testid=staff-help]');
    for (const d of '0000') v.click(`[data-key="${d}"]`);
    v.click('[data-testid=override-ok]');
    await flush();
    expect(v.$('[data-testid=issue-error]')?.textContent).toContain('Mã PIN của cán bộ không đúng');
    v.click('[data-testid=close-error]');
    v.click('[data-key=clear]');
    for (const d of '2468') v.click(`[data-key="${d}"]`);
    v.click('[data-testid=override-ok]');
    await flush();
    expect(api.issueTicket.mock.calls[2]![0]).toMatchObject({ areaId: 'a3', overridePin: '2468' });
    expect(api.issueTicket.mock.calls[2]![0]).not.toHaveProperty('citizenId');
    expect(v.$('[data-testid=ticket-number]')?.textContent).toBe('1006');
  });

  it('the server asks for the card (422 citizen.card_required): the card step, and a scan there issues', async () => {
    const api = fakeApi({
      issueTicket: vi.fn().mockRejectedValueOnce(refusal(422, 'citizen.card_required')).mockResolvedValue(ticket()),
    });
    const { v } = await start(api);
    v.click('[data-department-id=d2]');
    v.click('[data-testid=take]');
    await flush();
    expect(v.$('[data-screen=card]')).not.toBeNull();
    expect(v.$('[data-testid=issue-error]')).toBeNull();
    await scan(QR);
    const [first, second] = api.issueTicket.mock.calls.map((c) => c[0] as Record<string, unknown>);
    expect(second).toMatchObject({ areaId: 'a3', citizenQr: QR, idempotencyKey: first!.idempotencyKey });
    expect(v.$('[data-testid=ticket-number]')).not.toBeNull();
  });

  it('a look-up kiosk ignores codes and cards: it issues nothing', async () => {
    const api = fakeApi({}, config(), { mode: 'lookup' });
    const { v } = await start(api);
    await scan('K7M2QX9P');
    await scan(QR);
    expect(api.issueTicket).not.toHaveBeenCalled();
    expect(v.$('[data-testid=card-read]')).toBeNull();
    expect(v.$('[data-testid=issue-error]')).toBeNull();
  });

  it('a screen redrawn in the middle of a scan (a queue update) does not lose the keys read so far', async () => {
    const api = fakeApi();
    const { socket } = await start(api);
    keys('K7M2');
    act(() => socket.fire('queue:updated', { areaId: 'a3', waiting: 9 }));
    await flush();
    await scan('QX9P');
    expect(api.issueTicket.mock.calls[0]?.[0]).toEqual({ bookingCode: 'K7M2QX9P' });
  });
});
