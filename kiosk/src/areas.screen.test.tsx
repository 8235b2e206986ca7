// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AreasScreen } from './areas.screen.tsx';
import { area } from './kiosk.fixtures.ts';
import { mount } from '@ui/render.testing';

describe('AreasScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const areas = [
    area({ waiting: 7, estimatedWaitMin: 35 }),
    area({ id: 'a2', name: 'Hộ tịch', estimatedWaitMin: null }),
    area({ id: 'a3', name: 'Chứng thực', available: false, unavailableReason: 'outside_hours' }),
    area({ id: 'a4', name: 'Quốc tịch', available: false, unavailableReason: 'numbers_exhausted' }),
    area({ id: 'a5', name: 'Lĩnh vực mới', available: false, unavailableReason: 'no_counter' }),
  ];

  it('shows waiting people and the estimated wait, or that it cannot be estimated', () => {
    const v = mount(<AreasScreen areas={areas} disabled={false} onChoose={() => {}} />);
    const [a1, a2] = v.$$('[data-testid=area]');
    expect(a1!.querySelector('[data-testid=waiting]')!.textContent).toBe('7');
    expect(a1!.textContent).toContain('Khoảng 35 phút');
    expect(a2!.textContent).toContain('Chưa có quầy mở');
  });

  it('greys unavailable areas with the reason in Vietnamese, and they cannot be chosen', () => {
    const onChoose = vi.fn();
    const v = mount(<AreasScreen areas={areas} disabled={false} onChoose={onChoose} />);
    const off = v.$$<HTMLButtonElement>('.card--off');
    expect(off.map((b) => b.querySelector('[data-testid=reason]')!.textContent)).toEqual([
      'Ngoài giờ cấp số',
      'Đã hết số hôm nay',
      'Chưa có quầy phục vụ lĩnh vực này',
    ]);
    expect(off.every((b) => b.disabled)).toBe(true);
    v.click('[data-area-id=a3]');
    v.click('[data-area-id=a5]');
    v.click('[data-area-id=a1]');
    expect(onChoose.mock.calls).toEqual([['a1']]);
  });
});
