// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PriorityScreen } from './priority.screen.tsx';
import { mount } from '@ui/render.testing';

describe('PriorityScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const groups = ['Người cao tuổi (từ 60 tuổi)', 'Người khuyết tật', 'Phụ nữ mang thai'];

  it('shows each group of the center settings and the proof note', () => {
    const v = mount(<PriorityScreen groups={groups} disabled={false} onChoose={() => {}} />);
    expect(v.$$('[data-testid=priority-group]').map((b) => b.textContent)).toEqual(groups);
    expect(v.text()).toContain('xuất trình giấy tờ chứng minh');
  });

  it('reports the group chosen', () => {
    const onChoose = vi.fn();
    const v = mount(<PriorityScreen groups={groups} disabled={false} onChoose={onChoose} />);
    v.click(v.$$('[data-testid=priority-group]')[1]!);
    expect(onChoose.mock.calls).toEqual([['Người khuyết tật']]);
  });

  it('disabled while offline or issuing', () => {
    const onChoose = vi.fn();
    const v = mount(<PriorityScreen groups={groups} disabled onChoose={onChoose} />);
    v.click('[data-testid=priority-group]');
    expect(onChoose).not.toHaveBeenCalled();
  });
});
