// @vitest-environment happy-dom
import { render } from 'preact';
import { mount } from '@ui/render.testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { CounterDto } from '@contract/dto';
import { SignScreen, type SignScreenProps } from './sign.screen.tsx';

const counter = (over: Partial<CounterDto> = {}): CounterDto => ({
  id: 'c3',
  number: 3,
  name: 'Quầy 3 – Đầu tư, doanh nghiệp',
  areaIds: [],
  status: 'open',
  clerk: { id: 'u', username: 'lan', displayName: 'Nguyễn Thị Lan' },
  currentTicket: { number: '3012', areaId: 'a', status: 'serving', calledAt: null, priority: false },
  updatedAt: '',
  ...over,
});
const props = (over: Partial<SignScreenProps> = {}): SignScreenProps => ({
  number: 3,
  counter: counter(),
  synced: true,
  flashing: false,
  offline: false,
  now: Date.parse('2026-11-26T02:15:02Z'),
  timeZone: 'Asia/Ho_Chi_Minh',
  centerName: 'Trung tâm',
  ...over,
});
let host: HTMLElement;
const draw = (p: SignScreenProps) => (host = mount(<SignScreen {...p} />).root);
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('SignScreen', () => {
  it('shows the counter, its name, the number served and the clerk', () => {
    const el = draw(props());
    expect(el.querySelector('[data-testid=sign-title]')!.textContent).toBe('QUẦY 3');
    expect(el.textContent).toContain('Đầu tư, doanh nghiệp');
    expect(el.querySelector('[data-testid=sign-number]')!.textContent).toBe('3012');
    expect(el.textContent).toContain('ĐANG PHỤC VỤ SỐ');
    expect(el.textContent).toContain('Nguyễn Thị Lan');
  });
  it('paused, closed, idle and unknown counters', () => {
    expect(
      draw(props({ counter: counter({ status: 'paused' }) })).querySelector('[data-testid=sign-state]')!.textContent,
    ).toBe('Tạm dừng');
    render(null, host);
    host.remove();
    expect(
      draw(props({ counter: counter({ status: 'closed', currentTicket: null }) })).querySelector(
        '[data-testid=sign-state]',
      )!.textContent,
    ).toBe('Quầy đóng');
    render(null, host);
    host.remove();
    expect(draw(props({ counter: counter({ currentTicket: null }) })).textContent).toContain('SẴN SÀNG PHỤC VỤ');
    render(null, host);
    host.remove();
    expect(draw(props({ counter: null })).textContent).toContain('Không tìm thấy quầy số 3');
  });
});
