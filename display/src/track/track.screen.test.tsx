// @vitest-environment happy-dom
import { render } from 'preact';
import { mount } from '@ui/render.testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallDto, StateDto, TicketDto } from '@contract/dto';
import { NO_COUNTER_OPEN } from '@ui/wait.words';
import { TrackScreen } from './track.screen.tsx';
import {
  statusWords,
  ticketIdFromPath,
  trackReducer,
  transferWords,
  waitWords,
  type TrackState,
} from './track.state.ts';

const ticket = (over: Partial<TicketDto> = {}): TicketDto => ({
  channel: 'kiosk',
  id: 'tk1',
  number: '1005',
  areaId: 'a1',
  areaCode: 'HTCT',
  areaName: 'Hộ tịch, chứng thực, quốc tịch',
  departmentId: 'd',
  departmentName: 'Sở Tư pháp',
  status: 'waiting',
  priority: false,
  priorityGroup: null,
  businessDay: '2026-11-26',
  issuedAt: '2026-11-26T08:15:02+07:00',
  calledAt: null,
  finishedAt: null,
  waitingAhead: 7,
  estimatedWaitMin: 21,
  counter: null,
  targetCounterId: null,
  recalls: 0,
  transfers: 0,
  trackUrl: '/t/tk1',
  dossierCode: null,
  note: null,
  procedure: null,
  ...over,
});
const call = (over: Partial<CallDto> = {}): CallDto => ({
  ticket: { id: 'tk1', number: '1005', areaId: 'a1' },
  counter: { id: 'c3', number: 3, name: 'Quầy 3' },
  recall: false,
  at: '2026-11-26T09:00:00+07:00',
  ...over,
});
const ready = (t: TicketDto): TrackState => ({
  phase: 'ready',
  ticket: t,
  updatedAt: Date.parse('2026-11-26T02:20:00Z'),
  liveCalls: 0,
});

let host: HTMLElement | null = null;
const draw = (state: TrackState, offline = false) =>
  (host = mount(
    <TrackScreen
      state={state}
      centerName="Trung tâm Phục vụ hành chính công tỉnh Nghệ An"
      timeZone="Asia/Ho_Chi_Minh"
      offline={offline}
    />,
  ).root);
afterEach(() => {
  if (host) {
    render(null, host);
    host.remove();
    host = null;
  }
});

describe('tracking page reducer', () => {
  it('first draw from GET, then its own ticket:updated and ticket:called; a call counts for the buzz', () => {
    let s = trackReducer({ phase: 'loading' }, { type: 'loaded', ticket: ticket(), now: 1 });
    s = trackReducer(s, { type: 'updated', ticket: ticket({ waitingAhead: 3 }), now: 2 });
    expect(s.phase === 'ready' && s.ticket.waitingAhead).toBe(3);
    s = trackReducer(s, { type: 'called', call: call(), now: 3 });
    expect(s.phase === 'ready' && [s.ticket.status, s.ticket.counter?.number, s.liveCalls]).toEqual(['called', 3, 1]);
    s = trackReducer(s, { type: 'called', call: call({ recall: true, at: 'later' }), now: 4 });
    expect(s.phase === 'ready' && s.liveCalls).toBe(2);
  });

  it('ignores anything about another ticket and snapshots without a ticket', () => {
    const s = trackReducer({ phase: 'loading' }, { type: 'loaded', ticket: ticket(), now: 1 });
    expect(trackReducer(s, { type: 'updated', ticket: ticket({ id: 'other', status: 'done' }), now: 2 })).toBe(s);
    expect(
      trackReducer(s, { type: 'called', call: call({ ticket: { id: 'other', number: '9', areaId: 'a1' } }), now: 2 }),
    ).toBe(s);
    const snap: StateDto = { counters: [], areas: [], recentCalls: [], businessDay: '', serverTime: '' };
    expect(trackReducer(s, { type: 'snapshot', state: snap, now: 2 })).toBe(s);
    const fresh = trackReducer(s, {
      type: 'snapshot',
      state: { ...snap, ticket: ticket({ status: 'serving' }) },
      now: 3,
    });
    expect(fresh.phase === 'ready' && fresh.ticket.status).toBe('serving');
  });

  it('keeps the ticket on screen when a refresh fails', () => {
    const s = trackReducer({ phase: 'loading' }, { type: 'loaded', ticket: ticket(), now: 1 });
    expect(trackReducer(s, { type: 'failed', message: 'x' })).toBe(s);
    expect(trackReducer({ phase: 'loading' }, { type: 'failed', message: 'Mất kết nối' })).toEqual({
      phase: 'error',
      message: 'Mất kết nối',
    });
  });

  it('words and paths', () => {
    expect(statusWords(ticket()).text).toBe('Đang chờ');
    expect(statusWords(ticket({ status: 'called', counter: { id: 'c', number: 3, name: '' } })).text).toBe(
      'Mời bạn đến quầy số 3',
    );
    expect(statusWords(ticket({ status: 'serving' })).text).toBe('Đang được phục vụ');
    expect(statusWords(ticket({ status: 'done' })).text).toBe('Đã hoàn thành');
    expect(statusWords(ticket({ status: 'no_show' })).text).toBe('Đã bỏ qua — vui lòng liên hệ quầy');
    expect(statusWords(ticket({ status: 'expired' })).text).toBe('Đã hết hạn');
    expect(waitWords(21.4)).toBe('Khoảng 21 phút');
    expect(waitWords(80)).toBe('Khoảng 1 giờ 20 phút');
    expect(waitWords(null)).toBeNull();
    expect(ticketIdFromPath('/t/abc_DEF-1')).toBe('abc_DEF-1');
    expect(ticketIdFromPath('/t/')).toBeNull();
  });
});

describe('tracking page screen', () => {
  it('waiting: number, area, "Đang chờ", people ahead and estimated wait', () => {
    const el = draw(ready(ticket()));
    expect(el.querySelector('[data-testid=number]')!.textContent).toBe('1005');
    expect(el.textContent).toContain('Hộ tịch, chứng thực, quốc tịch');
    expect(el.querySelector('[data-testid=status]')!.textContent).toContain('Đang chờ');
    expect(el.querySelector('[data-testid=ahead]')!.textContent).toBe('7');
    expect(el.textContent).toContain('Khoảng 21 phút');
    expect(el.textContent).toContain('08:15 26/11/2026');
  });

  it('no counter open yet: the same words as the kiosk (one shared wording)', () => {
    const root = draw(ready(ticket({ estimatedWaitMin: null, waitingAhead: 2 })));
    expect(root.textContent).toContain(NO_COUNTER_OPEN.vi);
    expect(root.textContent).toContain('Chưa có quầy mở');
    expect(root.textContent).not.toContain('Đang tính');
  });

  it('called: the big "Mời bạn đến quầy số 3"', () => {
    const el = draw(
      ready(ticket({ status: 'called', waitingAhead: 0, counter: { id: 'c3', number: 3, name: 'Quầy 3' } })),
    );
    const status = el.querySelector('[data-testid=status]')!;
    expect(status.textContent).toContain('Mời bạn đến quầy số 3');
    expect(status.classList.contains('tone-call')).toBe(true);
    expect(el.querySelector('[data-testid=ahead]')).toBeNull();
  });

  it.each([
    ['serving', 'Đang được phục vụ'],
    ['done', 'Đã hoàn thành'],
    ['no_show', 'Đã bỏ qua — vui lòng liên hệ quầy'],
    ['expired', 'Đã hết hạn'],
  ] as const)('%s: %s', (status, words) => {
    const el = draw(ready(ticket({ status, counter: { id: 'c3', number: 3, name: 'Quầy 3' } })));
    expect(el.querySelector('[data-testid=status]')!.textContent).toContain(words);
  });

  it('unknown id: a clear "Không tìm thấy số thứ tự"', () => {
    const el = draw({ phase: 'notfound' });
    expect(el.querySelector('h1')!.textContent).toBe('Không tìm thấy số thứ tự');
  });

  it('loading and lost connection', () => {
    expect(draw({ phase: 'loading' }).textContent).toContain('Đang tải');
    render(null, host!);
    host!.remove();
    expect(draw(ready(ticket()), true).textContent).toContain('Mất kết nối');
  });
});

describe('tracking page after a transfer', () => {
  it('the ticket:updated of a transfer to a counter says "Bạn được chuyển sang quầy số 3"', () => {
    let s = trackReducer(
      { phase: 'loading' },
      {
        type: 'loaded',
        ticket: ticket({ status: 'called', counter: { id: 'c1', number: 1, name: 'Quầy 1' } }),
        now: 1,
      },
    );
    s = trackReducer(s, {
      type: 'updated',
      ticket: ticket({
        transfers: 1,
        targetCounterId: 'c3',
        waitingFor: { counterNumber: 3, counterName: 'Quầy 3 – Hộ tịch' },
      }),
      now: 2,
    });
    const el = draw(s);
    expect(el.querySelector('[data-testid=moved]')!.textContent).toBe('Bạn được chuyển sang quầy số 3');
    expect(el.querySelector('[data-testid=status]')!.textContent).toContain('Đang chờ quầy số 3');
  });

  it('a transfer to an area names the new area', () => {
    const moved = ticket({ transfers: 1, areaId: 'a2', areaName: 'Đăng ký kinh doanh', waitingFor: null });
    expect(transferWords(moved)).toBe('Bạn được chuyển sang lĩnh vực Đăng ký kinh doanh');
    expect(draw(ready(moved)).querySelector('[data-testid=moved]')!.textContent).toBe(
      'Bạn được chuyển sang lĩnh vực Đăng ký kinh doanh',
    );
  });

  it('says nothing of a transfer before one, or once the ticket is called again', () => {
    expect(transferWords(ticket())).toBeNull();
    expect(
      transferWords(ticket({ transfers: 1, status: 'called', counter: { id: 'c3', number: 3, name: 'Quầy 3' } })),
    ).toBeNull();
    expect(draw(ready(ticket())).querySelector('[data-testid=moved]')).toBeNull();
  });
});
