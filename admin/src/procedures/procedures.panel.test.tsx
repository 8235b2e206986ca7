// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { ProcedureDto } from '@contract/dto';
import { renderSettled, settle, withTestHost } from '@ui/render.testing';
import type { AdminApi, ProcedureQuery } from '../admin.api.ts';
import { clickText, submit, type } from '../admin.testing.ts';
import { ProceduresPanel } from './procedures.panel.tsx';
import { areaDto, catalogOf, procedureDto } from './procedure.testing.ts';

/** Issue 12: the admin keeps the procedure catalogue the kiosk searches — list, search, edit, withdraw. */
let host: HTMLElement;
withTestHost((h) => (host = h));
afterEach(() => vi.unstubAllGlobals());

const catalog = catalogOf(areaDto('a1', 'LLTP', 'Lý lịch tư pháp'), areaDto('a2', 'HTCT', 'Hộ tịch, chứng thực'));
const proc = procedureDto;
const KHAI_SINH = proc({
  id: 'p2',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  areaId: 'a2',
  areaCode: 'HTCT',
  areaName: 'Hộ tịch, chứng thực',
  timeLimit: 'Ngay trong ngày',
  fee: '',
  documents: [],
  keywords: ['khai sinh'],
});

/** A server that answers the search as the contract says, for the two procedures above. */
function fakeApi(extra: Partial<AdminApi> = {}) {
  const queries: ProcedureQuery[] = [];
  const procedures = vi.fn(async (p: ProcedureQuery = {}) => {
    queries.push(p);
    const all = [LLTP, KHAI_SINH].filter((x) => !p.areaId || x.areaId === p.areaId);
    const words = (s: string) => s.toLowerCase().split(/\s+/);
    return all.filter((x) => !p.q || words(p.q).every((w) => words(x.name).some((n) => n.startsWith(w))));
  });
  return { api: { procedures, ...extra } as unknown as AdminApi, queries, procedures };
}
const LLTP = proc({});
const rows = () => [...host.querySelectorAll('tr[data-procedure]')].map((r) => r.getAttribute('data-procedure'));
const cells = (code: string) =>
  [...host.querySelectorAll(`tr[data-procedure="${code}"] td`)].map((td) => td.textContent?.trim());

describe('procedures list', () => {
  it('lists code, name, area, time limit and fee; searches as the admin types and filters by area', async () => {
    const { api, queries } = fakeApi();
    await renderSettled(<ProceduresPanel api={api} catalog={catalog} />, host);
    expect(rows()).toEqual(['2.000488', '1.001193']);
    expect(cells('2.000488').slice(0, 5)).toEqual([
      '2.000488',
      'Cấp Phiếu lý lịch tư pháp',
      'LLTP – Lý lịch tư pháp',
      '10 ngày',
      '200.000 đồng/lần/người',
    ]);
    expect(cells('1.001193')[4]).toBe('—');
    expect(queries[0]).toEqual({ q: '', areaId: '', limit: 200 });

    await act(async () => type(host, 'input[name=q]', 'khai'));
    await settle();
    expect(queries.at(-1)).toEqual({ q: 'khai', areaId: '', limit: 200 });
    expect(rows()).toEqual(['1.001193']);

    await act(async () => type(host, 'input[name=q]', 'khai sinh xyz'));
    await settle();
    expect(rows()).toEqual([]);
    expect(host.querySelector('[data-testid=no-procedures]')?.textContent).toBe(
      'Không tìm thấy thủ tục nào cho «khai sinh xyz».',
    );

    await act(async () => type(host, 'input[name=q]', ''));
    await act(async () => type(host, 'select[name=areaFilter]', 'a1'));
    await settle();
    expect(queries.at(-1)).toEqual({ q: '', areaId: 'a1', limit: 200 });
    expect(rows()).toEqual(['2.000488']);
  });

  it('warns on a procedure the public cannot see (inactive area or department), and only there', async () => {
    const hidden = proc({
      id: 'p3',
      code: '9.000003',
      name: 'Thủ tục của lĩnh vực đã ngừng',
      unlisted: 'area_inactive',
    });
    const gone = proc({ id: 'p4', code: '9.000004', name: 'Thủ tục của sở đã ngừng', unlisted: 'department_inactive' });
    const api = { procedures: vi.fn(async () => [LLTP, hidden, gone]) } as unknown as AdminApi;
    await renderSettled(<ProceduresPanel api={api} catalog={catalog} />, host);
    const chip = (code: string) => host.querySelector(`tr[data-procedure="${code}"] [data-testid=unlisted]`);
    expect(chip('2.000488')).toBeNull();
    expect(chip('9.000003')?.textContent).toBe('Không hiển thị cho công dân');
    expect(cells('9.000003')[1]).toContain('Lĩnh vực đã ngừng hoạt động: ki-ốt và công dân không thấy thủ tục này.');
    expect(cells('9.000004')[1]).toContain('Sở, ngành đã ngừng hoạt động');
  });

  it('shows only the answer to the latest query when an older one arrives late', async () => {
    let release: (v: ProcedureDto[]) => void = () => undefined;
    const procedures = vi.fn(async (p: ProcedureQuery = {}) =>
      p.q === 'k' ? new Promise<ProcedureDto[]>((r) => (release = r)) : p.q ? [KHAI_SINH] : [LLTP, KHAI_SINH],
    );
    const api = { procedures } as unknown as AdminApi;
    await renderSettled(<ProceduresPanel api={api} catalog={catalog} />, host);
    await act(async () => type(host, 'input[name=q]', 'k'));
    await act(async () => type(host, 'input[name=q]', 'khai'));
    await settle();
    await act(async () => release([LLTP]));
    await settle();
    expect(rows()).toEqual(['1.001193']);
  });
});

describe('edit form', () => {
  it('says in Vietnamese what is wrong and sends nothing; a valid edit sends the lists split', async () => {
    const saveProcedure = vi.fn(async () => LLTP);
    const { api } = fakeApi({ saveProcedure });
    await renderSettled(<ProceduresPanel api={api} catalog={catalog} />, host);
    await act(async () => clickText(host, '+ Thêm thủ tục'));
    await act(async () => {
      type(host, 'input[name=code]', 'mã sai!');
      type(host, 'select[name=areaId]', '');
    });
    await act(async () => submit(host.querySelector('form')));
    const error = (name: string) =>
      host.querySelector(`[name=${name}]`)?.closest('.field')?.querySelector('.field-error')?.textContent ?? null;
    expect([error('code'), error('name'), error('areaId')]).toEqual([
      'Mã thủ tục: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang (ví dụ 2.000488).',
      'Nhập tên thủ tục.',
      'Chọn lĩnh vực.',
    ]);
    // A code another procedure holds is said before sending; a document over the limit says the limit.
    await act(async () => {
      type(host, 'input[name=code]', '1.001193');
      type(host, 'input[name=name]', 'Đăng ký khai sinh lưu động');
      type(host, 'select[name=areaId]', 'a2');
      type(host, 'textarea[name=documents]', `Tờ khai\n${'x'.repeat(1001)}`);
    });
    await act(async () => submit(host.querySelector('form')));
    expect([error('code'), error('documents')]).toEqual([
      'Mã thủ tục này đã có trong danh mục.',
      'Mỗi giấy tờ tối đa 1000 ký tự.',
    ]);
    expect(saveProcedure).not.toHaveBeenCalled();

    await act(async () => clickText(host, 'Huỷ'));
    await act(async () => (host.querySelector('tr[data-procedure="2.000488"] button') as HTMLButtonElement).click());
    expect((host.querySelector('textarea[name=documents]') as HTMLTextAreaElement).value).toBe(
      'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp\nBản chụp căn cước',
    );
    await act(async () => {
      type(host, 'textarea[name=documents]', ' Tờ khai \n\n Bản chụp căn cước \n');
      type(host, 'input[name=keywords]', 'lý lịch ; LLTP;; phiếu số 1 ');
    });
    await act(async () => submit(host.querySelector('form')));
    await settle();
    expect(saveProcedure).toHaveBeenCalledWith(
      {
        code: '2.000488',
        name: 'Cấp Phiếu lý lịch tư pháp',
        areaId: 'a1',
        timeLimit: '10 ngày',
        fee: '200.000 đồng/lần/người',
        documents: ['Tờ khai', 'Bản chụp căn cước'],
        keywords: ['lý lịch', 'LLTP', 'phiếu số 1'],
      },
      'p1',
    );
    expect(host.querySelector('.notice-ok')?.textContent).toBe('Đã lưu thủ tục 2.000488 – Cấp Phiếu lý lịch tư pháp.');
  });
});

describe('withdraw', () => {
  it('asks first; a refusal sends nothing, a yes sends DELETE and reloads the list', async () => {
    const withdrawProcedure = vi.fn(async () => LLTP);
    const { api, procedures } = fakeApi({ withdrawProcedure });
    await renderSettled(<ProceduresPanel api={api} catalog={catalog} />, host);
    const ask = vi.fn(() => false);
    vi.stubGlobal('confirm', ask);
    const button = () =>
      [...host.querySelectorAll<HTMLButtonElement>('tr[data-procedure="2.000488"] button')].find(
        (b) => b.textContent === 'Ngừng áp dụng',
      )!;
    await act(async () => button().click());
    expect(ask).toHaveBeenCalledWith(
      'Ngừng áp dụng thủ tục 2.000488 – Cấp Phiếu lý lịch tư pháp? Ki-ốt sẽ không còn hiển thị thủ tục này; các số đã cấp vẫn giữ thủ tục.',
    );
    expect(withdrawProcedure).not.toHaveBeenCalled();
    const loads = procedures.mock.calls.length;
    ask.mockReturnValue(true);
    await act(async () => button().click());
    await settle();
    expect(withdrawProcedure).toHaveBeenCalledWith('p1');
    expect(procedures.mock.calls.length).toBe(loads + 1);
    expect(host.querySelector('.notice-ok')?.textContent).toBe('Đã ngừng áp dụng thủ tục 2.000488.');
  });
});
