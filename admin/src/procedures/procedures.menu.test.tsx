// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { centerSettingsSchema } from '@contract/settings.schema';
import { renderSettled, settle, withTestHost } from '@ui/render.testing';
import { AdminApp } from '../admin.app.tsx';
import { TOKEN_KEY } from '../admin.session.ts';
import { clickText, fakeFetch, memoryStorage } from '../admin.testing.ts';

/** Issue 12: the admin's side menu has "Thủ tục hành chính", which opens the catalogue. */
let host: HTMLElement;
withTestHost((h) => (host = h));

describe('admin menu', () => {
  it('"Thủ tục hành chính" opens the procedures list', async () => {
    history.replaceState(null, '', '/admin');
    const f = fakeFetch({
      'GET /api/config/public': () => ({
        centerName: 'TT',
        shortName: 'TT',
        timeZone: 'Asia/Ho_Chi_Minh',
        ratingLevels: [],
      }),
      'GET /api/auth/me': () => ({
        kind: 'user',
        user: { id: 'u1', username: 'admin', displayName: 'QTV', role: 'admin' },
      }),
      'GET /api/settings': () => centerSettingsSchema.parse({}),
      'GET /api/departments': () => [],
      'GET /api/areas': () => [],
      'GET /api/counters': () => [],
      'GET /api/backups': () => ({ lastBackup: null, backups: [] }),
      'GET /api/procedures': () => [
        { id: 'p1', code: '1.001193', name: 'Đăng ký khai sinh', areaId: 'a2', areaCode: 'HTCT', areaName: 'Hộ tịch' },
      ],
    });
    await renderSettled(<AdminApp storage={memoryStorage({ [TOKEN_KEY]: 'tok' })} fetch={f.fetch} />, host);
    await act(async () => clickText(host, 'Thủ tục hành chính'));
    await settle();
    expect(host.querySelector('.admin-main h2')?.textContent).toBe('Thủ tục hành chính');
    expect(host.querySelector('tr[data-procedure="1.001193"]')?.textContent).toContain('Đăng ký khai sinh');
    expect(location.hash).toBe('#procedures');
  });
});
