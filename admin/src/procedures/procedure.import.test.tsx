// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ApiError } from '@client/api.client';
import type { ProcedureImportResultDto } from '@contract/dto';
import { renderSettled, settle, withTestHost } from '@ui/render.testing';
import type { AdminApi, ProcedureQuery } from '../admin.api.ts';
import { clickText } from '../admin.testing.ts';
import { ProcedureImport } from './procedure.import.tsx';
import { areaDto, catalogOf, procedureDto } from './procedure.testing.ts';

/**
 * Issue 12: an import is previewed by the server's dry run before anything changes: counts, every row's
 * before → after, and the rows the server refuses; "Nhập" then sends the very same file.
 */
let host: HTMLElement;
withTestHost((h) => (host = h));

const catalog = catalogOf(areaDto('a1', 'LLTP', 'Lý lịch tư pháp'), areaDto('a2', 'HTCT', 'Hộ tịch'));
const LLTP = procedureDto({ fee: '200.000 đồng', documents: ['Tờ khai'], keywords: ['LLTP'] });
const CSV =
  '\uFEFFMã thủ tục;Tên thủ tục;Mã lĩnh vực;Thời hạn giải quyết;Phí, lệ phí;Thành phần hồ sơ;Từ khoá;Ghi chú\r\n' +
  '2.000488;Cấp Phiếu lý lịch tư pháp;LLTP;10 ngày;"100.000 đồng";"Tờ khai\nBản chụp căn cước";LLTP; \r\n' +
  '1.001193;Đăng ký khai sinh;HTCT;Ngay trong ngày;;Tờ khai đăng ký khai sinh;"khai sinh; giấy khai sinh";bỏ qua\r\n';

async function pick(file: File) {
  const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}
const text = (sel: string) => host.querySelector(sel)?.textContent ?? null;
const changeRows = () =>
  [...host.querySelectorAll('[data-testid=import-changes] tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
  );

describe('procedure import', () => {
  it('shows the rows the dry run refuses in a table, and offers no "Nhập"', async () => {
    const importProcedures = vi.fn(async () => {
      throw new ApiError(422, 'import.invalid', 'Tệp nhập có dòng không hợp lệ; chưa có gì thay đổi.', [
        { row: 3, message: 'Mã lĩnh vực «XYZ» không có trong hệ thống.' },
        { row: 5, message: 'Thiếu tên thủ tục.' },
      ]);
    });
    const api = { importProcedures } as unknown as AdminApi;
    await renderSettled(<ProcedureImport api={api} catalog={catalog} onImported={async () => undefined} />, host);
    const file = new File([CSV], 'thu-tuc.csv', { type: 'text/csv' });
    await pick(file);
    expect(importProcedures).toHaveBeenCalledTimes(1);
    expect(importProcedures).toHaveBeenCalledWith(file, 'text/csv; charset=utf-8', { dryRun: true });
    const rows = [...host.querySelectorAll('[data-testid=import-errors] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['3', 'Mã lĩnh vực «XYZ» không có trong hệ thống.'],
      ['5', 'Thiếu tên thủ tục.'],
    ]);
    expect(text('.notice-error')).toBe('Chưa nhập gì. Tệp nhập có dòng không hợp lệ; chưa có gì thay đổi.');
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === 'Nhập')).toBe(false);
  });

  it('a dry run that answers only counts: before → after is computed from the current list; "Nhập" sends the same file', async () => {
    const counts = { created: 1, updated: 1, unchanged: 0, dryRun: true };
    const importProcedures = vi.fn(async (_f: Blob, _t: string, o: { dryRun?: boolean } = {}) =>
      o.dryRun ? (counts as ProcedureImportResultDto) : ({ ...counts, dryRun: false } as ProcedureImportResultDto),
    );
    const procedures = vi.fn(async (p: ProcedureQuery = {}) => (p.areaId === 'a1' ? [LLTP] : []));
    const onImported = vi.fn(async () => undefined);
    const api = { importProcedures, procedures } as unknown as AdminApi;
    await renderSettled(<ProcedureImport api={api} catalog={catalog} onImported={onImported} />, host);
    const file = new File([CSV], 'thu-tuc.csv', { type: 'text/csv' });
    await pick(file);
    expect(procedures.mock.calls.map((c) => c[0])).toEqual([
      { areaId: 'a1', limit: 200 },
      { areaId: 'a2', limit: 200 },
    ]);
    expect(text('[data-testid=import-summary]')).toBe('Xem trước thu-tuc.csv: tạo mới 1, cập nhật 1, giữ nguyên 0.');
    expect(changeRows()).toEqual([
      ['2.000488 thay đổi', 'Phí, lệ phí', '200.000 đồng', '100.000 đồng'],
      ['Thành phần hồ sơ', 'Tờ khai', 'Tờ khai, Bản chụp căn cước'],
      ['1.001193 mới', 'Tên thủ tục', '', 'Đăng ký khai sinh'],
      ['Lĩnh vực', '', 'HTCT'],
      ['Thời hạn giải quyết', '', 'Ngay trong ngày'],
      ['Thành phần hồ sơ', '', 'Tờ khai đăng ký khai sinh'],
      ['Từ khoá', '', 'khai sinh, giấy khai sinh'],
    ]);
    expect(importProcedures).toHaveBeenCalledTimes(1);
    await act(async () => clickText(host, 'Nhập'));
    await settle();
    expect(importProcedures).toHaveBeenLastCalledWith(file, 'text/csv; charset=utf-8');
    expect(onImported).toHaveBeenCalled();
    expect(text('.notice-ok')).toBe('Đã nhập thu-tuc.csv. Tạo mới: 1. Cập nhật: 1. Giữ nguyên: 0.');
  });

  it("shows the server's own before → after when it sends one, and sends an XLSX file as XLSX", async () => {
    const answer: ProcedureImportResultDto = {
      created: 0,
      updated: 1,
      unchanged: 4,
      dryRun: true,
      changes: [
        {
          code: '2.000488',
          action: 'update',
          fields: [
            { field: 'areaId', before: 'a2', after: 'a1' },
            { field: 'timeLimit', before: '10 ngày', after: '15 ngày' },
          ],
        },
      ],
    };
    const importProcedures = vi.fn(async () => answer);
    const procedures = vi.fn(async () => []);
    const api = { importProcedures, procedures } as unknown as AdminApi;
    await renderSettled(<ProcedureImport api={api} catalog={catalog} onImported={async () => undefined} />, host);
    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'Danh muc.XLSX');
    await pick(file);
    expect(importProcedures).toHaveBeenCalledWith(
      file,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      { dryRun: true },
    );
    expect(procedures).not.toHaveBeenCalled();
    expect(changeRows()).toEqual([
      ['2.000488 thay đổi', 'Lĩnh vực', 'HTCT – Hộ tịch', 'LLTP – Lý lịch tư pháp'],
      ['Thời hạn giải quyết', '10 ngày', '15 ngày'],
    ]);
  });

  it('links the sample file', async () => {
    await renderSettled(
      <ProcedureImport api={{} as AdminApi} catalog={catalog} onImported={async () => undefined} />,
      host,
    );
    const a = [...host.querySelectorAll('a')].find((x) => x.textContent === 'Tải tệp mẫu');
    expect(a?.getAttribute('href')).toBe('/admin/mau-thu-tuc.csv');
  });
});
