// @vitest-environment happy-dom
import { withTestHost } from '@ui/render.testing';
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { AuditEntryDto } from '@contract/dto';
import { createAdminApi } from '../admin.api.ts';
import { fakeFetch, settle } from '../admin.testing.ts';
import { AuditPanel } from './audit.panel.tsx';

let host: HTMLElement;
withTestHost((h) => (host = h));

describe('audit panel', () => {
  it('reads the contract’s camelCase entries: who (by name), what, on which object', async () => {
    const entries: AuditEntryDto[] = [
      {
        id: 2,
        at: Date.UTC(2026, 0, 5, 2, 0),
        actorKind: 'device',
        actorId: 'dev1',
        action: 'counter.open',
        entity: 'counter',
        entityId: 'c1',
        data: null,
      },
      {
        id: 1,
        at: Date.UTC(2026, 0, 5, 1, 0),
        actorKind: 'user',
        actorId: 'u1',
        action: 'user.create',
        entity: 'user',
        entityId: 'u2',
        data: { role: 'clerk' },
      },
    ];
    const { fetch } = fakeFetch({
      'GET /api/audit': () => entries,
      'GET /api/users': () => [
        { id: 'u1', username: 'admin' },
        { id: 'u2', username: 'canbo1' },
      ],
      'GET /api/devices': () => [{ id: 'dev1', name: 'Ki-ốt sảnh' }],
    });
    await act(async () => {
      render(<AuditPanel api={createAdminApi(() => 't', fetch)} timeZone="Asia/Ho_Chi_Minh" />, host);
    });
    await settle();
    const rows = [...host.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['thiết bị: Ki-ốt sảnh', 'Nhận quầy', 'Quầy c1'],
      ['admin', 'Tạo người dùng', 'Người dùng canbo1'],
    ]);
  });
});
