// @vitest-environment happy-dom
import { withTestHost } from '@ui/render.testing';
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { AreaDto, ReportRow } from '@contract/dto';
import { ApiError } from '@client/api.client';
import { centerSettingsSchema } from '@contract/settings.schema';
import type { AdminApi } from './admin.api.ts';
import { clickText, settle, submit, type } from './admin.testing.ts';
import { renderSettled } from '@ui/render.testing';
import { AreasPanel } from './catalog/areas.panel.tsx';
import { CountersPanel } from './catalog/counters.panel.tsx';
import { ReportsScreen } from './reports/reports.screen.tsx';
import { SettingsScreen } from './settings/settings.screen.tsx';

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
  dailyLimit: 300,
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
const catalog = {
  departments: [{ id: 'd1', code: 'STP', name: 'Sở Tư pháp', sort: 0, active: true }],
  areas: [area({}), area({ id: 'a2', code: 'HTCT', name: 'Hộ tịch', numberStart: 2001, numberEnd: 2999 })],
  counters: [],
};

describe('area form', () => {
  it('shows the overlap before sending, then sends the whole area', async () => {
    const saveArea = vi.fn(async () => area({ id: 'a3' }));
    const reload = vi.fn(async () => undefined);
    await mount(<AreasPanel api={fake({ saveArea })} catalog={catalog} reload={reload} />);
    await act(async () => {
      clickText(host, '+ Thêm lĩnh vực');
    });
    await act(async () => {
      type(host, 'input[name=code]', 'E2E');
      type(host, 'input[name=name]', 'Thử nghiệm');
      type(host, 'input[name=numberStart]', '1500');
      type(host, 'input[name=numberEnd]', '1600');
      type(host, 'input[name=dailyLimit]', 'abc');
    });
    await act(async () => {
      submit(host.querySelector('form'));
    });
    const errors = [...host.querySelectorAll('.field-error')].map((e) => e.textContent);
    expect(errors).toEqual(['Dãy số trùng với lĩnh vực LLTP (1001–1999).', 'Để trống hoặc số nguyên ≥ 1.']);
    expect(saveArea).not.toHaveBeenCalled();
    await act(async () => {
      type(host, 'input[name=numberStart]', '10001');
      type(host, 'input[name=numberEnd]', '10999');
      type(host, 'input[name=dailyLimit]', '');
    });
    await act(async () => {
      submit(host.querySelector('form'));
    });
    await settle();
    expect(saveArea).toHaveBeenCalledWith(
      {
        code: 'E2E',
        departmentId: 'd1',
        name: 'Thử nghiệm',
        numberStart: 10001,
        numberEnd: 10999,
        dailyLimit: null,
        targetWaitMinutes: 20,
        hours: null,
        open: true,
        active: true,
      },
      undefined,
    );
    expect(host.querySelector('[role=status]')?.textContent).toBe('Đã lưu lĩnh vực E2E – Thử nghiệm.');
  });

  it('shows the server’s refusal in Vietnamese', async () => {
    const saveArea = vi.fn(async () => {
      throw new ApiError(409, 'area.code_taken', 'Mã lĩnh vực đã tồn tại.');
    });
    await mount(<AreasPanel api={fake({ saveArea })} catalog={catalog} reload={async () => undefined} />);
    await act(async () => {
      host.querySelectorAll<HTMLButtonElement>('.data-table button.btn-soft')[0]!.click();
    });
    await act(async () => {
      submit(host.querySelector('form'));
    });
    await settle();
    expect(host.querySelector('[role=alert]')?.textContent).toBe('Mã lĩnh vực đã tồn tại.');
  });
});

describe('counter form', () => {
  it('orders its areas with up/down and sends them in that order', async () => {
    const saveCounter = vi.fn(async () => ({}) as never);
    await mount(<CountersPanel api={fake({ saveCounter })} catalog={catalog} reload={async () => undefined} />);
    await act(async () => {
      clickText(host, '+ Thêm quầy');
    });
    for (const id of ['a1', 'a2']) {
      await act(async () => {
        type(host, 'select[name=addArea]', id);
      });
      await act(async () => {
        clickText(host, '+ Thêm lĩnh vực');
      });
    }
    expect([...host.querySelectorAll('.ordered-list li span')].map((s) => s.textContent)).toEqual([
      'LLTP – Lý lịch tư pháp',
      'HTCT – Hộ tịch',
    ]);
    await act(async () => {
      host.querySelectorAll<HTMLButtonElement>('.ordered-list button[aria-label="Lên"]')[1]!.click();
    });
    await act(async () => {
      submit(host.querySelector('form'));
    });
    await settle();
    expect(saveCounter).toHaveBeenCalledWith(
      { number: 1, name: 'Quầy 1', areaIds: ['a2', 'a1'], active: true },
      undefined,
    );
  });
});

describe('settings form', () => {
  it('refuses impossible hours, then PATCHes the settings with a holiday typed as dd/mm/yyyy', async () => {
    const patchSettings = vi.fn(async (s: unknown) => s as never);
    await mount(<SettingsScreen api={fake({ settings: async () => centerSettingsSchema.parse({}), patchSettings })} />);
    await act(async () => {
      clickText(host, '+ Thêm khung giờ');
    });
    await act(async () => {
      type(host, 'input[aria-label="Từ giờ"]', '12:00');
    });
    await act(async () => {
      type(host, 'input[aria-label="Đến giờ"]', '08:00');
    });
    await act(async () => {
      submit(host.querySelector('form'));
    });
    expect(patchSettings).not.toHaveBeenCalled();
    expect(host.textContent).toContain('Giờ kết thúc phải sau giờ bắt đầu.');
    await act(async () => {
      type(host, 'input[aria-label="Đến giờ"]', '16:30');
      clickText(host, '+ Thêm ngày nghỉ');
    });
    await act(async () => {
      type(host, 'input[aria-label="Ngày nghỉ"]', '01/01/2027');
    });
    await act(async () => {
      submit(host.querySelector('form'));
    });
    await settle();
    expect(patchSettings).toHaveBeenCalledTimes(1);
    const sent = patchSettings.mock.calls[0]![0] as ReturnType<typeof centerSettingsSchema.parse>;
    expect(sent.issuingHours).toEqual([{ days: [1, 2, 3, 4, 5], from: '12:00', to: '16:30' }]);
    expect(sent.holidays).toEqual(['2027-01-01']);
    expect(host.querySelector('[role=status]')?.textContent).toContain('Đã lưu cấu hình');
  });
});

describe('reports screen', () => {
  const row: ReportRow = {
    key: 'LLTP',
    label: 'Lý lịch tư pháp',
    issued: 3,
    served: 2,
    noShow: 1,
    transferred: 0,
    expired: 0,
    avgWaitSec: 95,
    medianWaitSec: 90,
    p90WaitSec: 130,
    avgServiceSec: 610,
    serviceLevel: 1,
    ratings: { very_satisfied: 2 },
    ratedCount: 2,
    satisfiedShare: 1,
  };
  it('draws the table in Vietnamese with mm:ss, and says plainly when Excel export is not supported yet', async () => {
    const report = vi.fn(
      async (q: { from: string; to: string; groupBy: string }) =>
        ({ ...q, rows: [row], totals: { ...row, key: '', label: 'Tổng' } }) as never,
    );
    const download = vi.fn(async () => {
      throw new ApiError(422, 'request.invalid', 'Dữ liệu gửi lên không hợp lệ (format).');
    });
    await mount(
      <ReportsScreen
        api={fake({ report, download })}
        timeZone="Asia/Ho_Chi_Minh"
        levels={[{ key: 'very_satisfied', label: 'Rất hài lòng' }]}
        centerName="TT"
      />,
    );
    const cells = [...host.querySelectorAll('tr[data-key=LLTP] td')].map((t) => t.textContent);
    expect(cells).toEqual([
      'Lý lịch tư pháp',
      '3',
      '2',
      '1',
      '0',
      '0',
      '01:35',
      '01:30',
      '02:10',
      '10:10',
      '100 %',
      '2',
      '2',
      '100 %',
    ]);
    expect(host.querySelector('.report-chart svg')).not.toBeNull();
    await act(async () => {
      clickText(host, 'Năm nay');
    });
    await settle();
    expect(report.mock.calls.at(-1)![0]).toMatchObject({
      from: expect.stringMatching(/^\d{4}-01-01$/),
      groupBy: 'area',
    });
    await act(async () => {
      clickText(host, 'Xuất Excel');
    });
    await settle();
    expect(host.querySelector('.notice-info')?.textContent).toContain('chưa hỗ trợ');
  });
});
