// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { centerSettingsSchema } from '@contract/settings.schema';
import { AdminApp } from './admin.app.tsx';
import { TOKEN_KEY } from './admin.session.ts';
import { fakeFetch, memoryStorage, settle, submit, type } from './admin.testing.ts';

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
  history.replaceState(null, '', '/admin');
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const admin = { id: 'u1', username: 'admin', displayName: 'Quản trị viên', role: 'admin' as const };
const clerk = { id: 'u2', username: 'canbo1', displayName: 'Nguyễn Văn An', role: 'clerk' as const };
const base = {
  'GET /api/config/public': () => ({
    centerName: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An',
    shortName: 'TTPVHCC Nghệ An',
    timeZone: 'Asia/Ho_Chi_Minh',
    ratingLevels: [],
  }),
  'GET /api/settings': () => centerSettingsSchema.parse({}),
  'GET /api/departments': () => [],
  'GET /api/areas': () => [],
  'GET /api/counters': () => [],
  'GET /api/backups': () => ({
    lastBackup: { file: 'hcc-2026-11-26.db', at: '2026-11-26T01:00:00Z', bytes: 204800 },
    backups: [],
  }),
};

async function mount(storage: Storage, routes: Record<string, (b: unknown) => unknown>) {
  const f = fakeFetch({ ...base, ...routes });
  await act(async () => {
    render(<AdminApp storage={storage} fetch={f.fetch} />, host);
  });
  await settle();
  return f;
}

describe('admin app', () => {
  it('asks for both fields, shows the server’s Vietnamese refusal, then logs in and keeps the token', async () => {
    const storage = memoryStorage();
    let ok = false;
    await mount(storage, {
      'GET /api/auth/me': () => ({ kind: 'user', user: admin }),
      'POST /api/auth/login': () =>
        ok
          ? { token: 'tok-1', user: admin }
          : [401, { error: { code: 'auth.invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } }],
    });
    await act(async () => {
      submit(host.querySelector('form'));
    });
    expect(host.querySelector('[role=alert]')?.textContent).toBe('Vui lòng nhập tên đăng nhập và mật khẩu.');
    await act(async () => {
      type(host, 'input[name=username]', 'admin');
      type(host, 'input[name=password]', 'sai-mat-khau');
    });
    await act(async () => {
      submit(host.querySelector('form'));
    });
    await settle();
    expect(host.querySelector('[role=alert]')?.textContent).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    ok = true;
    await act(async () => {
      submit(host.querySelector('form'));
    });
    await settle();
    await settle();
    expect(storage.getItem(TOKEN_KEY)).toBe('tok-1');
    expect(host.querySelector('.settings-form')).not.toBeNull();
    expect(host.querySelector('.backup-card')?.textContent).toContain('26/11/2026 08:00:00');
  });

  it('a clerk sees a polite refusal on every admin page', async () => {
    const storage = memoryStorage({ [TOKEN_KEY]: 'tok-clerk' });
    await mount(storage, { 'GET /api/auth/me': () => ({ kind: 'user', user: clerk }) });
    expect(host.querySelector('.no-access h1')?.textContent).toBe('Bạn không có quyền');
    expect(host.querySelector('.main-nav')?.textContent).toBe('');
  });

  it('a supervisor opening /admin is refused administration but offered the control room', async () => {
    const storage = memoryStorage({ [TOKEN_KEY]: 'tok-sup' });
    await mount(storage, { 'GET /api/auth/me': () => ({ kind: 'user', user: { ...clerk, role: 'supervisor' } }) });
    expect(host.querySelector('.no-access')?.textContent).toContain('chỉ dành cho quản trị viên');
    expect([...host.querySelectorAll('.main-nav a')].map((a) => a.textContent)).toEqual([
      'Phòng điều hành',
      'Báo cáo',
      'Lịch hẹn',
    ]);
  });

  it('an expired session returns to the login form', async () => {
    const storage = memoryStorage({ [TOKEN_KEY]: 'old' });
    await mount(storage, {
      'GET /api/auth/me': () => [401, { error: { code: 'auth.required', message: 'Cần đăng nhập.' } }],
    });
    expect(host.querySelector('input[name=username]')).not.toBeNull();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
  });
});
