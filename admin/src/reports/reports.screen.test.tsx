// @vitest-environment happy-dom
import { renderSettled, settle, withTestHost } from '@ui/render.testing';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportRow } from '@contract/dto';
import type { AdminApi, Report } from '../admin.api.ts';
import { clickText, type } from '../admin.testing.ts';
import { ClerkSummary } from './clerk.summary.tsx';
import { axisTicks, ReportChart } from './report.chart.tsx';
import { ReportsScreen } from './reports.screen.tsx';

/** Issue 17, reports: the chart axis, the presets on the 1st of a month, impossible dates, the clerk summary. */
let host: HTMLElement;
withTestHost((h) => (host = h));
afterEach(() => {
  vi.useRealTimers();
});

const row = (key: string, issued: number, served: number): ReportRow => ({
  key,
  label: key,
  issued,
  served,
  noShow: 0,
  transferred: 0,
  expired: 0,
  avgWaitSec: null,
  medianWaitSec: null,
  p90WaitSec: null,
  avgServiceSec: null,
  serviceLevel: null,
  ratings: {},
  ratedCount: 0,
  satisfiedShare: null,
});
function fakeApi() {
  const asked: { from: string; to: string; groupBy: string }[] = [];
  const api = {
    report: async (q: { from: string; to: string; groupBy: string }): Promise<Report> => {
      asked.push(q);
      return { ...q, rows: [row('A', 5, 4)], totals: row('total', 5, 4) } as unknown as Report;
    },
  } as unknown as AdminApi;
  return { api, asked };
}
const lit = () => [...host.querySelectorAll('.presets .pill.on')].map((b) => b.textContent);

describe('reports screen (issue 17)', () => {
  it('the value axis counts in whole, evenly spaced steps and never skips one', () => {
    expect(axisTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(axisTicks(347)).toEqual([0, 100, 200, 300, 400]);
    for (let max = 0; max < 2000; max += 7) {
      const t = axisTicks(max);
      const step = t[1]! - t[0]!;
      expect(t.every((v, i) => Number.isInteger(v) && v === i * step)).toBe(true);
      expect(t.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(t.length).toBeLessThanOrEqual(7);
    }
  });

  it('draws those ticks on the chart (0 1 2 3 4 5 for a tallest bar of 5)', async () => {
    await renderSettled(<ReportChart rows={[row('A', 5, 4), row('B', 2, 1)]} groupBy="area" />, host);
    expect([...host.querySelectorAll('text.tick')].map((t) => t.textContent)).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('on the 1st of a month only the pressed preset is lit, not "Hôm nay" and "Tháng này" both', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T03:00:00Z')); // 10:00 in Hà Nội, the 1st
    const { api, asked } = fakeApi();
    await renderSettled(
      <ReportsScreen api={api} timeZone="Asia/Ho_Chi_Minh" levels={[]} centerName="Trung tâm" />,
      host,
    );
    expect(lit()).toEqual(['Hôm nay']);
    await act(async () => clickText(host, 'Tháng này'));
    await settle();
    expect(lit()).toEqual(['Tháng này']);
    expect(asked.at(-1)).toMatchObject({ from: '2026-12-01', to: '2026-12-01' });
    // A typed date is no preset at all.
    await act(async () => type(host, 'input[name="from"]', '20/11/2026'));
    await settle();
    expect(lit()).toEqual([]);
    expect(asked.at(-1)).toMatchObject({ from: '2026-11-20', to: '2026-12-01' });
  });

  it('an impossible date is told in Vietnamese, not only in red; a real one clears the message', async () => {
    const { api, asked } = fakeApi();
    await renderSettled(
      <ReportsScreen api={api} timeZone="Asia/Ho_Chi_Minh" levels={[]} centerName="Trung tâm" />,
      host,
    );
    const asks = asked.length;
    const input = host.querySelector<HTMLInputElement>('input[name="to"]')!;
    await act(async () => type(host, 'input[name="to"]', '31/02/2026'));
    await act(async () => {
      input.dispatchEvent(new Event('blur'));
    });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain(
      'Ngày kết thúc “31/02/2026” không có trên lịch.',
    );
    expect(asked.length).toBe(asks); // nothing asked of the server for a day that does not exist
    await act(async () => type(host, 'input[name="to"]', '13/2026'));
    await act(async () => {
      input.dispatchEvent(new Event('blur'));
    });
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('chưa đúng dạng ngày/tháng/năm (dd/mm/yyyy)');
    await act(async () => type(host, 'input[name="to"]', '28/02/2027'));
    await settle();
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });

  it('the clerk summary is headed by the national name and motto as Nghị định 30/2020/NĐ-CP spells them', async () => {
    const { api } = fakeApi();
    await renderSettled(
      <ClerkSummary api={api} levels={[]} centerName="Trung tâm" year={2026} quarter={4} onBack={() => undefined} />,
      host,
    );
    const nation = host.querySelector('.paper-nation')!;
    expect([...nation.children].map((c) => c.textContent)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
    expect(nation.querySelector('.paper-motto')?.tagName).toBe('B');
  });
});
