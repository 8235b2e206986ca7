// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ticket } from './kiosk.fixtures.ts';
import { mount } from '@ui/render.testing';
import { printMessage, TicketScreen } from './ticket.screen.tsx';

describe('TicketScreen', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });
  const base = { timeZone: 'Asia/Ho_Chi_Minh', autoReturnSeconds: 30, onDone: () => {}, onBack: () => {} };

  it('shows the number, area, department, people ahead, estimated wait and time of issue', () => {
    const v = mount(<TicketScreen {...base} ticket={ticket()} />);
    expect(v.$('[data-testid=ticket-number]')!.textContent).toBe('1005');
    expect(v.$('[data-testid=ticket]')!.getAttribute('data-ticket-id')).toBe('t-abc');
    expect(v.$('[data-testid=ticket-area]')!.textContent).toBe('Lý lịch tư pháp');
    expect(v.text()).toContain('Sở Tư pháp');
    expect(v.$('[data-testid=ticket-ahead]')!.textContent).toBe('7');
    expect(v.$('[data-testid=ticket-wait]')!.textContent).toBe('Khoảng 35 phút');
    expect(v.text()).toContain('Lấy số lúc 08:15:02 ngày 26/11/2026');
  });

  it('draws a QR code of the tracking address, offline', () => {
    const v = mount(<TicketScreen {...base} ticket={ticket()} />);
    const qr = v.$('svg[data-testid=qr]')!;
    expect(qr.getAttribute('data-text')).toBe('http://10.0.0.2:8080/t/t-abc');
    expect(qr.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(100);
  });

  it('no estimate without an open counter; a priority badge for a priority ticket', () => {
    const v = mount(
      <TicketScreen
        {...base}
        ticket={ticket({ estimatedWaitMin: null, priority: true, priorityGroup: 'Người khuyết tật' })}
      />,
    );
    expect(v.$('[data-testid=ticket-wait]')!.textContent).toBe('Chưa có quầy mở');
    expect(v.text()).toContain('Ưu tiên – Người khuyết tật');
  });

  it('print result: "Vui lòng nhận phiếu" when printed, otherwise the number stays valid', () => {
    expect(printMessage({ status: 'printed' }).title).toBe('Vui lòng nhận phiếu');
    for (const print of [
      { status: 'failed' as const },
      { status: 'queued' as const },
      { status: 'none' as const },
      undefined,
    ]) {
      expect(printMessage(print).text).toContain('Vui lòng ghi nhớ số thứ tự của bạn hoặc chụp màn hình');
    }
    const v = mount(
      <TicketScreen {...base} ticket={ticket({ print: { status: 'failed', message: 'Máy in hết giấy' } })} />,
    );
    expect(v.$('[data-testid=print-message]')!.getAttribute('data-print-status')).toBe('failed');
    expect(v.text()).toContain('Không in được phiếu');
  });

  it('goes back to the welcome screen by itself; a touch restarts the count', () => {
    vi.useFakeTimers();
    const onDone = vi.fn();
    const v = mount(<TicketScreen {...base} autoReturnSeconds={5} ticket={ticket()} onDone={onDone} />);
    act(() => {
      vi.advanceTimersByTime(4000);
    });
    expect(v.text()).toContain('sau 1 giây');
    act(() => {
      v.$('.ticket')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    });
    act(() => {
      vi.advanceTimersByTime(4000);
    });
    expect(onDone).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1500);
    });
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('Done and Back', () => {
    const onDone = vi.fn();
    const onBack = vi.fn();
    const v = mount(<TicketScreen {...base} ticket={ticket()} onDone={onDone} onBack={onBack} />);
    v.click('[data-testid=done]');
    v.click('[data-testid=back]');
    expect(onDone).toHaveBeenCalledOnce();
    expect(onBack).toHaveBeenCalledOnce();
  });
});
