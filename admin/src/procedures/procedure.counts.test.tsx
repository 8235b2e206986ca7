// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { AreaDto, ProcedureDto } from '@contract/dto';
import { renderSettled, withTestHost } from '@ui/render.testing';
import type { AdminApi, ProcedureQuery } from '../admin.api.ts';
import { AreasPanel } from '../catalog/areas.panel.tsx';

/** Issue 12: each area says how many procedures it holds, and warns when it holds none (citizens search by procedure). */
let host: HTMLElement;
withTestHost((h) => (host = h));

const area = (id: string, code: string, active = true) =>
  ({ id, code, name: code, departmentId: 'd1', active, open: true, numberStart: 1, numberEnd: 9 }) as AreaDto;
const catalog = {
  departments: [{ id: 'd1', code: 'STP', name: 'Sở Tư pháp', sort: 0, active: true }],
  areas: [area('a1', 'LLTP'), area('a2', 'HTCT'), area('a3', 'DDMT'), area('a4', 'CU', false)],
  // Every area has a counter, so only the procedure badge can appear.
  counters: [
    {
      id: 'c1',
      number: 1,
      name: 'Quầy 1',
      areaIds: ['a1', 'a2', 'a3', 'a4'],
      status: 'closed' as const,
      clerk: null,
      currentTicket: null,
      updatedAt: '',
    },
  ],
};
const many = (n: number, areaId: string) =>
  Array.from({ length: n }, (_, i) => ({ id: `${areaId}-${i}`, code: `1.${i}`, areaId }) as ProcedureDto);

const cell = (code: string, sel: string) =>
  host.querySelector(`tr[data-area=${code}] [data-testid=${sel}]`)?.textContent?.trim() ?? null;

describe('areas and their procedures', () => {
  it('shows each area’s count, "200+" at the cap, and "Chưa có thủ tục" for an active area with none', async () => {
    const procedures = vi.fn(async (p: ProcedureQuery = {}) =>
      p.areaId === 'a1' ? many(8, 'a1') : p.areaId === 'a3' ? many(200, 'a3') : [],
    );
    await renderSettled(
      <AreasPanel api={{ procedures } as unknown as AdminApi} catalog={catalog} reload={async () => undefined} />,
      host,
    );
    expect(procedures).toHaveBeenCalledWith({ areaId: 'a2', limit: 200 });
    expect(['LLTP', 'HTCT', 'DDMT', 'CU'].map((c) => cell(c, 'procedure-count'))).toEqual(['8', '0', '200+', '0']);
    expect(['LLTP', 'HTCT', 'DDMT', 'CU'].map((c) => cell(c, 'no-procedure'))).toEqual([
      null,
      'Chưa có thủ tục',
      null,
      null,
    ]);
    expect(host.querySelector('[data-testid=no-counter]')).toBeNull();
  });

  it('says nothing it does not know: a server without the catalogue leaves counts blank and no warning', async () => {
    const procedures = vi.fn(async () => {
      throw new Error('404');
    });
    await renderSettled(
      <AreasPanel api={{ procedures } as unknown as AdminApi} catalog={catalog} reload={async () => undefined} />,
      host,
    );
    expect(cell('HTCT', 'procedure-count')).toBe('—');
    expect(host.querySelector('[data-testid=no-procedure]')).toBeNull();
  });
});
