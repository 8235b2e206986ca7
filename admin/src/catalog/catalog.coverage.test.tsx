// @vitest-environment happy-dom
import { withTestHost } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { AreaDto, CounterDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { clickText, settle, submit, type } from '../admin.testing.ts';
import { renderSettled } from '@ui/render.testing';
import { AreasPanel } from './areas.panel.tsx';
import { CountersPanel } from './counters.panel.tsx';

/** Admin warns before a citizen can be stranded: an area no counter serves, and a counter change that leaves one. */
let host: HTMLElement;
withTestHost((h) => (host = h));
const mount = (node: preact.ComponentChild) => renderSettled(node, host);
const fake = (p: Partial<AdminApi>) => p as AdminApi;

const area = (p: Partial<AreaDto>): AreaDto => ({
  id: 'a1',
  code: 'LLTP',
  name: 'Lý lịch tư pháp',
  departmentId: 'd1',
  departmentName: 'Sở Tư pháp',
  departmentCode: 'STP',
  open: true,
  active: true,
  available: true,
  unavailableReason: null,
  waiting: 0,
  issuedToday: 0,
  dailyLimit: null,
  numberStart: 1001,
  numberEnd: 1999,
  targetWaitMinutes: 20,
  servingCounters: 0,
  estimatedWaitMin: null,
  longestWaitSec: 0,
  hours: null,
  sort: 0,
  ...p,
});
const counter = (p: Partial<CounterDto & { active: boolean }>): CounterDto & { active?: boolean } => ({
  id: 'c1',
  number: 1,
  name: 'Quầy 1',
  areaIds: ['a1'],
  status: 'closed',
  clerk: null,
  currentTicket: null,
  updatedAt: '',
  ...p,
});
const catalog = {
  departments: [{ id: 'd1', code: 'STP', name: 'Sở Tư pháp', sort: 0, active: true }],
  areas: [
    area({}),
    area({ id: 'a2', code: 'HTCT', name: 'Hộ tịch', numberStart: 2001, numberEnd: 2999 }),
    area({ id: 'a3', code: 'CU', name: 'Lĩnh vực cũ', numberStart: 3001, numberEnd: 3999, active: false }),
  ],
  counters: [counter({}), counter({ id: 'c9', number: 9, areaIds: ['a2'], active: false })],
};

describe('areas no counter serves', () => {
  it('the list marks an active area no active counter serves', async () => {
    await mount(<AreasPanel api={fake({})} catalog={catalog} reload={async () => undefined} />);
    const badge = (code: string) =>
      host.querySelector(`tr[data-area=${code}] [data-testid=no-counter]`)?.textContent ?? null;
    expect([badge('LLTP'), badge('HTCT'), badge('CU')]).toEqual([null, 'Chưa có quầy phục vụ', null]);
  });

  it('saving an area no counter serves warns that the kiosk will not issue there', async () => {
    const saveArea = vi.fn(async () => area({ id: 'a4', code: 'MOI', name: 'Lĩnh vực mới' }));
    await mount(<AreasPanel api={fake({ saveArea })} catalog={catalog} reload={async () => undefined} />);
    await act(async () => {
      clickText(host, '+ Thêm lĩnh vực');
    });
    await act(async () => {
      type(host, 'input[name=code]', 'MOI');
      type(host, 'input[name=name]', 'Lĩnh vực mới');
      type(host, 'input[name=numberStart]', '5001');
      type(host, 'input[name=numberEnd]', '5999');
    });
    await act(async () => {
      submit(host.querySelector('form'));
    });
    await settle();
    expect(saveArea).toHaveBeenCalled();
    expect(host.querySelector('[data-testid=coverage-warning]')?.textContent).toBe(
      'Lưu ý: chưa có quầy nào phục vụ lĩnh vực MOI – Lĩnh vực mới. Ki-ốt chưa cấp số cho lĩnh vực này cho đến khi một quầy được gán (mục Quầy).',
    );
  });
});

describe('a counter change that leaves an area without a counter', () => {
  it('says which areas lose their last counter before saving, and again once saved', async () => {
    const saveCounter = vi.fn(async () => counter({ areaIds: ['a2'] }));
    await mount(<CountersPanel api={fake({ saveCounter })} catalog={catalog} reload={async () => undefined} />);
    await act(async () => {
      host.querySelector<HTMLButtonElement>('tr[data-counter="1"] button')!.click();
    });
    expect(host.querySelector('[data-testid=uncovered]')).toBeNull();
    await act(async () => {
      type(host, 'select[name=addArea]', 'a2');
    });
    await act(async () => {
      clickText(host, '+ Thêm lĩnh vực');
    });
    await act(async () => {
      host.querySelector<HTMLButtonElement>('.ordered-list button[aria-label="Bỏ"]')!.click();
    }); // drops LLTP
    const text =
      'Sau khi lưu, không còn quầy nào phục vụ LLTP – Lý lịch tư pháp: ki-ốt sẽ ngừng cấp số và người đang chờ ở đó sẽ không được gọi.';
    expect(host.querySelector('[data-testid=uncovered]')?.textContent).toBe(text);
    await act(async () => {
      submit(host.querySelector('form'));
    });
    await settle();
    expect(saveCounter).toHaveBeenCalledWith({ number: 1, name: 'Quầy 1', areaIds: ['a2'], active: true }, 'c1');
    expect(host.querySelector('[data-testid=coverage-warning]')?.textContent).toBe(`Lưu ý: ${text}`);
  });
});
