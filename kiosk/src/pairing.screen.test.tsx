// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PairingScreen } from './pairing.screen.tsx';
import { mount } from '@ui/render.testing';

describe('PairingScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('takes six digits on the keypad, then pairs', () => {
    const onPair = vi.fn();
    const v = mount(<PairingScreen busy={false} onPair={onPair} />);
    const pair = v.$<HTMLButtonElement>('[data-testid=pair]')!;
    for (const d of '12345') v.click(`[data-key="${d}"]`);
    expect(pair.disabled).toBe(true);
    v.click('[data-key="9"]');
    v.click('[data-key="back"]');
    v.click('[data-key="6"]');
    v.click('[data-key="7"]'); // a seventh digit is ignored
    expect(v.$('[data-testid=pairing-code]')!.textContent).toBe('123456');
    expect(pair.disabled).toBe(false);
    v.click(pair);
    expect(onPair).toHaveBeenCalledWith('123456');
  });

  it('says why it is here and what went wrong', () => {
    const v = mount(
      <PairingScreen
        busy={false}
        message="Mã thiết bị đã bị thu hồi."
        error="Mã ghép nối không đúng hoặc đã hết hạn."
        onPair={() => {}}
      />,
    );
    expect(v.$('[data-testid=pairing-message]')!.textContent).toContain('đã bị thu hồi');
    expect(v.$('[data-testid=pairing-error]')!.textContent).toContain('không đúng');
  });

  it('busy: keys and pairing disabled', () => {
    const v = mount(<PairingScreen busy onPair={() => {}} />);
    expect(v.$$<HTMLButtonElement>('button').every((b) => b.disabled)).toBe(true);
    expect(v.text()).toContain('Đang ghép nối…');
  });
});
