// @vitest-environment happy-dom
import { withTestHost } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ImportResultDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { clickText, settle } from '../admin.testing.ts';
import type { Catalog } from '../catalog/catalog.hook.ts';
import { TransferPanel } from './transfer.panel.tsx';

/**
 * Defect 19 (issue 11): the preview said only "3 quầy … cập nhật" while the import rewired counters 2 and 3.
 * The preview is now the server's dry run, every changed row with every field before → after, and the import
 * is sent only after it.
 */
let host: HTMLElement;
withTestHost((h) => (host = h));

const zero = { departments: 0, areas: 0, counters: 0 };
const dryRun: ImportResultDto = {
  dryRun: true,
  created: zero,
  updated: { departments: 0, areas: 0, counters: 2 },
  unchanged: { departments: 1, areas: 2, counters: 1 },
  changes: [
    {
      entity: 'counter',
      key: '2',
      action: 'update',
      fields: [{ field: 'areas', before: ['HTCT', 'LLTP'], after: ['LLTP'] }],
    },
    {
      entity: 'counter',
      key: '3',
      action: 'update',
      fields: [
        { field: 'areas', before: ['DKKD'], after: ['CPXD'] },
        { field: 'name', before: 'Quầy 3 – Đầu tư', after: 'Quầy 3' },
      ],
    },
  ],
};
const catalog = {
  departments: [{ id: 'd1', code: 'STP', name: 'Sở Tư pháp', sort: 0, active: true }],
  areas: [
    {
      id: 'a1',
      code: 'LLTP',
      departmentId: 'd1',
      departmentCode: 'STP',
      name: 'Lý lịch tư pháp',
      numberStart: 1001,
      numberEnd: 1999,
      dailyLimit: 300,
      targetWaitMinutes: 20,
      active: true,
    },
    {
      id: 'a2',
      code: 'HTCT',
      departmentId: 'd1',
      departmentCode: 'STP',
      name: 'Hộ tịch',
      numberStart: 2001,
      numberEnd: 2999,
      dailyLimit: 200,
      targetWaitMinutes: 20,
      active: true,
    },
  ],
  counters: [{ id: 'c2', number: 2, name: 'Quầy 2', areaIds: ['a2', 'a1'] }],
} as unknown as Catalog;

/** The panel plans against the server's catalog, read when a file is picked: the fake API answers it. */
const withCatalog = (importConfig: unknown, c: Catalog = catalog) =>
  ({
    importConfig,
    departments: async () => c.departments,
    areas: async () => c.areas,
    counters: async () => c.counters,
  }) as unknown as AdminApi;
const CSV =
  'ma_so_nganh,ten_so_nganh,ma_linh_vuc,ten_linh_vuc,so_bat_dau,so_ket_thuc,gioi_han_ngay,thoi_gian_cho_muc_tieu,quay\r\nSTP,Sở Tư pháp,LLTP,Lý lịch tư pháp,1001,1999,300,20,2\r\n';

async function pickFile(text: string) {
  const input = host.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File([text], 'mau.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('import preview', () => {
  it("shows the server's dry run: every changed row, every field, before → after; imports only on confirmation", async () => {
    const importConfig = vi.fn(async (_doc: unknown, opts?: { dryRun?: boolean }) =>
      opts?.dryRun ? dryRun : { ...dryRun, dryRun: false },
    );
    const reload = vi.fn(async () => undefined);
    await act(async () => {
      render(<TransferPanel api={withCatalog(importConfig)} catalog={catalog} reload={reload} />, host);
    });
    await pickFile(CSV);

    expect(importConfig).toHaveBeenCalledTimes(1);
    expect(importConfig.mock.calls[0]![1]).toEqual({ dryRun: true });
    const rows = [...host.querySelectorAll('.import-diff tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Quầy 2 thay đổi', 'Lĩnh vực phục vụ', 'HTCT, LLTP', 'LLTP'],
      ['Quầy 3 thay đổi', 'Lĩnh vực phục vụ', 'DKKD', 'CPXD'],
      ['Tên', 'Quầy 3 – Đầu tư', 'Quầy 3'],
    ]);
    expect(host.querySelector('[data-testid=import-summary]')?.textContent).toBe(
      'Tạo mới: 0 sở ngành, 0 lĩnh vực, 0 quầy. Thay đổi: 0 sở ngành, 0 lĩnh vực, 2 quầy. Giữ nguyên: 1 sở ngành, 2 lĩnh vực, 1 quầy.',
    );

    await act(async () => {
      clickText(host, 'Nhập vào hệ thống');
    });
    await settle();
    expect(importConfig).toHaveBeenCalledTimes(2);
    expect(importConfig.mock.calls[1]![1]).toBeUndefined();
    expect(reload).toHaveBeenCalled();
  });

  it("plans against the server's catalog, not the screen's copy that may not have loaded yet", async () => {
    const importConfig = vi.fn(async () => ({ ...dryRun, updated: zero, changes: [] }));
    const empty = { departments: [], areas: [], counters: [] } as unknown as Catalog;
    await act(async () => {
      const server = { ...catalog, counters: [{ ...catalog.counters[0]!, name: 'Quầy 2 – Hộ tịch' }] };
      render(
        <TransferPanel api={withCatalog(importConfig, server)} catalog={empty} reload={async () => undefined} />,
        host,
      );
    });
    await pickFile(CSV);
    const sent = (importConfig.mock.calls[0] as unknown[] | undefined)?.[0] as {
      counters: { number: number; name: string }[];
    };
    expect(sent.counters.find((c) => c.number === 2)?.name).toBe('Quầy 2 – Hộ tịch');
  });

  it('a file that changes nothing says so and offers nothing to import', async () => {
    const importConfig = vi.fn(async () => ({ ...dryRun, updated: zero, changes: [] }));
    await act(async () => {
      render(<TransferPanel api={withCatalog(importConfig)} catalog={catalog} reload={async () => undefined} />, host);
    });
    await pickFile(CSV);
    expect(host.textContent).toContain('Tệp này không thay đổi gì so với hệ thống.');
    expect((host.querySelector('.form-actions .btn-primary') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a dry run the server refuses is shown, and nothing can be sent', async () => {
    const { ApiError } = await import('@client/api.client');
    const importConfig = vi.fn(async () => {
      throw new ApiError(422, 'settings.invalid', 'Múi giờ không hợp lệ.');
    });
    await act(async () => {
      render(<TransferPanel api={withCatalog(importConfig)} catalog={catalog} reload={async () => undefined} />, host);
    });
    await pickFile(CSV);
    expect(host.querySelector('[role=alert]')?.textContent).toMatch(/chưa nhập gì.*Múi giờ không hợp lệ/);
    expect((host.querySelector('.form-actions .btn-primary') as HTMLButtonElement).disabled).toBe(true);
    expect(importConfig).toHaveBeenCalledTimes(1);
  });
});
