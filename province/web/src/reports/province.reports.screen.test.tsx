// @vitest-environment happy-dom
import { withTestHost, renderSettled } from '@ui/render.testing';
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { createProvinceApi } from '../province.api.ts';
import { center, fakeHub, report, row } from '../province.testing.ts';
import { ProvinceReports } from './province.reports.screen.tsx';
import { reportColumns } from '@ui/report.format';

const DEFAULT_LEVELS = [
  { key: 'very_satisfied', label: 'Rất hài lòng' },
  { key: 'satisfied', label: 'Hài lòng' },
  { key: 'unsatisfied', label: 'Chưa hài lòng' },
];

let host: HTMLElement;
withTestHost((h) => (host = h));
// 10:00 in Hà Nội on Tuesday 1 December 2026.
const NOW = Date.parse('2026-12-01T03:00:00.000Z');
const $$ = (sel: string) => [...host.querySelectorAll<HTMLElement>(sel)];

function hub() {
  return fakeHub((url) => {
    if (url.pathname === '/api/province/centers') return { body: [center('NL', { name: 'Xã Nghi Lộc' })] };
    if (url.pathname !== '/api/province/reports/summary') return undefined;
    const q = url.searchParams;
    const rows =
      q.get('groupBy') === 'clerk'
        ? [row('NL/canbo1', 'Nguyễn Thị An'), row('DL/canbo1', 'Trần Văn Bình')]
        : [row('NL', 'Xã Nghi Lộc', { issued: 12 }), row('DL', 'Xã Đô Lương')];
    return { body: report(q, rows) };
  });
}

async function show(h = hub()) {
  await renderSettled(
    <ProvinceReports
      api={createProvinceApi(() => 'tok', h.fetch)}
      timeZone="Asia/Ho_Chi_Minh"
      provinceName="Trung tâm Phục vụ hành chính công tỉnh Nghệ An"
      onUnauthorized={() => undefined}
      now={() => NOW}
    />,
    host,
  );
  return h;
}
const reportCalls = (h: ReturnType<typeof hub>) =>
  h.calls.filter((c) => c.url.pathname === '/api/province/reports/summary').map((c) => c.url.search);

describe('province reports', () => {
  it('shows today by center with the center report’s Vietnamese headings, totals and file links', async () => {
    const h = await show();
    expect(reportCalls(h)).toEqual(['?from=2026-12-01&to=2026-12-01&groupBy=center']);
    // The center's columns (ui/src/report.format.test.ts spells them out) with the center first, the rating levels
    // the centers offer by default.
    expect($$('thead th').map((t) => t.textContent)).toEqual([
      'Trung tâm',
      ...reportColumns('area', DEFAULT_LEVELS)
        .slice(1)
        .map((c) => c.label),
    ]);
    const first = $$('tbody tr')[0]!;
    expect([...first.querySelectorAll('td')].slice(0, 3).map((t) => t.textContent)).toEqual([
      'Xã Nghi Lộc (NL)',
      '12',
      '8',
    ]);
    expect(first.textContent).toContain('02:05'); // average wait 125 s as mm:ss
    expect(first.textContent).toContain('75 %');
    expect(host.querySelector('tfoot')!.textContent).toContain('Tổng cộng');
    expect(host.querySelector<HTMLAnchorElement>('a[data-format=csv]')!.getAttribute('href')).toBe(
      '/api/province/reports/summary?from=2026-12-01&to=2026-12-01&groupBy=center&format=csv',
    );
    expect(host.querySelector<HTMLAnchorElement>('a[data-format=xlsx]')!.getAttribute('href')).toContain('format=xlsx');
  });

  it('quick ranges, typed dd/mm/yyyy days and every grouping ask the hub for that report', async () => {
    const h = await show();
    const pill = (label: string) => $$('.presets .pill').find((b) => b.textContent === label)!;
    expect($$('.presets .pill').map((b) => b.textContent)).toEqual(['Hôm nay', 'Tháng này', 'Quý này', 'Năm nay']);
    await act(async () => pill('Quý này').click());
    await act(async () => pill('Năm nay').click());
    const from = host.querySelector<HTMLInputElement>('input[name=from]')!;
    expect(from.value).toBe('01/01/2026');
    await act(async () => {
      from.value = '15/03/2026';
      from.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const select = host.querySelector<HTMLSelectElement>('select[name=groupBy]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Trung tâm', 'Lĩnh vực', 'Thủ tục', 'Cán bộ']);
    await act(async () => {
      select.value = 'procedure';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(reportCalls(h)).toEqual([
      '?from=2026-12-01&to=2026-12-01&groupBy=center',
      '?from=2026-10-01&to=2026-12-01&groupBy=center',
      '?from=2026-01-01&to=2026-12-01&groupBy=center',
      '?from=2026-03-15&to=2026-12-01&groupBy=center',
      '?from=2026-03-15&to=2026-12-01&groupBy=procedure',
    ]);
    expect(host.querySelector('thead th')!.textContent).toBe('Thủ tục');
    expect(host.querySelector<HTMLAnchorElement>('a[data-format=csv]')!.getAttribute('href')).toContain(
      'from=2026-03-15&to=2026-12-01&groupBy=procedure&format=csv',
    );
  });

  it('the quarterly clerk evaluation covers the whole quarter, every center, with the center beside each clerk', async () => {
    const h = await show();
    await act(async () =>
      $$('button')
        .find((b) => b.textContent?.startsWith('Đánh giá cán bộ'))!
        .click(),
    );
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(reportCalls(h).at(-1)).toBe('?from=2026-10-01&to=2026-12-31&groupBy=clerk');
    expect(host.querySelector('.paper-title')!.textContent).toBe(
      'BẢNG TỔNG HỢP KẾT QUẢ PHỤC VỤ CỦA CÁN BỘ TOÀN TỈNH — QUÝ IV/2026',
    );
    expect(host.querySelector('.paper-org')!.textContent).toBe('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH NGHỆ AN');
    const cells = (i: number) =>
      [...$$('.paper-table tbody tr')[i]!.querySelectorAll('td')].slice(0, 5).map((t) => t.textContent);
    expect(cells(0)).toEqual(['1', 'Xã Nghi Lộc', 'Nguyễn Thị An', 'canbo1', '8']);
    expect(cells(1)).toEqual(['2', 'DL', 'Trần Văn Bình', 'canbo1', '8']);
    const quarter = host.querySelector<HTMLSelectElement>('select[name=quarter]')!;
    await act(async () => {
      quarter.value = '0';
      quarter.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(reportCalls(h).at(-1)).toBe('?from=2026-01-01&to=2026-12-31&groupBy=clerk');
  });
});

describe('province reports, the date bar shared with the center (ui/src/report.controls.tsx)', () => {
  it('lights only the pressed preset and says an impossible day in words, asking nothing for it', async () => {
    const h = await show();
    const lit = () => $$('.presets .pill.on').map((b) => b.textContent);
    expect(lit()).toEqual(['Hôm nay']);
    await act(async () =>
      $$('.presets .pill')
        .find((b) => b.textContent === 'Tháng này')!
        .click(),
    );
    // On the 1st "Hôm nay" and "Tháng này" are the same days: only the one pressed is lit.
    expect(lit()).toEqual(['Tháng này']);
    const asked = reportCalls(h).length;
    const to = host.querySelector<HTMLInputElement>('input[name=to]')!;
    await act(async () => {
      to.value = '31/02/2026';
      to.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      to.dispatchEvent(new Event('blur'));
    });
    expect(host.querySelector('[role="alert"]')?.textContent).toContain(
      'Ngày kết thúc “31/02/2026” không có trên lịch.',
    );
    expect(reportCalls(h).length).toBe(asked);
  });
});
