// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@ui/render.testing';
import { WelcomeScreen } from './welcome.screen.tsx';

describe('WelcomeScreen', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });
  const props = {
    centerName: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An',
    timeZone: 'Asia/Ho_Chi_Minh',
    connection: 'online' as const,
    disabled: false,
  };

  it('shows the center, the date dd/mm/yyyy and the time in the center time zone', () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T01:15:02Z') });
    const v = mount(<WelcomeScreen {...props} onStart={() => {}} />);
    expect(v.$('[data-testid=center-name]')!.textContent).toBe(props.centerName);
    expect(v.text()).toContain('Thứ Năm, 26/11/2026');
    expect(v.$('[data-testid=clock]')!.textContent).toBe('08:15:02');
    expect(v.text()).toContain('Chạm để lấy số');
  });

  it('a touch anywhere starts, once per touch', () => {
    const onStart = vi.fn();
    const v = mount(<WelcomeScreen {...props} onStart={onStart} />);
    v.click('[data-testid=start]');
    v.click('.welcome');
    expect(onStart).toHaveBeenCalledTimes(2);
  });

  it('offline: red banner, no start', () => {
    const onStart = vi.fn();
    const v = mount(<WelcomeScreen {...props} connection="offline" disabled onStart={onStart} />);
    expect(v.$('[data-testid=offline-banner]')!.textContent).toContain('Mất kết nối máy chủ — đang kết nối lại…');
    expect(v.$<HTMLButtonElement>('[data-testid=start]')!.disabled).toBe(true);
    v.click('.welcome');
    expect(onStart).not.toHaveBeenCalled();
  });
});
