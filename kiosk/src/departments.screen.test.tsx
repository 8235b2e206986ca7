// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DepartmentsScreen } from './departments.screen.tsx';
import { area, department } from './kiosk.fixtures.ts';
import { mount } from '@ui/render.testing';

describe('DepartmentsScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const departments = [department(), department({ id: 'd2', name: 'Công an tỉnh' })];
  const areas = [
    area({ waiting: 3 }),
    area({ id: 'a2', waiting: 2 }),
    area({ id: 'a3', departmentId: 'd2', available: false, unavailableReason: 'closed' }),
  ];

  it('lists departments with their areas and waiting people; a closed one says so', () => {
    const v = mount(<DepartmentsScreen departments={departments} areas={areas} disabled={false} onChoose={() => {}} />);
    const cards = v.$$('[data-testid=department]');
    expect(cards.map((c) => c.querySelector('.card__name')!.textContent)).toEqual(['Sở Tư pháp', 'Công an tỉnh']);
    expect(cards[0]!.textContent).toContain('5 người đang chờ');
    expect(cards[1]!.textContent).toContain('Tạm ngừng cấp số');
    expect(cards[1]!.classList.contains('card--off')).toBe(true);
  });

  it('a tap chooses the department', () => {
    const onChoose = vi.fn();
    const v = mount(<DepartmentsScreen departments={departments} areas={areas} disabled={false} onChoose={onChoose} />);
    v.click('[data-department-id=d2]');
    expect(onChoose).toHaveBeenCalledWith('d2');
  });

  it('disabled (offline or issuing): taps do nothing', () => {
    const onChoose = vi.fn();
    const v = mount(<DepartmentsScreen departments={departments} areas={areas} disabled onChoose={onChoose} />);
    v.click('[data-department-id=d1]');
    expect(onChoose).not.toHaveBeenCalled();
  });
});
