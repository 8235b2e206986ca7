// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ApiError } from '@client/api.client';
import { RatingApp } from './rating.app.tsx';
import { config, counter, fakeApi, fakeSocket, ticket } from './fakes.testing.ts';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
  vi.useRealTimers();
});

const wait = (ms = 5) =>
  act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
const text = (sel: string) => host.querySelector(sel)?.textContent ?? '';

async function mount(over: Record<string, (...a: any[]) => Promise<unknown>> = {}, cfg = config) {
  const rate = vi.fn(async (input: { ticketId: string; level: string }) => ({
    id: 'r1',
    ticketId: input.ticketId,
    level: input.level,
  }));
  const api = fakeApi({
    config: async () => cfg,
    me: async () => ({
      kind: 'device',
      device: { id: 'd1', kind: 'rating', name: 'Pad', counterId: 'c1', kioskId: null, printer: null, settings: {} },
    }),
    counters: async () => [counter({ number: 3, name: 'Quầy 3 – Đất đai', id: 'c1' })],
    rate,
    ...over,
  });
  const socket = fakeSocket();
  host = document.createElement('div');
  document.body.appendChild(host);
  await act(async () => {
    render(<RatingApp makeApi={() => api} connect={() => socket} initialToken="tok" />, host);
  });
  await wait(10);
  return { api, socket, rate };
}

const request = (socket: ReturnType<typeof fakeSocket>, id = 't1', number = '1005') =>
  act(async () => {
    socket.fire('rating:requested', {
      counterId: 'c1',
      ticket: ticket({ id, number, status: 'done' }),
      clerkName: 'Nguyễn Văn An',
    });
  });

describe('rating pad', () => {
  it('idles with the center and counter, then asks when a rating is requested', async () => {
    const { socket } = await mount();
    expect(text('.pad-idle')).toContain('Trung tâm Phục vụ hành chính công tỉnh Nghệ An');
    expect(text('[data-testid=pad-idle]')).toContain('3');
    expect(text('.idle-name')).toBe('Đất đai');
    await request(socket);
    expect(text('.pad-question')).toBe('Quý khách vui lòng đánh giá mức độ hài lòng');
    expect(text('[data-testid=pad-number]')).toBe('1005');
    expect(text('.pad-ticket')).toContain('Nguyễn Văn An');
    expect([...host.querySelectorAll('.level-label')].map((e) => e.textContent)).toEqual([
      'Rất hài lòng',
      'Hài lòng',
      'Chưa hài lòng',
    ]);
    expect(host.querySelectorAll('.level svg.face').length).toBe(3);
  });

  it('a tap on a level sends the rating and thanks the citizen', async () => {
    const { socket, rate } = await mount();
    await request(socket);
    await act(async () => {
      (host.querySelector('.level[data-level=satisfied]') as HTMLElement).click();
    });
    await wait();
    expect(rate).toHaveBeenCalledWith({ ticketId: 't1', level: 'satisfied', reasons: [], comment: null });
    expect(text('.pad-thanks h1')).toBe('Cảm ơn Quý khách!');
  });

  it('the lowest level asks for reasons and a comment before sending', async () => {
    const { socket, rate } = await mount();
    await request(socket);
    await act(async () => {
      (host.querySelector('.level[data-level=unsatisfied]') as HTMLElement).click();
    });
    expect(host.querySelector('.pad-reasons')).not.toBeNull();
    expect(rate).not.toHaveBeenCalled();
    await act(async () => {
      (host.querySelectorAll('.reason')[1] as HTMLElement).click();
    });
    const ta = host.querySelector('textarea')!;
    await act(async () => {
      ta.value = 'Chờ hơi lâu';
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      (host.querySelector('.send') as HTMLElement).click();
    });
    await wait();
    expect(rate).toHaveBeenCalledWith({
      ticketId: 't1',
      level: 'unsatisfied',
      reasons: ['Thời gian chờ lâu'],
      comment: 'Chờ hơi lâu',
    });
  });

  it('keypad: digit 1 rates the first level', async () => {
    const { socket, rate } = await mount();
    await request(socket);
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', cancelable: true }));
    });
    await wait();
    expect(rate).toHaveBeenCalledWith(expect.objectContaining({ level: 'very_satisfied' }));
  });

  it('rating:closed for the shown ticket goes back to idle', async () => {
    const { socket } = await mount();
    await request(socket);
    await act(async () => {
      socket.fire('rating:closed', { counterId: 'c1', ticketId: 'other' });
    });
    expect(host.querySelector('.pad-ask')).not.toBeNull();
    await act(async () => {
      socket.fire('rating:closed', { counterId: 'c1', ticketId: 't1' });
    });
    expect(host.querySelector('.pad-idle')).not.toBeNull();
  });

  it('a 409 answer shows a polite message', async () => {
    const { socket } = await mount({
      rate: async () => {
        throw new ApiError(409, 'rating.duplicate', 'Số này đã được đánh giá.');
      },
    });
    await request(socket);
    await act(async () => {
      (host.querySelector('.level[data-level=very_satisfied]') as HTMLElement).click();
    });
    await wait();
    expect(text('.pad-message h1')).toBe('Số này đã được đánh giá. Xin cảm ơn Quý khách!');
  });

  it('times out after ratingTimeoutSeconds without recording anything', async () => {
    const { socket, rate } = await mount({}, { ...config, ratingTimeoutSeconds: 1 });
    await request(socket);
    expect(host.querySelector('.pad-ask')).not.toBeNull();
    await wait(1100);
    expect(host.querySelector('.pad-idle')).not.toBeNull();
    expect(rate).not.toHaveBeenCalled();
  });

  it('after a reload it shows the question the server sends again on connect, for the time left only', async () => {
    const { socket, rate } = await mount();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await act(async () => {
      socket.fire('state:snapshot', {});
      socket.fire('rating:requested', {
        counterId: 'c1',
        ticket: ticket({ id: 't9', number: '1009', status: 'done' }),
        clerkName: 'Nguyễn Văn An',
        remainingSeconds: 4,
      });
    });
    expect(text('[data-testid=pad-number]')).toBe('1009');
    await act(async () => {
      vi.advanceTimersByTime(3990);
    });
    expect(host.querySelector('.pad-ask')).not.toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(20);
    });
    expect(host.querySelector('.pad-idle')).not.toBeNull(); // not the whole 30 s again
    expect(rate).not.toHaveBeenCalled();
  });

  it('a reconnect that re-sends the question on screen keeps what the citizen already chose', async () => {
    const { socket } = await mount();
    await request(socket, 't1', '1005');
    await act(async () => {
      (host.querySelector('.level[data-level=unsatisfied]') as HTMLElement).click();
    });
    await act(async () => {
      (host.querySelectorAll('.reason')[0] as HTMLElement).click();
    });
    await act(async () => {
      socket.fire('state:snapshot', {});
      socket.fire('rating:requested', {
        counterId: 'c1',
        ticket: ticket({ id: 't1', number: '1005', status: 'done' }),
        clerkName: 'Nguyễn Văn An',
        remainingSeconds: 20,
      });
    });
    expect(host.querySelector('.pad-reasons')).not.toBeNull();
    expect(host.querySelectorAll('.reason.on').length).toBe(1);
    await request(socket, 't2', '1006'); // a new citizen still wins
    expect(text('[data-testid=pad-number]')).toBe('1006');
    expect(host.querySelector('.pad-reasons')).toBeNull();
  });

  it('an unpaired pad asks for a pairing code and keeps the token it gets', async () => {
    const pair = vi.fn(async () => ({
      token: 'new-token',
      device: { id: 'd1', kind: 'rating', name: 'Pad', counterId: 'c1' },
    }));
    const api = fakeApi({
      pair,
      config: async () => config,
      me: async () => ({ kind: 'device', device: { id: 'd1', kind: 'rating', name: 'Pad', counterId: 'c1' } }),
      counters: async () => [counter()],
    });
    host = document.createElement('div');
    document.body.appendChild(host);
    await act(async () => {
      render(<RatingApp makeApi={() => api} connect={() => fakeSocket()} initialToken={null} />, host);
    });
    const input = host.querySelector('input[name=code]') as HTMLInputElement;
    await act(async () => {
      input.value = '123456';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      (host.querySelector('form') as HTMLFormElement).dispatchEvent(
        new Event('submit', { cancelable: true, bubbles: true }),
      );
    });
    await wait(10);
    expect(pair).toHaveBeenCalledWith('123456');
    expect(localStorage.getItem('hcc.rating.token')).toBe('new-token');
    expect(host.querySelector('.pad-idle')).not.toBeNull();
  });
});
