// @vitest-environment happy-dom
import { render } from 'preact';
import { mount } from '@ui/render.testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CounterDto } from '@contract/dto';
import { HallScreen, counterLabel, type HallScreenProps } from './hall.screen.tsx';

const counter = (n: number, over: Partial<CounterDto> = {}): CounterDto => ({
  id: `c${n}`,
  number: n,
  name: `Quầy ${n} – Tư pháp`,
  areaIds: ['a1'],
  status: 'open',
  clerk: null,
  currentTicket: null,
  updatedAt: '',
  ...over,
});
const props = (over: Partial<HallScreenProps> = {}): HallScreenProps => ({
  centerName: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An',
  timeZone: 'Asia/Ho_Chi_Minh',
  now: Date.parse('2026-11-26T02:15:02Z'),
  notice: 'Làm việc từ thứ Hai đến sáng thứ Bảy',
  calls: [
    {
      key: 't2|c3',
      number: '1005',
      areaId: 'a1',
      counter: { id: 'c3', number: 3, name: 'Quầy 3 – Đầu tư' },
      recall: false,
      at: 'b',
    },
    {
      key: 't1|c1',
      number: '1004',
      areaId: 'a1',
      counter: { id: 'c1', number: 1, name: 'Quầy 1' },
      recall: false,
      at: 'a',
    },
  ],
  flashKey: 't2|c3',
  counters: [
    counter(1, { currentTicket: { number: '1004', areaId: 'a1', status: 'serving', calledAt: null, priority: false } }),
    counter(3, { status: 'paused' }),
  ],
  areas: [{ id: 'a1', name: 'Hộ tịch', waiting: 7 }],
  offline: false,
  sound: 'ok',
  onUnlock: () => undefined,
  ...over,
});

let host: HTMLElement;
const draw = (p: HallScreenProps) => (host = mount(<HallScreen {...p} />).root);
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('HallScreen', () => {
  it('shows the heading, the newest call big and blinking, its counter, the history, counters and areas', () => {
    const el = draw(props());
    expect(el.textContent).toContain('MỜI CÔNG DÂN CÓ SỐ');
    expect(el.querySelector('[data-testid=hero-number]')!.textContent).toBe('1005');
    expect(el.querySelector('[data-testid=hero-counter]')!.textContent).toBe('QUẦY 3');
    expect(el.querySelector('[data-testid=hero]')!.classList.contains('flashing')).toBe(true);
    expect(el.querySelector('[data-testid=history]')!.textContent).toContain('1004');
    expect(el.querySelector('[data-counter="1"]')!.textContent).toContain('1004');
    expect(el.querySelector('[data-counter="3"]')!.textContent).toContain('Tạm dừng');
    expect(el.querySelector('[data-testid=areas]')!.textContent).toContain('Hộ tịch7');
    expect(el.textContent).toContain('26/11/2026');
    expect(el.textContent).toContain('09:15:02');
    expect(el.textContent).toContain('Làm việc từ thứ Hai');
  });

  it('says when nothing was called yet, and when the server is unreachable', () => {
    const el = draw(props({ calls: [], flashKey: null, offline: true }));
    expect(el.textContent).toContain('Chưa có số được gọi');
    expect(el.textContent).toContain('Mất kết nối máy chủ');
  });

  it('asks once for the "Bật âm thanh" tap, then warns while sound stays blocked', () => {
    const onUnlock = vi.fn();
    const el = draw(props({ sound: 'setup', onUnlock }));
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Bật âm thanh')!;
    button.click();
    expect(onUnlock).toHaveBeenCalledOnce();
    render(<HallScreen {...props({ sound: 'blocked', onUnlock })} />, host);
    expect(el.textContent).not.toContain('Bật âm thanh');
    expect(el.textContent).toContain('Âm thanh đang bị chặn');
  });

  it('strips the counter number from its name', () => {
    expect(counterLabel('Quầy 3 – Đầu tư, doanh nghiệp', 3)).toBe('Đầu tư, doanh nghiệp');
    expect(counterLabel('Một cửa', 3)).toBe('Một cửa');
  });
});
