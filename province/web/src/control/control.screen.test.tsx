// @vitest-environment happy-dom
import { withTestHost, renderSettled, settle } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { createProvinceApi, type HubCenter } from '../province.api.ts';
import { center, fakeHub } from '../province.testing.ts';
import { waitShort } from './center.tile.tsx';
import { ControlRoom } from './control.screen.tsx';

let host: HTMLElement;
withTestHost((h) => (host = h));
const NOW = Date.parse('2026-12-01T03:00:10.000Z');
const $$ = (sel: string) => [...host.querySelectorAll<HTMLElement>(sel)];

function hubWith(list: () => HubCenter[] | { status: number; body: unknown }) {
  return fakeHub((url) => {
    if (url.pathname !== '/api/province/centers') return undefined;
    const r = list();
    return Array.isArray(r) ? { body: r } : r;
  });
}

describe('province control room', () => {
  it('shows a tile per center, problems first, with waits against target, counters, served, satisfaction and lag', async () => {
    const hub = hubWith(() => [
      center('NL', { name: 'Xã Nghi Lộc' }),
      center('DL', { name: 'Xã Đô Lương', lagSec: 125 }, { longestWaitSec: 1500, targetWaitSec: 900 }),
      center('QL', { name: 'Xã Quỳnh Lưu', lastSeenAt: '2026-12-01T02:40:10.000Z' }, { linkState: 'offline' }),
      center('TC', { name: 'Xã Tân Kỳ' }, { openCounters: 0, waitingNoCounter: 4 }),
    ]);
    const api = createProvinceApi(() => 'tok', hub.fetch);
    await renderSettled(
      <ControlRoom api={api} timeZone="Asia/Ho_Chi_Minh" onUnauthorized={() => undefined} now={() => NOW} />,
      host,
    );
    expect(hub.calls[0]!.auth).toBe('Bearer tok');
    expect($$('.pv-tile').map((t) => t.dataset.code)).toEqual(['QL', 'DL', 'TC', 'NL']);
    const dl = host.querySelector<HTMLElement>('[data-code=DL]')!;
    expect(dl.querySelector('.wait-bad')!.textContent).toBe('25′/15′');
    expect(dl.textContent).toContain('Trễ 2 phút');
    expect(dl.textContent).toContain('✓ 30');
    expect(dl.textContent).toContain('☺ 90 %');
    expect(host.querySelector('[data-code=QL]')!.textContent).toContain('Mất kết nối 20 phút');
    expect($$('.pv-alert').map((a) => a.textContent)).toEqual([
      'Xã Quỳnh Lưu: mất kết nối 20 phút',
      'Xã Đô Lương: chờ lâu nhất 25:00, vượt mục tiêu 15:00',
      'Xã Tân Kỳ: 4 người chờ nhưng không có quầy nào mở',
    ]);
    expect(host.querySelector('.pv-totals')!.textContent).toContain('3/4Trung tâm kết nối');
  });

  it('filters 130 tiles by a search without diacritics and by "problems"', async () => {
    const list = Array.from({ length: 130 }, (_, i) =>
      center(`X${String(i).padStart(3, '0')}`, { name: `Xã số ${i}` }, i === 7 ? { linkState: 'offline' } : {}),
    );
    list[42]!.name = 'Xã Nghĩa Đàn';
    const api = createProvinceApi(() => 'tok', hubWith(() => list).fetch);
    await renderSettled(
      <ControlRoom api={api} timeZone="Asia/Ho_Chi_Minh" onUnauthorized={() => undefined} now={() => NOW} />,
      host,
    );
    expect($$('.pv-tile')).toHaveLength(130);
    const search = host.querySelector<HTMLInputElement>('input[name=q]')!;
    await act(async () => {
      search.value = 'nghia dan';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect($$('.pv-tile').map((t) => t.dataset.code)).toEqual(['X042']);
    await act(async () => {
      search.value = '';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () =>
      $$('.pv-filters .pill')
        .find((b) => b.textContent === 'Có vấn đề')!
        .click(),
    );
    expect($$('.pv-tile').map((t) => t.dataset.code)).toEqual(['X007']);
  });

  it('polls the hub again and redraws; a failed poll keeps the last tiles marked stale', async () => {
    let waiting = 5;
    let down = false;
    const hub = hubWith(() =>
      down
        ? {
            status: 503,
            body: { error: { code: 'storage.unavailable', message: 'Cơ sở dữ liệu tạm thời không dùng được.' } },
          }
        : [center('NL', { today: { ...center('NL').today, waiting } })],
    );
    const api = createProvinceApi(() => 'tok', hub.fetch);
    await renderSettled(
      <ControlRoom api={api} timeZone="Asia/Ho_Chi_Minh" onUnauthorized={() => undefined} pollMs={20} />,
      host,
    );
    expect(host.querySelector('.pv-num b')!.textContent).toBe('5');
    waiting = 9;
    await vi.waitFor(() => expect(host.querySelector('.pv-num b')!.textContent).toBe('9'));
    down = true;
    await vi.waitFor(() => expect(host.querySelector('.pv-stale')).not.toBeNull());
    expect(host.querySelector('.pv-num b')!.textContent).toBe('9');
    down = false;
    await vi.waitFor(() => expect(host.querySelector('.pv-stale')).toBeNull());
    const polls = hub.calls.length;
    expect(polls).toBeGreaterThanOrEqual(4);
  });

  it('a tile reads waits in minutes (seconds within the first), so hours fit beside the target', () => {
    expect([waitShort(14), waitShort(59), waitShort(60), waitShort(5776)]).toEqual(['14″', '59″', '1′', '96′']);
  });

  it('a refused session (401) sends the person back to the login', async () => {
    const onUnauthorized = vi.fn();
    const api = createProvinceApi(
      () => 'old',
      hubWith(() => ({ status: 401, body: { error: { code: 'auth.required', message: 'Cần đăng nhập' } } })).fetch,
    );
    await renderSettled(<ControlRoom api={api} timeZone="Asia/Ho_Chi_Minh" onUnauthorized={onUnauthorized} />, host);
    await settle();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
