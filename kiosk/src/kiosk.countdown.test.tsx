// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { IdleCountdown } from './kiosk.countdown.tsx';
import { TextContext, translator } from './kiosk.i18n.ts';
import { mount } from '@ui/render.testing';

describe('IdleCountdown', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the seconds left, or nothing', () => {
    expect(mount(<IdleCountdown secondsLeft={null} />).$('[data-testid=idle-countdown]')).toBeNull();
    const v = mount(<IdleCountdown secondsLeft={7} />);
    expect(v.$('[data-testid=idle-countdown]')!.textContent).toContain('Tự động về trang đầu sau 7 giây');
    expect(v.$('[data-testid=stay]')!.textContent).toBe('Chạm để tiếp tục');
  });

  it('in English', () => {
    const v = mount(
      <TextContext.Provider value={{ lang: 'en', t: translator('en') }}>
        <IdleCountdown secondsLeft={3} />
      </TextContext.Provider>,
    );
    expect(v.text()).toContain('Back to the start in 3 s');
  });
});
