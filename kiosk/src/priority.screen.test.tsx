// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { area } from './kiosk.fixtures.ts';
import { PriorityScreen } from './priority.screen.tsx';
import { mount } from '@ui/render.testing';

describe('PriorityScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const groups = ['Người cao tuổi (từ 60 tuổi)', 'Người khuyết tật', 'Phụ nữ mang thai'];

  it('shows the chosen area, a big "not priority" and each group', () => {
    const v = mount(<PriorityScreen area={area()} groups={groups} disabled={false} onChoose={() => {}} />);
    expect(v.$('[data-testid=chosen-area]')!.textContent).toBe('Lý lịch tư pháp');
    expect(v.$('[data-testid=no-priority]')!.textContent).toContain('Không thuộc đối tượng ưu tiên');
    expect(v.$$('[data-testid=priority-group]').map((b) => b.textContent)).toEqual(groups);
  });

  it('reports the choice', () => {
    const onChoose = vi.fn();
    const v = mount(<PriorityScreen area={area()} groups={groups} disabled={false} onChoose={onChoose} />);
    v.click('[data-testid=no-priority]');
    v.click(v.$$('[data-testid=priority-group]')[1]!);
    expect(onChoose.mock.calls).toEqual([
      [false, null],
      [true, 'Người khuyết tật'],
    ]);
  });

  it('disabled while a ticket is being issued', () => {
    const onChoose = vi.fn();
    const v = mount(<PriorityScreen area={area()} groups={groups} disabled onChoose={onChoose} />);
    v.click('[data-testid=no-priority]');
    expect(onChoose).not.toHaveBeenCalled();
  });
});
