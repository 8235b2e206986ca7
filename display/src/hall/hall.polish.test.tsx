// @vitest-environment happy-dom
import { mount } from '@ui/render.testing';
import { describe, expect, it } from 'vitest';
import type { CallDto, StateDto } from '@contract/dto';
import { AREA_PAGE_MS, HallScreen, areaPage } from './hall.screen.tsx';
import { hallReducer, initialHallState, type HallState } from './hall.state.ts';

/** Issue 17, hall display: a transferred ticket leaves the big box; an empty counters box does not take room. */
const call = (id: string, number: string, c: number, at: string): CallDto => ({
  ticket: { id, number, areaId: 'a1' },
  counter: { id: `c${c}`, number: c, name: `Quầy ${c} – Tư pháp` },
  recall: false,
  at,
});
const snap = (recentCalls: CallDto[]): StateDto => ({
  counters: [],
  areas: [{ id: 'a1', waiting: 1 }],
  recentCalls,
  businessDay: '2026-11-26',
  serverTime: '2026-11-26T02:00:00.000Z',
});
const waitingAgain = (id: string, number: string) => ({ id, number, status: 'waiting' as const });

describe('hall display after a transfer (issue 17)', () => {
  it('drops the transferred ticket from the big box; the call before it shows again', () => {
    let s: HallState = hallReducer(initialHallState(), { type: 'snapshot', state: snap([]), now: 0 });
    s = hallReducer(s, { type: 'called', call: call('t1', '1004', 2, '2026-11-26T02:00:00Z'), now: 1 });
    s = hallReducer(s, { type: 'called', call: call('t2', '1005', 1, '2026-11-26T02:01:00Z'), now: 2 });
    expect(s.calls[0]?.number).toBe('1005');
    s = hallReducer(s, { type: 'ticket', ticket: waitingAgain('t2', '1005') }); // transferred: back in a queue
    expect(s.calls.map((c) => c.number)).toEqual(['1004']);
    expect(s.flash).toBeNull();
  });

  it('a reconnect snapshot (which still lists the old call) does not bring it back; a new call of it does', () => {
    const old = call('t2', '1005', 1, '2026-11-26T02:01:00Z');
    let s: HallState = hallReducer(initialHallState(), { type: 'snapshot', state: snap([old]), now: 0 });
    s = hallReducer(s, { type: 'ticket', ticket: waitingAgain('t2', '1005') });
    s = hallReducer(s, { type: 'snapshot', state: snap([old]), now: 5 });
    expect(s.calls).toEqual([]);
    const again = call('t2', '1005', 3, '2026-11-26T02:05:00Z'); // called at the counter it was sent to
    s = hallReducer(s, { type: 'called', call: again, now: 6 });
    expect(s.calls.map((c) => `${c.number}→${c.counter.number}`)).toEqual(['1005→3']);
  });

  it('a finished or called ticket keeps its line (only a ticket sent back to a queue leaves)', () => {
    let s: HallState = hallReducer(initialHallState(), { type: 'snapshot', state: snap([]), now: 0 });
    s = hallReducer(s, { type: 'called', call: call('t1', '1004', 2, '2026-11-26T02:00:00Z'), now: 1 });
    s = hallReducer(s, { type: 'ticket', ticket: { id: 't1', number: '1004', status: 'done' } });
    s = hallReducer(s, { type: 'ticket', ticket: { id: 't1', number: '1004', status: 'serving' } });
    expect(s.calls.map((c) => c.number)).toEqual(['1004']);
  });
});

describe('hall display with no counter open (issue 17)', () => {
  it('collapses the empty "Các quầy đang phục vụ" box instead of drawing a full-size empty panel', () => {
    const { root: host } = mount(
      <HallScreen
        centerName="Trung tâm"
        timeZone="Asia/Ho_Chi_Minh"
        now={0}
        notice=""
        calls={[]}
        flashKey={null}
        counters={[]}
        areas={[{ id: 'a1', name: 'Lý lịch tư pháp', waiting: 3 }]}
        offline={false}
        sound="ok"
        onUnlock={() => undefined}
      />,
    );
    expect(host.querySelector('.hall-body')?.classList.contains('no-counters')).toBe(true);
    expect(host.querySelector('.col-counters')?.classList.contains('is-empty')).toBe(true);
    expect(host.querySelector('.col-counters')?.textContent).toContain('Hiện chưa có quầy nào mở.');
  });
});

describe('hall waiting list pages (issue 17: 40 px names, more areas than fit)', () => {
  const areas = Array.from({ length: 11 }, (_, i) => ({ id: `a${i}`, name: `Lĩnh vực ${i + 1}`, waiting: i }));
  it('shows eight areas a page and turns the page every 8 s, with "1/2" in the title', () => {
    expect(areaPage(areas, 0).rows.map((a) => a.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(areaPage(areas, AREA_PAGE_MS).rows.map((a) => a.id)).toEqual(['a8', 'a9', 'a10']);
    expect(areaPage(areas, 2 * AREA_PAGE_MS).page).toBe(0);
    expect(areaPage(areas.slice(0, 8), AREA_PAGE_MS)).toEqual({ rows: areas.slice(0, 8), page: 0, pages: 1 });
    const { root } = mount(
      <HallScreen
        centerName="Trung tâm"
        timeZone="Asia/Ho_Chi_Minh"
        now={AREA_PAGE_MS + 1}
        notice=""
        calls={[]}
        flashKey={null}
        counters={[]}
        areas={areas}
        offline={false}
        sound="ok"
        onUnlock={() => undefined}
      />,
    );
    expect(root.querySelectorAll('.area-row').length).toBe(3);
    expect(root.querySelector('[data-testid=areas-page]')?.textContent).toBe(' · 2/2');
  });
});

describe('hall display marks appointments and remote numbers (issue 13)', () => {
  it('on the big box, in the history and on a counter tile', () => {
    const { root } = mount(
      <HallScreen
        centerName="Trung tâm"
        timeZone="Asia/Ho_Chi_Minh"
        now={0}
        notice=""
        calls={[
          {
            key: 't2|c1',
            ticketId: 't2',
            number: '1005',
            areaId: 'a1',
            channel: 'appointment',
            counter: { id: 'c1', number: 1, name: 'Quầy 1' },
            recall: false,
            at: 'b',
          },
          {
            key: 't1|c2',
            ticketId: 't1',
            number: '1004',
            areaId: 'a1',
            channel: 'remote',
            counter: { id: 'c2', number: 2, name: 'Quầy 2' },
            recall: false,
            at: 'a',
          },
        ]}
        flashKey={null}
        counters={[
          {
            id: 'c1',
            number: 1,
            name: 'Quầy 1',
            areaIds: ['a1'],
            status: 'open',
            clerk: null,
            currentTicket: {
              id: 't2',
              number: '1005',
              areaId: 'a1',
              status: 'called',
              calledAt: null,
              priority: false,
              channel: 'appointment',
            },
            updatedAt: '',
          },
        ]}
        areas={[]}
        offline={false}
        sound="ok"
        onUnlock={() => undefined}
      />,
    );
    expect(root.querySelector('[data-testid=hero] .channel-badge')?.textContent).toBe('Đặt hẹn');
    expect(root.querySelector('[data-testid=history] .channel-badge')?.textContent).toBe('Từ xa');
    expect(root.querySelector('.tile[data-counter="1"] .channel-badge')?.textContent).toBe('Đặt hẹn');
  });

  it('keeps the channel of a live call on its line', () => {
    const c = {
      ...call('t9', '1009', 1, '2026-11-26T02:00:00Z'),
      ticket: { id: 't9', number: '1009', areaId: 'a1', channel: 'remote' as const },
    };
    const s = hallReducer(initialHallState(), { type: 'called', call: c, now: 0 });
    expect(s.calls[0]?.channel).toBe('remote');
  });
});
