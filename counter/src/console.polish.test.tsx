// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { renderSettled, settle, withTestHost } from '@ui/render.testing';
import { ConsoleApp } from './console.app.tsx';
import { SESSION_KEY } from './console.session.ts';
import { clerk, counter, fakeApi, fakeSocket, quietDay, ticket } from './fakes.testing.ts';

/** Issue 17, counter console: closing the counter says what is true before and after. */
let host: HTMLElement;
withTestHost((h) => (host = h));
afterEach(() => sessionStorage.clear());

const user = clerk;
const serving = ticket({ status: 'serving', calledAt: '2026-11-26T01:30:00.000Z' });
const ref = {
  id: serving.id,
  number: serving.number,
  areaId: 'a1',
  status: serving.status,
  calledAt: serving.calledAt,
  priority: false,
};

async function mount(over: Record<string, (...a: any[]) => Promise<unknown>>, withCitizen: boolean) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: 'tok-1', user }));
  const mine = counter({ currentTicket: withCitizen ? ref : null });
  const api = fakeApi({
    ...quietDay,
    counters: async () => [mine],
    me: async () => ({ kind: 'user', user, counterId: 'c1' }),
    ticket: async () => serving,
    ...over,
  });
  await renderSettled(<ConsoleApp makeApi={() => api} connect={() => fakeSocket()} />, host);
  await settle();
}
const press = (key: string) =>
  act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
const statusLine = () => host.querySelector('[data-testid=status-line]')?.textContent ?? '';

describe('closing the counter (issue 17)', () => {
  it('F9 with a citizen at the counter says so at once, without asking, and sends nothing', async () => {
    const closeCounter = vi.fn(async () => ({ counter: counter({ status: 'closed', clerk: null }) }));
    await mount({ closeCounter }, true);
    expect(host.querySelector('[data-testid=current-number]')?.textContent).toBe('1005');
    await press('F9');
    expect(host.querySelector('[role=dialog]')).toBeNull();
    expect(statusLine()).toBe(
      'Chưa đóng được quầy: số 1005 đang ở quầy. Bấm Hoàn thành (F4) hoặc Chuyển (F6) trước khi đóng quầy.',
    );
    expect(host.querySelector('[data-testid=status-line]')?.className).toContain('status-warn');
    expect(closeCounter).not.toHaveBeenCalled();
  });

  it('a successful close goes back to the counter list and says "Đã đóng quầy 1"', async () => {
    const closeCounter = vi.fn(async () => ({ counter: counter({ status: 'closed', clerk: null }) }));
    await mount({ closeCounter }, false);
    await press('F9');
    expect(host.querySelector('[role=dialog]')?.textContent).toContain('Đóng quầy 1?');
    await act(async () => {
      (
        [...host.querySelectorAll('[role=dialog] button')].find((b) => b.textContent === 'Đóng quầy') as HTMLElement
      ).click();
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(closeCounter).toHaveBeenCalledWith('c1');
    expect(host.querySelector('.picker-page')).not.toBeNull();
    expect(host.querySelector('.picker-page [role=status]')?.textContent).toBe(
      'Đã đóng quầy 1 — Tư pháp. Chọn quầy để làm việc tiếp, hoặc đăng xuất.',
    );
  });
});
