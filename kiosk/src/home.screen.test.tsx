// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HomeScreen, type HomeProps } from './home.screen.tsx';
import { TextContext, translator } from './kiosk.i18n.ts';
import { area, department } from './kiosk.fixtures.ts';
import { mount } from '@ui/render.testing';

const props = (over: Partial<HomeProps> = {}): HomeProps => ({
  departments: [department(), department({ id: 'd2', name: 'Công an tỉnh' })],
  areas: [area(), area({ id: 'a2', departmentId: 'd2' })],
  disabled: false,
  lookup: false,
  priorityGroup: null,
  offline: false,
  onSearch: vi.fn(),
  onPriority: vi.fn(),
  onDepartment: vi.fn(),
  ...over,
});

describe('HomeScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('the first screen offers the big search, the priority entry and the departments, each acting at once', () => {
    const p = props();
    const v = mount(<HomeScreen {...p} />);
    expect(v.$('[data-testid=start]')).toBeNull();
    expect(v.$('[data-testid=open-search]')!.textContent).toContain('Tìm thủ tục');
    expect(v.$('[data-testid=priority-entry]')!.textContent).toContain(
      'Người cao tuổi, khuyết tật, phụ nữ có thai, có con nhỏ',
    );
    v.click('[data-department-id=d2]');
    v.click('[data-testid=open-search]');
    v.click('[data-testid=priority-entry]');
    expect(p.onDepartment).toHaveBeenCalledWith('d2');
    expect(p.onSearch).toHaveBeenCalledOnce();
    expect(p.onPriority).toHaveBeenCalledOnce();
  });

  it('after the priority entry: the chosen group instead of the entry', () => {
    const v = mount(<HomeScreen {...props({ priorityGroup: 'Người khuyết tật' })} />);
    expect(v.$('[data-testid=priority-entry]')).toBeNull();
    expect(v.$('[data-testid=priority-chosen]')!.textContent).toContain('Người khuyết tật');
  });

  it('lookup: says it issues no numbers, and has no priority entry', () => {
    const v = mount(<HomeScreen {...props({ lookup: true })} />);
    expect(v.$('[data-testid=lookup-note]')!.textContent).toContain('không cấp số');
    expect(v.$('[data-testid=priority-entry]')).toBeNull();
  });

  it('disabled (offline): taps do nothing; the printer warning is shown', () => {
    const p = props({ disabled: true, offline: true, printerWarning: 'Máy in đã hết giấy.' });
    const v = mount(<HomeScreen {...p} />);
    v.click('[data-department-id=d1]');
    v.click('[data-testid=open-search]');
    expect(p.onDepartment).not.toHaveBeenCalled();
    expect(p.onSearch).not.toHaveBeenCalled();
    expect(v.$('[data-testid=printer-warning]')!.textContent).toContain('hết giấy');
  });

  it('in English', () => {
    const v = mount(
      <TextContext.Provider value={{ lang: 'en', t: translator('en') }}>
        <HomeScreen {...props()} />
      </TextContext.Provider>,
    );
    expect(v.$('[data-testid=open-search]')!.textContent).toContain('Find a procedure');
    expect(v.text()).toContain('Or choose a department');
    expect(v.text()).toContain('Sở Tư pháp');
  });
});
