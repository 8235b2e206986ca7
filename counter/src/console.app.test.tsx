// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ConsoleApp } from './console.app.tsx';
import { SESSION_KEY } from './console.session.ts';
import { config, counter, fakeApi, fakeSocket } from './fakes.testing.ts';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
  sessionStorage.clear();
});

const user = { id: 'u1', username: 'canbo1', displayName: 'Nguyễn Văn An', role: 'clerk' as const };
const common = {
  config: async () => config,
  counters: async () => [counter()],
  areas: async () => [],
  counterQueue: async () => ({ waiting: [], noShows: [] }),
  myTally: async () => ({
    businessDay: '2026-11-26',
    served: 0,
    noShow: 0,
    called: 0,
    avgServiceSec: null,
    ratings: {},
  }),
};

async function mount(api: ReturnType<typeof fakeApi>) {
  host = document.createElement('div');
  document.body.appendChild(host);
  await act(async () => {
    render(<ConsoleApp makeApi={() => api} connect={() => fakeSocket()} />, host);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 10));
  });
}

describe('console app', () => {
  it('logs in, keeps the token for the tab and goes straight to the counter the clerk holds', async () => {
    const login = vi.fn(async () => ({ token: 'tok-1', user }));
    await mount(fakeApi({ ...common, login, me: async () => ({ kind: 'user', user, counterId: 'c1' }) }));
    const input = (name: string, v: string) => {
      const el = host.querySelector(`input[name=${name}]`) as HTMLInputElement;
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(async () => {
      input('username', 'canbo1');
      input('password', 'password-123');
    });
    await act(async () => {
      host.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(login).toHaveBeenCalledWith('canbo1', 'password-123');
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!).token).toBe('tok-1');
    expect(host.querySelector('.console')).not.toBeNull();
    expect(host.querySelector('.topbar-counter')?.textContent).toBe('Quầy 1 — Tư pháp');
  });

  it('a clerk without a counter picks one; logout forgets the session', async () => {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: 'tok-2', user }));
    const logout = vi.fn(async () => ({ ok: true }));
    await mount(
      fakeApi({
        ...common,
        logout,
        counters: async () => [counter({ clerk: null, status: 'closed' })],
        me: async () => ({ kind: 'user', user, counterId: null }),
      }),
    );
    expect(host.querySelector('.picker-page')).not.toBeNull();
    await act(async () => {
      (host.querySelector('.topbar .btn-ghost') as HTMLElement).click();
    });
    expect(logout).toHaveBeenCalled();
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
    expect(host.querySelector('.login-card')).not.toBeNull();
  });
});
