// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TakeScreen, type TakeProps } from './take.screen.tsx';
import { area, procedure } from './kiosk.fixtures.ts';
import { mount } from '@ui/render.testing';

const props = (over: Partial<TakeProps> = {}): TakeProps => ({
  area: area(),
  procedure: procedure(),
  priorityGroup: null,
  lookup: false,
  counters: [],
  disabled: false,
  onTake: vi.fn(),
  ...over,
});

describe('TakeScreen (the procedure card)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('papers to bring, fee, time limit and the big "Lấy số"', () => {
    const p = props();
    const v = mount(<TakeScreen {...p} />);
    expect(v.$('[data-testid=chosen-name]')!.textContent).toBe('Đăng ký khai sinh');
    expect(v.$$('[data-testid=documents] li')).toHaveLength(2);
    expect(v.$('[data-testid=fee]')!.textContent).toBe('Miễn lệ phí');
    expect(v.$('[data-testid=time-limit]')!.textContent).toBe('Trong ngày');
    expect(v.$('[data-testid=take]')!.textContent).toBe('Lấy số');
    v.click('[data-testid=take]');
    expect(p.onTake).toHaveBeenCalledOnce();
  });

  it('missing facts send the citizen to ask, never an empty line', () => {
    const v = mount(<TakeScreen {...props({ procedure: procedure({ fee: '', timeLimit: '', documents: [] }) })} />);
    expect(v.$('[data-testid=fee]')!.textContent).toBe('Xin hỏi tại quầy');
    expect(v.text()).toContain('Xin hỏi quầy hướng dẫn về giấy tờ cần mang.');
  });

  it('an area chosen without a procedure: its name, waiting, the shared "no counter open" words', () => {
    const v = mount(<TakeScreen {...props({ procedure: null, area: area({ estimatedWaitMin: null }) })} />);
    expect(v.$('[data-testid=chosen-name]')!.textContent).toBe('Lý lịch tư pháp');
    expect(v.$('[data-testid=take-wait]')!.textContent).toBe('Chưa có quầy mở');
    // The estimate's label is a line of its own above the value (the layout itself: test/kiosk.take.layout.e2e).
    expect(v.$('.take__stat-label')!.textContent).toBe('Thời gian chờ dự kiến');
    expect(v.$('.take__stat-label')!.nextElementSibling).toBe(v.$('[data-testid=take-wait]'));
    expect(v.$('[data-testid=documents]')).toBeNull();
  });

  it('a closed area: the reason, no button', () => {
    const v = mount(<TakeScreen {...props({ area: area({ available: false, unavailableReason: 'closed' }) })} />);
    expect(v.$('[data-testid=take]')).toBeNull();
    expect(v.$('[data-testid=reason]')!.textContent).toContain('Tạm ngừng cấp số');
  });

  it('the priority group chosen is shown; disabled while issuing', () => {
    const p = props({ priorityGroup: 'Người cao tuổi', disabled: true });
    const v = mount(<TakeScreen {...p} />);
    expect(v.$('[data-testid=take-priority]')!.textContent).toContain('Người cao tuổi');
    v.click('[data-testid=take]');
    expect(p.onTake).not.toHaveBeenCalled();
  });

  it('lookup: which counters serve the area, and no "Lấy số"', () => {
    const v = mount(<TakeScreen {...props({ lookup: true, counters: [3, 5] })} />);
    expect(v.$('[data-testid=take]')).toBeNull();
    expect(v.$('[data-testid=counters]')!.textContent).toBe('Quầy phục vụ: Quầy 3, Quầy 5');
    const none = mount(<TakeScreen {...props({ lookup: true, counters: [] })} />);
    expect(none.$('[data-testid=counters]')!.textContent).toContain('Chưa có quầy phục vụ');
  });
});
