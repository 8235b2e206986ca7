// @vitest-environment happy-dom
import { withTestHost, renderSettled, settle } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ProvinceApp } from './province.app.tsx';
import { SESSION_KEY } from './province.session.ts';
import { center, fakeHub } from './province.testing.ts';

let host: HTMLElement;
withTestHost((h) => (host = h));
const user = { id: 'u1', username: 'lanhdao', displayName: 'Lê Văn Lãnh Đạo', role: 'supervisor' };

function hub() {
  let good = 'tok-1';
  const h = fakeHub((url, init) => {
    if (url.pathname === '/api/auth/login') {
      const b = JSON.parse(String(init.body));
      return b.password === 'dung-mat-khau'
        ? { body: { token: good, user } }
        : {
            status: 401,
            body: { error: { code: 'auth.invalid_credentials', message: 'Sai tên đăng nhập hoặc mật khẩu.' } },
          };
    }
    if (url.pathname === '/api/province/centers')
      return new Headers(init.headers).get('authorization') === `Bearer ${good}`
        ? { body: [center('NL', { name: 'Xã Nghi Lộc' })] }
        : { status: 401, body: { error: { code: 'auth.required', message: 'Vui lòng đăng nhập.' } } };
    return undefined;
  });
  return { ...h, revoke: () => (good = 'none') };
}

async function type(sel: string, value: string) {
  const el = host.querySelector<HTMLInputElement>(sel)!;
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('province app', () => {
  it('logs in (wrong password told in Vietnamese), keeps the session, shows the control room; a 401 logs out', async () => {
    history.replaceState(null, '', '/province');
    localStorage.clear();
    const h = hub();
    await renderSettled(<ProvinceApp storage={localStorage} fetch={h.fetch} pollMs={20} />, host);
    expect(host.querySelector('.login-card')).not.toBeNull();
    await type('input[name=username]', 'lanhdao');
    await type('input[name=password]', 'sai');
    await act(async () => host.querySelector<HTMLFormElement>('form')!.requestSubmit());
    await settle();
    expect(host.querySelector('[role=alert]')!.textContent).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    await type('input[name=password]', 'dung-mat-khau');
    await act(async () => host.querySelector<HTMLFormElement>('form')!.requestSubmit());
    await settle();
    await vi.waitFor(() => expect(host.querySelector('[data-code=NL]')).not.toBeNull());
    expect(host.querySelector('.who')!.textContent).toContain('Lê Văn Lãnh Đạo');
    expect(JSON.parse(localStorage.getItem(SESSION_KEY)!).token).toBe('tok-1');
    h.revoke();
    await vi.waitFor(() => expect(host.querySelector('.login-card')).not.toBeNull());
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('opens /province/reports from the menu and back, without a reload', async () => {
    history.replaceState(null, '', '/province');
    localStorage.setItem(SESSION_KEY, JSON.stringify({ token: 'tok-1', user }));
    const h = hub();
    await renderSettled(<ProvinceApp storage={localStorage} fetch={h.fetch} />, host);
    await vi.waitFor(() => expect(host.querySelector('.pv-control')).not.toBeNull());
    await act(async () =>
      [...host.querySelectorAll<HTMLElement>('.main-nav a')].find((a) => a.textContent === 'Báo cáo')!.click(),
    );
    expect(location.pathname).toBe('/province/reports');
    expect(host.querySelector('.pv-reports')).not.toBeNull();
    await act(async () => host.querySelector<HTMLElement>('.main-nav a')!.click());
    expect(location.pathname).toBe('/province');
    await vi.waitFor(() => expect(host.querySelector('.pv-control')).not.toBeNull());
  });
});
