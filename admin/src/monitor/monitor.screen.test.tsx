// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { AreaDto, CounterDto, ReportRow } from '../../../server/src/contract/dto.ts';
import type { QueueSocket } from '../../../server/src/client/socket.client.ts';
import type { AdminApi } from '../admin.api.ts';
import { MonitorScreen } from './monitor.screen.tsx';

let host: HTMLElement;
beforeEach(() => { host = document.createElement('div'); document.body.appendChild(host); });
afterEach(() => { render(null, host); host.remove(); });
const wait = (ms: number) => act(async () => { await new Promise((r) => setTimeout(r, ms)); });

function fakeSocket() {
  const handlers = new Map<string, ((...a: unknown[]) => void)[]>();
  const s = { on: (ev: string, fn: (...a: unknown[]) => void) => { handlers.set(ev, [...(handlers.get(ev) ?? []), fn]); return s; }, close: vi.fn() };
  return { socket: s as unknown as QueueSocket, emit: (ev: string, ...a: unknown[]) => act(async () => { for (const h of handlers.get(ev) ?? []) h(...a); }) };
}

const area: AreaDto = { id: 'a1', code: 'LLTP', name: 'Lý lịch tư pháp', departmentId: 'd', departmentName: '', departmentCode: 'STP', open: true, active: true, available: true,
  unavailableReason: null, waiting: 4, issuedToday: 9, dailyLimit: null, numberStart: 1001, numberEnd: 1999, targetWaitMinutes: 20, servingCounters: 1, estimatedWaitMin: 10, longestWaitSec: 25 * 60, hours: null, sort: 0 };
const counter: CounterDto = { id: 'c1', number: 3, name: 'Quầy 3', areaIds: ['a1'], status: 'open', clerk: { id: 'u', username: 'an', displayName: 'Nguyễn Văn An' },
  currentTicket: { number: '1005', areaId: 'a1', status: 'serving', calledAt: new Date(Date.now() - 95_000).toISOString(), priority: false }, updatedAt: '' };
const row: ReportRow = { key: 'LLTP', label: 'Lý lịch tư pháp', issued: 9, served: 5, noShow: 0, transferred: 0, expired: 0, avgWaitSec: 60, medianWaitSec: 60, p90WaitSec: 60, avgServiceSec: 60,
  serviceLevel: 1, ratings: { good: 3, bad: 1 }, ratedCount: 4, satisfiedShare: 0.75 };

describe('control room', () => {
  it('draws areas, counters with a running clock, alerts and ratings; refetches debounced on events and at once on a snapshot', async () => {
    const areas = vi.fn(async () => [area]);
    const api = { areas, counters: async () => [counter], report: async () => ({ from: '', to: '', groupBy: 'area', rows: [row], totals: row }) } as unknown as AdminApi;
    const s = fakeSocket();
    await act(async () => { render(<MonitorScreen api={api} token="t" timeZone="Asia/Ho_Chi_Minh" centerName="TT" levels={[{ key: 'good', label: 'Hài lòng' }, { key: 'bad', label: 'Chưa hài lòng' }]} connect={() => s.socket} debounceMs={30} />, host); });
    await wait(10);
    expect(host.querySelector('tr[data-area=LLTP]')?.className).toBe('over');
    expect(host.querySelector('tr[data-area=LLTP] .mon-wait')?.textContent).toBe('25:00');
    expect(host.querySelector('.mon-counter[data-counter="3"] .mc-ticket')?.textContent).toMatch(/^1005đang phục vụ · 01:3[5-6]$/);
    expect([...host.querySelectorAll('[data-alert]')].map((a) => a.getAttribute('data-alert'))).toEqual(['wait_over_target']);
    expect(host.querySelector('.mon-ratings tbody')?.textContent).toBe('LLTP3175 %');
    expect(areas).toHaveBeenCalledTimes(1);

    for (const ev of ['ticket:issued', 'queue:updated', 'counter:updated']) await s.emit(ev, {});
    expect(areas).toHaveBeenCalledTimes(1); // still inside the debounce window
    await wait(60);
    expect(areas).toHaveBeenCalledTimes(2); // three events, one refetch
    await s.emit('state:snapshot', {});
    await wait(1);
    expect(areas).toHaveBeenCalledTimes(3); // a snapshot refetches at once
    await s.emit('disconnect');
    expect(host.querySelector('.mon-conn')?.textContent).toContain('Mất kết nối');
  });
});
