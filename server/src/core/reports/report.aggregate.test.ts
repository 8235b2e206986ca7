import { describe, expect, it } from 'vitest';
import { histogramPercentile, reportToCsv, sumHistograms, type ReportContext } from './report.aggregate.ts';
import { buildReport, type TicketFact } from './report.reference.ts';

const T0 = Date.parse('2026-11-26T08:00:00+07:00');
const min = 60_000;
const ticket = (p: Partial<TicketFact>): TicketFact => ({
  issuedAreaId: 'A',
  areaId: 'A',
  counterId: 'C1',
  clerkId: 'U1',
  status: 'done',
  businessDay: '2026-11-26',
  issuedAt: T0,
  firstCalledAt: null,
  calledAt: null,
  finishedAt: null,
  transfers: 0,
  ...p,
});
const ctx: ReportContext = {
  groupBy: 'area',
  levels: ['very_satisfied', 'satisfied', 'unsatisfied'],
  departmentOf: () => 'D',
  targetWaitSec: (a) => (a === 'A' ? 20 * 60 : null),
  hourOf: (ms) => new Date(ms + 7 * 3600_000).getUTCHours(),
  baseKeys: [
    { id: 'A', key: 'LLTP', label: 'Lý lịch tư pháp' },
    { id: 'B', key: 'HTCT', label: 'Hộ tịch' },
  ],
  label: (id) => ({ key: id, label: id }),
};

describe('report arithmetic (hand-computed fixture day)', () => {
  // Waits in minutes: 5, 10, 15, 30 (first call); services: 4, 6 minutes for done tickets.
  const tickets = [
    ticket({ firstCalledAt: T0 + 5 * min, calledAt: T0 + 5 * min, finishedAt: T0 + 9 * min }),
    ticket({ firstCalledAt: T0 + 10 * min, calledAt: T0 + 10 * min, finishedAt: T0 + 16 * min }),
    ticket({ status: 'no_show', firstCalledAt: T0 + 15 * min, calledAt: T0 + 15 * min, finishedAt: T0 + 16 * min }),
    ticket({
      status: 'done',
      firstCalledAt: T0 + 30 * min,
      calledAt: T0 + 40 * min,
      finishedAt: T0 + 45 * min,
      issuedAreaId: 'B',
      areaId: 'A',
      transfers: 1,
    }),
    ticket({ status: 'expired', issuedAreaId: 'B', areaId: 'B', counterId: null, clerkId: null }),
  ];
  const ratings = [
    { level: 'very_satisfied', areaId: 'A', counterId: 'C1', clerkId: 'U1', businessDay: '2026-11-26', issuedAt: T0 },
    { level: 'unsatisfied', areaId: 'A', counterId: 'C1', clerkId: 'U1', businessDay: '2026-11-26', issuedAt: T0 },
  ];

  it('counts, averages and takes percentiles by area', () => {
    const rows = buildReport(ctx, tickets, [], ratings);
    const a = rows.find((r) => r.key === 'LLTP')!;
    expect(a).toMatchObject({ issued: 3, served: 3, noShow: 1, expired: 0 });
    expect(a.avgWaitSec).toBe(Math.round(((5 + 10 + 15 + 30) * 60) / 4)); // 900
    expect(a.medianWaitSec).toBe(10 * 60); // nearest rank: 2nd of 4
    expect(a.p90WaitSec).toBe(30 * 60); // nearest rank: 4th of 4
    expect(a.avgServiceSec).toBe(Math.round(((4 + 6 + 5) * 60) / 3)); // 300
    // Targets come from the issued area: A has 20 min (3 tickets: 5, 10, 15 → all within), B has none.
    expect(a.serviceLevel).toBe(1);
    expect(a.ratings).toEqual({ very_satisfied: 1, satisfied: 0, unsatisfied: 1 });
    expect(a.satisfiedShare).toBe(0.5);
    const b = rows.find((r) => r.key === 'HTCT')!;
    expect(b).toMatchObject({ issued: 2, served: 0, expired: 1, avgWaitSec: null, p90WaitSec: null });
  });

  it('uses nearest-rank percentiles', () => {
    const hist = (xs: number[]) => {
      const m = new Map<number, number>();
      for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
      return m;
    };
    expect(histogramPercentile(hist([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), 90)).toBe(9);
    expect(histogramPercentile(hist([7]), 90)).toBe(7);
    expect(histogramPercentile(hist([5, 5, 5, 1]), 50)).toBe(5);
    expect(histogramPercentile(new Map(), 50)).toBe(null);
    // In ascending order (as reports read them) and not: the same answers.
    expect(
      histogramPercentile(
        new Map([
          [1, 1],
          [2, 1],
          [3, 1],
          [4, 1],
        ]),
        50,
      ),
    ).toBe(2);
    expect(
      histogramPercentile(
        new Map([
          [4, 1],
          [-3, 2],
          [2, 1],
        ]),
        50,
      ),
    ).toBe(-3);
  });

  it('sums histograms: every value of any, a zero sum kept, far, negative and fractional values too', () => {
    const sum = sumHistograms([
      new Map([
        [5, 2],
        [90_000, 1],
        [-4, 1],
      ]),
      new Map([
        [5, -2],
        [2.5, 3],
        [7, 1],
      ]),
      new Map([
        [90_000, 2],
        [0, 1],
      ]),
    ]);
    expect(sum).toEqual(
      new Map([
        [0, 1],
        [5, 0],
        [7, 1],
        [90_000, 3],
        [-4, 1],
        [2.5, 3],
      ]),
    );
    const one = new Map([[3, 1]]);
    expect(sumHistograms([one])).toEqual(one);
    expect(sumHistograms([one])).not.toBe(one); // a copy: a merged total never aliases a group's histogram
    expect(sumHistograms([])).toEqual(new Map());
  });

  it('writes CSV with a BOM, a header and neutralised formulas', () => {
    const rows = buildReport(
      { ...ctx, baseKeys: [{ id: 'A', key: '=cmd', label: 'Đất đai, "nhà"' }] },
      tickets.slice(0, 1),
      [],
      [],
    );
    const csv = reportToCsv(rows, [{ key: 'very_satisfied', label: 'Rất hài lòng' }]);
    expect(csv.startsWith('\uFEFFMã,Tên,Đã cấp')).toBe(true);
    expect(csv).toContain(`'=cmd,"Đất đai, ""nhà""",1,1`);
  });
});
