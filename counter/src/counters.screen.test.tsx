// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ApiError } from '@client/api.client';
import { CounterPicker } from './counters.screen.tsx';
import { counter, fakeApi, fakeSocket } from './fakes.testing.ts';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('counter picker', () => {
  it('shows who holds a counter and the counter.held message when another clerk tries it', async () => {
    const held = counter({ clerk: { id: 'u9', username: 'canbo9', displayName: 'Trần Thị Bình' } });
    const free = counter({ id: 'c2', number: 2, name: 'Quầy 2 – Hộ tịch', status: 'closed', clerk: null });
    const openCounter = vi.fn(async (id: string) => {
      if (id === 'c1') throw new ApiError(409, 'counter.held', 'Quầy đang do cán bộ khác sử dụng.');
      return { counter: { ...free, clerk: { id: 'u1', username: 'canbo1', displayName: 'An' } } };
    });
    const api = fakeApi({ counters: async () => [held, free], areas: async () => [], openCounter });
    const onOpened = vi.fn();
    host = document.createElement('div');
    document.body.appendChild(host);
    await act(async () => {
      render(
        <CounterPicker
          api={api}
          user={{ id: 'u1', username: 'canbo1', displayName: 'An', role: 'clerk' }}
          socket={fakeSocket()}
          onOpened={onOpened}
        />,
        host,
      );
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
    const card1 = host.querySelector('.picker-card[data-counter="1"]')!;
    expect(card1.textContent).toContain('Trần Thị Bình');
    await act(async () => {
      (card1.querySelector('button') as HTMLElement).click();
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(host.querySelector('.form-error')?.textContent).toBe(
      'Quầy đang do cán bộ khác sử dụng. (Trần Thị Bình đang giữ quầy 1)',
    );
    expect(onOpened).not.toHaveBeenCalled();
    await act(async () => {
      (host.querySelector('.picker-card[data-counter="2"] button') as HTMLElement).click();
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(onOpened).toHaveBeenCalledWith('c2');
  });
});
