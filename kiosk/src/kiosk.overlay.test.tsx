// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IssueOverlay } from './kiosk.overlay.tsx';
import { ConnectionBanner } from './kiosk.layout.tsx';
import { mount } from '@ui/render.testing';

describe('IssueOverlay and ConnectionBanner', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const noop = () => {};

  it('in flight: "Đang lấy số thứ tự…"', () => {
    const v = mount(
      <IssueOverlay issuing error={null} canRetry={false} disabled={false} onRetry={noop} onClose={noop} />,
    );
    expect(v.$('[data-testid=issuing]')!.textContent).toContain('Đang lấy số thứ tự…');
  });

  it('error: message, Retry only when the same tap can be retried', () => {
    const onRetry = vi.fn();
    const onClose = vi.fn();
    const v = mount(
      <IssueOverlay
        issuing={false}
        error="Chưa lấy được số do mất kết nối máy chủ."
        canRetry
        disabled={false}
        onRetry={onRetry}
        onClose={onClose}
      />,
    );
    expect(v.text()).toContain('Chưa lấy được số do mất kết nối máy chủ.');
    v.click('[data-testid=retry]');
    v.click('[data-testid=close-error]');
    expect(onRetry).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
    v.rerender(
      <IssueOverlay
        issuing={false}
        error="Lĩnh vực này đang tạm ngừng cấp số."
        canRetry={false}
        disabled={false}
        onRetry={noop}
        onClose={noop}
      />,
    );
    expect(v.$('[data-testid=retry]')).toBeNull();
  });

  it('nothing when idle; the banner only when offline', () => {
    expect(
      mount(
        <IssueOverlay issuing={false} error={null} canRetry={false} disabled={false} onRetry={noop} onClose={noop} />,
      ).root.innerHTML,
    ).toBe('');
    expect(mount(<ConnectionBanner connection="online" />).root.innerHTML).toBe('');
    expect(mount(<ConnectionBanner connection="offline" />).text()).toContain(
      'Mất kết nối máy chủ — đang kết nối lại…',
    );
  });
});
