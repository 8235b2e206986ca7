// @vitest-environment happy-dom
import { renderSettled, withTestHost } from '@ui/render.testing';
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { StaffBookingsDto } from '@contract/dto';
import { createAdminApi } from '../admin.api.ts';
import { fakeFetch, settle, type } from '../admin.testing.ts';
import { BookingsScreen } from './bookings.screen.tsx';

/** Issue 13, staff side: a day's bookings, the last three ID digits only, statuses in Vietnamese. */
let host: HTMLElement;
withTestHost((h) => (host = h));

const day = (date: string): StaffBookingsDto => ({
  date,
  totals: { booked: 2, checkedIn: 1, cancelled: 1, missed: 1, due: 1 },
  bookings: [
    {
      code: 'K7P2QX9M',
      areaId: 'a1',
      procedureId: 'p1',
      procedureName: 'Cấp phiếu lý lịch tư pháp',
      start: `${date}T01:00:00.000Z`,
      end: `${date}T01:30:00.000Z`,
      status: 'checked_in',
      idLast3: '123',
      ticketNumber: '1004',
    },
    {
      code: 'R4T8WZ2N',
      areaId: 'a1',
      procedureId: null,
      procedureName: null,
      start: `${date}T02:00:00.000Z`,
      end: `${date}T02:30:00.000Z`,
      status: 'missed',
      idLast3: '045',
      ticketNumber: null,
    },
  ],
});
const asked: string[] = [];
const routes = {
  'GET /api/areas': () => [{ id: 'a1', code: 'LLTP', name: 'Lý lịch tư pháp' }],
  'GET /api/bookings': (_b: unknown, url: string) => {
    asked.push(new URL(url, 'http://x').searchParams.get('date')!);
    return day(asked.at(-1)!);
  },
};

describe('bookings list (issue 13)', () => {
  it("lists today's bookings with Vietnamese statuses and only the last three digits", async () => {
    const f = fakeFetch(routes);
    await renderSettled(<BookingsScreen api={createAdminApi(() => 't', f.fetch)} timeZone="Asia/Ho_Chi_Minh" />, host);
    await settle();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(f.calls.find((c) => c.path === '/api/bookings')).toBeTruthy();
    const row = (code: string) => host.querySelector(`tr[data-booking=${code}]`)?.textContent ?? '';
    expect(row('K7P2QX9M')).toContain('08:00–08:30');
    expect(row('K7P2QX9M')).toContain('LLTP – Lý lịch tư pháp');
    expect(row('K7P2QX9M')).toContain('•••••••••123');
    expect(row('K7P2QX9M')).toContain('Đã đến');
    expect(row('K7P2QX9M')).toContain('1004');
    expect(row('R4T8WZ2N')).toContain('Lỡ hẹn');
    expect(host.querySelector('[data-testid=booking-totals]')?.textContent).toContain('Lỡ hẹn 1');
    expect((host.querySelector('input[name=date]') as HTMLInputElement).value).toBe(
      today.split('-').reverse().join('/'),
    );
  });

  it('another day picked in dd/mm/yyyy asks the server for that day', async () => {
    const f = fakeFetch(routes);
    await renderSettled(<BookingsScreen api={createAdminApi(() => 't', f.fetch)} timeZone="Asia/Ho_Chi_Minh" />, host);
    await act(async () => {
      type(host, 'input[name=date]', '03/12/2026');
    });
    await settle();
    expect(asked.at(-1)).toBe('2026-12-03');
    expect(host.querySelector('tr[data-booking=K7P2QX9M]')?.textContent).toContain('08:00');
  });

  it("says the server's refusal in Vietnamese", async () => {
    const f = fakeFetch({
      ...routes,
      'GET /api/bookings': () => [403, { error: { code: 'auth.forbidden', message: 'Bạn không có quyền.' } }],
    });
    await renderSettled(<BookingsScreen api={createAdminApi(() => 't', f.fetch)} timeZone="Asia/Ho_Chi_Minh" />, host);
    await settle();
    expect(host.querySelector('.notice-error')?.textContent).toBe('Bạn không có quyền.');
  });
});

describe('the bookings page in the admin app', () => {
  it('a supervisor opens /admin/bookings from the top bar', async () => {
    const { AdminApp } = await import('../admin.app.tsx');
    const { memoryStorage } = await import('../admin.testing.ts');
    const { TOKEN_KEY } = await import('../admin.session.ts');
    history.replaceState(null, '', '/admin/bookings');
    const f = fakeFetch({
      ...routes,
      'GET /api/config/public': () => ({ centerName: 'Trung tâm', timeZone: 'Asia/Ho_Chi_Minh', ratingLevels: [] }),
      'GET /api/auth/me': () => ({
        kind: 'user',
        user: { id: 'u', username: 'ld', displayName: 'Lãnh đạo', role: 'supervisor' },
      }),
    });
    await renderSettled(<AdminApp storage={memoryStorage({ [TOKEN_KEY]: 'tok' })} fetch={f.fetch} />, host);
    await settle();
    expect(host.querySelector('.main-nav a.active')?.textContent).toBe('Lịch hẹn');
    expect(host.querySelector('tr[data-booking=K7P2QX9M]')).not.toBeNull();
    history.replaceState(null, '', '/admin');
  });
});
