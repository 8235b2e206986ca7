// @vitest-environment happy-dom
import { withTestHost, renderSettled } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { UserDto } from '@contract/dto';
import { centerSettingsSchema } from '@contract/settings.schema';
import type { AdminApi } from './admin.api.ts';
import { AdminScreen } from './admin.screen.tsx';
import { UsersPanel } from './accounts/users.panel.tsx';
import { clickText, settle, submit } from './admin.testing.ts';

/** Issue 17, admin: sections follow the address; banners never contradict each other. */
let host: HTMLElement;
withTestHost((h) => (host = h));

const admin: UserDto = { id: 'u1', username: 'admin', displayName: 'Quản trị viên', role: 'admin' };
const clerk: UserDto = { id: 'u2', username: 'canbo1', displayName: 'Nguyễn Văn An', role: 'clerk', active: true };

describe('admin polish (issue 17)', () => {
  it('switches section when #section in the address changes (typed, back/forward, a link)', async () => {
    history.replaceState(null, '', '/admin#settings');
    const api = {
      settings: async () => centerSettingsSchema.parse({}),
      departments: async () => [],
      areas: async () => [],
      counters: async () => [],
      users: async () => [admin],
      devices: async () => [],
      backups: async () => ({ lastBackup: null, backups: [] }),
    } as unknown as AdminApi;
    await renderSettled(<AdminScreen api={api} user={admin} timeZone="Asia/Ho_Chi_Minh" />, host);
    const active = () => host.querySelector('.side-nav button.active')?.textContent;
    expect(active()).toBe('Cấu hình chung');
    await act(async () => {
      location.hash = '#users';
      dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await settle();
    expect(active()).toBe('Người dùng');
    expect(host.querySelector('.admin-main')?.textContent).toContain('Người dùng');
    await act(async () => {
      location.hash = '#nonsense';
      dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(active()).toBe('Người dùng'); // an unknown section changes nothing
  });

  it('users: a new field error clears an old success banner', async () => {
    const updateUser = vi.fn(async () => clerk);
    const api = { users: async () => [admin, clerk], updateUser } as unknown as AdminApi;
    vi.stubGlobal('prompt', () => 'matkhau-moi-123');
    await renderSettled(<UsersPanel api={api} selfId="u1" />, host);
    await act(async () => {
      clickText(host.querySelectorAll('tbody tr')[1] as HTMLElement, 'Đặt lại mật khẩu');
    });
    await settle();
    expect(host.querySelector('.notice-ok')?.textContent).toBe('Đã đặt lại mật khẩu cho canbo1.');
    await act(async () => {
      clickText(host, '+ Thêm người dùng');
    });
    await act(async () => {
      submit(host.querySelector('form[aria-label="Người dùng mới"]'));
    });
    await settle();
    expect(host.querySelectorAll('.field-error').length).toBeGreaterThan(0);
    expect(host.querySelector('.notice-ok')).toBeNull();
    vi.unstubAllGlobals();
  });
});
