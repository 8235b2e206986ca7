// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { renderSettled, withTestHost } from '@ui/render.testing';
import { ConsoleApp } from './console.app.tsx';
import { SESSION_KEY } from './console.session.ts';
import { clerk, counter, fakeApi, fakeSocket, quietDay } from './fakes.testing.ts';

let host: HTMLElement;
withTestHost((h) => (host = h));
afterEach(() => sessionStorage.clear());

const user = clerk;
const common = quietDay;

async function mount(api: ReturnType<typeof fakeApi>) {
  await renderSettled(<ConsoleApp makeApi={() => api} connect={() => fakeSocket()} />, host);
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
