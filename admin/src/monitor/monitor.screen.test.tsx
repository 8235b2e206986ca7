// @vitest-environment happy-dom
import { withTestHost } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { AreaDto, CounterDto, ReportRow } from '@contract/dto';
import { fakeSocket as sharedFakeSocket } from '@ui/socket.testing';
import type { AdminApi } from '../admin.api.ts';
import { MonitorScreen } from './monitor.screen.tsx';

let host: HTMLElement;
withTestHost((h) => (host = h));
const wait = (ms: number) =>
  act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });

/** The shared socket stand-in; `emit` fires inside act so the screen has refetched and redrawn when the test looks. */
function fakeSocket() {
  const socket = sharedFakeSocket();
  return {
    socket,
    emit: (ev: string, ...a: unknown[]) =>
      act(async () => {
        socket.fire(ev, ...a);
      }),
  };
}

const area: AreaDto = {
  id: 'a1',
  code: 'LLTP',
  name: 'Lý lịch tư pháp',
  departmentId: 'd',
  departmentName: '',
  departmentCode: 'STP',
  open: true,
  active: true,
  available: true,
  unavailableReason: null,
  waiting: 4,
  issuedToday: 9,
  dailyLimit: null,
  numberStart: 1001,
  numberEnd: 1999,
  targetWaitMinutes: 20,
  servingCounters: 1,
  estimatedWaitMin: 10,
  longestWaitSec: 25 * 60,
  hours: null,
  sort: 0,
};
const counter: CounterDto = {
  id: 'c1',
  number: 3,
  name: 'Quầy 3',
  areaIds: ['a1'],
  status: 'open',
  clerk: { id: 'u', username: 'an', displayName: 'Nguyễn Văn An' },
  currentTicket: {
    number: '1005',
    areaId: 'a1',
    status: 'serving',
    calledAt: new Date(Date.now() - 95_000).toISOString(),
    priority: false,
  },
  updatedAt: '',
};
const row: ReportRow = {
  key: 'LLTP',
  label: 'Lý lịch tư pháp',
  issued: 9,
  served: 5,
  noShow: 0,
  transferred: 0,
  expired: 0,
  avgWaitSec: 60,
  medianWaitSec: 60,
  p90WaitSec: 60,
  avgServiceSec: 60,
  serviceLevel: 1,
  ratings: { good: 3, bad: 1 },
  ratedCount: 4,
  satisfiedShare: 0.75,
};

describe('control room', () => {
  it('draws areas, counters with a running clock, alerts and ratings; refetches debounced on events and at once on a snapshot', async () => {
    const areas = vi.fn(async () => [area]);
    const stranded = {
      kind: 'stranded',
      key: 'stranded:counter:c2',
      severity: 'high',
      text: 'Số 1007 (LLTP – Lý lịch tư pháp) chờ riêng quầy 2 nhưng quầy đang đóng: không quầy nào khác gọi được.',
    };
    const alerts = vi.fn(async () => ({ alerts: [stranded] }));
    const api = {
      areas,
      alerts,
      counters: async () => [counter],
      report: async () => ({ from: '', to: '', groupBy: 'area', rows: [row], totals: row }),
    } as unknown as AdminApi;
    const s = fakeSocket();
    await act(async () => {
      render(
        <MonitorScreen
          api={api}
          token="t"
          timeZone="Asia/Ho_Chi_Minh"
          centerName="TT"
          levels={[
            { key: 'good', label: 'Hài lòng' },
            { key: 'bad', label: 'Chưa hài lòng' },
          ]}
          connect={() => s.socket}
          debounceMs={30}
        />,
        host,
      );
    });
    await wait(10);
    expect(host.querySelector('tr[data-area=LLTP]')?.className).toBe('over');
    expect(host.querySelector('tr[data-area=LLTP] .mon-wait')?.textContent).toBe('25:00');
    expect(host.querySelector('.mon-counter[data-counter="3"] .mc-ticket')?.textContent).toMatch(
      /^1005đang phục vụ · 01:3[5-6]$/,
    );
    // The server's alert names the stranded ticket and its area, next to the wall screen's own.
    expect([...host.querySelectorAll('[data-alert]')].map((a) => a.getAttribute('data-alert'))).toEqual([
      'wait_over_target',
      'stranded',
    ]);
    expect(host.querySelector('[data-alert=stranded]')?.textContent).toContain(
      'Số 1007 (LLTP – Lý lịch tư pháp) chờ riêng quầy 2 nhưng quầy đang đóng',
    );
    expect(host.querySelector('.mon-ratings tbody')?.textContent).toBe('LLTP3175 %');
    expect(areas).toHaveBeenCalledTimes(1);

    for (const ev of ['ticket:issued', 'queue:updated', 'counter:updated']) await s.emit(ev, {});
    expect(areas).toHaveBeenCalledTimes(1); // still inside the debounce window
    await wait(60);
    expect(areas).toHaveBeenCalledTimes(2); // three events, one refetch
    expect(alerts).toHaveBeenCalledTimes(2); // the server's alerts with it
    await s.emit('state:snapshot', {});
    await wait(1);
    expect(areas).toHaveBeenCalledTimes(3); // a snapshot refetches at once
    await s.emit('disconnect');
    expect(host.querySelector('.mon-conn')?.textContent).toContain('Mất kết nối');
  });

  it('closes an area after a confirm and reopens it, refetching the areas; shows the server error; one action at a time', async () => {
    let open = true;
    let release: () => void = () => undefined;
    const areas = vi.fn(async () => [{ ...area, open }]);
    const setAreaOpen = vi.fn(async (_id: string, next: boolean) => {
      if (setAreaOpen.mock.calls.length === 3)
        throw Object.assign(new Error('Chỉ lãnh đạo hoặc quản trị viên được thực hiện.'), { code: 'auth.forbidden' });
      await new Promise<void>((r) => {
        release = r;
      });
      open = next;
      return { ...area, open };
    });
    const api = {
      areas,
      setAreaOpen,
      alerts: async () => ({ alerts: [] }),
      counters: async () => [counter],
      report: async () => ({ from: '', to: '', groupBy: 'area', rows: [], totals: null }),
    } as unknown as AdminApi;
    const ask = vi.fn((_q: string) => true).mockReturnValueOnce(false);
    vi.stubGlobal('confirm', ask);
    await act(async () => {
      render(
        <MonitorScreen
          api={api}
          token="t"
          timeZone="Asia/Ho_Chi_Minh"
          centerName="TT"
          levels={[]}
          connect={() => fakeSocket().socket}
        />,
        host,
      );
    });
    await wait(10);
    const button = () => host.querySelector('tr[data-area=LLTP] button') as HTMLButtonElement;
    expect(button().textContent).toBe('Tạm ngừng cấp số');

    await act(async () => {
      button().click();
    }); // the first confirm is refused: nothing is sent
    expect(ask.mock.calls[0]?.[0]).toBe(
      'Tạm ngừng cấp số cho lĩnh vực LLTP – Lý lịch tư pháp? Ki-ốt sẽ không cấp số mới; người đang chờ vẫn được phục vụ.',
    );
    expect(setAreaOpen).not.toHaveBeenCalled();

    await act(async () => {
      button().click();
    });
    expect(button().disabled).toBe(true);
    expect(button().textContent).toBe('Đang xử lý…');
    await act(async () => {
      button().click();
    }); // disabled while in flight
    expect(setAreaOpen).toHaveBeenCalledTimes(1);
    await act(async () => {
      release();
    });
    await wait(10);
    expect(setAreaOpen).toHaveBeenLastCalledWith('a1', false);
    expect(areas).toHaveBeenCalledTimes(2); // refetched after the action, no socket event needed
    expect(host.querySelector('tr[data-area=LLTP]')?.className).toContain('closed');
    expect(host.querySelector('tr[data-area=LLTP] .mon-tag')?.textContent).toBe('Đang tạm ngừng');
    expect(host.querySelector('.mon-note.ok')?.textContent).toBe('Đã tạm ngừng cấp số cho lĩnh vực LLTP.');
    expect(button().textContent).toBe('Mở cấp số');

    await act(async () => {
      button().click();
    }); // reopening asks nothing
    expect(ask).toHaveBeenCalledTimes(2);
    await act(async () => {
      release();
    });
    await wait(10);
    expect(setAreaOpen).toHaveBeenLastCalledWith('a1', true);
    expect(host.querySelector('tr[data-area=LLTP] .mon-tag')).toBeNull();
    expect(host.querySelector('.mon-note.ok')?.textContent).toBe('Đã mở cấp số lại cho lĩnh vực LLTP.');

    await act(async () => {
      button().click();
    });
    await wait(10);
    expect(host.querySelector('.mon-note.error')?.textContent).toBe(
      'Không thay đổi được lĩnh vực LLTP: Chỉ lãnh đạo hoặc quản trị viên được thực hiện.',
    );
    expect(button().disabled).toBe(false);
    vi.unstubAllGlobals();
  });
});
