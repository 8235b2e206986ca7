// @vitest-environment happy-dom
import { withTestHost } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeSocket } from '@ui/socket.testing';
import type { AdminApi } from '../admin.api.ts';
import { MonitorScreen } from './monitor.screen.tsx';

/** Issue 13, staff side: the control room shows today's bookings due and missed. */
let host: HTMLElement;
withTestHost((h) => (host = h));

const base = {
  areas: async () => [],
  counters: async () => [],
  alerts: async () => ({ alerts: [] }),
  report: async () => ({ from: '', to: '', groupBy: 'area', rows: [], totals: null }),
};
async function mount(api: Record<string, unknown>) {
  await act(async () => {
    render(
      <MonitorScreen
        api={{ ...base, ...api } as unknown as AdminApi}
        token="t"
        timeZone="Asia/Ho_Chi_Minh"
        centerName="TT"
        levels={[]}
        connect={() => fakeSocket()}
      />,
      host,
    );
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 10));
  });
}

describe('control room bookings (issue 13)', () => {
  it("shows today's bookings due and missed, asking for today's date", async () => {
    const bookings = vi.fn(async (date: string) => ({
      date,
      totals: { booked: 7, checkedIn: 3, cancelled: 1, missed: 2, due: 4 },
      bookings: [],
    }));
    await mount({ bookings });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(bookings).toHaveBeenCalledWith(today);
    expect(host.querySelector('[data-kpi=bookings-due]')?.textContent).toBe('Hẹn sắp đến4');
    expect(host.querySelector('[data-kpi=bookings-missed]')?.textContent).toBe('Lỡ hẹn hôm nay2');
    expect(host.querySelector('[data-kpi=bookings-missed]')?.className).toContain('kpi-warn');
  });

  it('a server without bookings (or refusing them) still draws the room, without those two figures', async () => {
    await mount({ bookings: async () => Promise.reject(new Error('404')) });
    expect(host.querySelector('.mon-header')).not.toBeNull();
    expect(host.querySelector('[data-kpi=bookings-due]')).toBeNull();
  });
});
