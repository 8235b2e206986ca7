import { describe, expect, it } from 'vitest';
import type { ReportRow } from '@contract/dto';
import { mmss, percent } from './number.format.ts';
import { periodRange, presetRange, quarterOf, reportColumns, rowLabel } from './report.format.ts';
import { parseDmy } from './time.format.ts';

const row = (p: Partial<ReportRow> = {}): ReportRow => ({
  key: 'LLTP',
  label: 'Lý lịch tư pháp',
  issued: 12,
  served: 10,
  noShow: 1,
  transferred: 1,
  expired: 0,
  avgWaitSec: 125.4,
  medianWaitSec: 60,
  p90WaitSec: 3671,
  avgServiceSec: 300,
  serviceLevel: 0.875,
  ratings: { very_satisfied: 5, satisfied: 2, unsatisfied: 1 },
  ratedCount: 8,
  satisfiedShare: 0.875,
  ...p,
});
const levels = [
  { key: 'very_satisfied', label: 'Rất hài lòng' },
  { key: 'satisfied', label: 'Hài lòng' },
  { key: 'unsatisfied', label: 'Chưa hài lòng' },
];

describe('report formatting', () => {
  it('durations are mm:ss (minutes keep counting), shares are Vietnamese percentages', () => {
    expect(mmss(125.4)).toBe('02:05');
    expect(mmss(3671)).toBe('61:11');
    expect(mmss(null)).toBe('—');
    expect(percent(0.875)).toBe('87,5 %');
    expect(percent(1)).toBe('100 %');
    expect(percent(null)).toBe('—');
  });

  it('has every ReportRow column in Vietnamese with the rating levels in order', () => {
    const cols = reportColumns('area', levels);
    expect(cols.map((c) => c.label)).toEqual([
      'Lĩnh vực',
      'Đã cấp',
      'Đã phục vụ',
      'Vắng mặt',
      'Chuyển',
      'Hết hạn',
      'Chờ TB',
      'Chờ trung vị',
      'Chờ P90',
      'Phục vụ TB',
      'Tỉ lệ đúng hạn',
      'Rất hài lòng',
      'Hài lòng',
      'Chưa hài lòng',
      'Số lượt đánh giá',
      'Tỉ lệ hài lòng',
    ]);
    expect(cols.map((c) => c.value(row()))).toEqual([
      'Lý lịch tư pháp',
      '12',
      '10',
      '1',
      '1',
      '0',
      '02:05',
      '01:00',
      '61:11',
      '05:00',
      '87,5 %',
      '5',
      '2',
      '1',
      '8',
      '87,5 %',
    ]);
  });

  it('labels hours, days and counters the way people read them', () => {
    expect(rowLabel(row({ key: '8', label: '8' }), 'hour')).toBe('08:00–09:00');
    expect(rowLabel(row({ key: '2026-11-26', label: '2026-11-26' }), 'day')).toBe('26/11/2026');
    expect(rowLabel(row({ key: '3', label: '3' }), 'counter')).toBe('Quầy 3');
  });

  it('date presets are relative to the center’s today', () => {
    expect(presetRange('today', '2026-11-26')).toEqual({ from: '2026-11-26', to: '2026-11-26' });
    expect(presetRange('7d', '2026-11-03')).toEqual({ from: '2026-10-28', to: '2026-11-03' });
    expect(presetRange('month', '2026-11-26')).toEqual({ from: '2026-11-01', to: '2026-11-26' });
    expect(presetRange('quarter', '2026-11-26')).toEqual({ from: '2026-10-01', to: '2026-11-26' });
    expect(presetRange('year', '2026-11-26')).toEqual({ from: '2026-01-01', to: '2026-11-26' });
  });

  it('quarter and year periods carry the printed title', () => {
    expect(periodRange(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31', title: 'QUÝ IV/2026' });
    expect(periodRange(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31', title: 'QUÝ I/2024' });
    expect(periodRange(2026, 0)).toEqual({ from: '2026-01-01', to: '2026-12-31', title: 'NĂM 2026' });
    expect(quarterOf('2026-11-26')).toBe(4);
  });

  it('reads dd/mm/yyyy', () => {
    expect(parseDmy('26/11/2026')).toBe('2026-11-26');
    expect(parseDmy('1/2/2026')).toBe('2026-02-01');
    expect(parseDmy('31/02/2026')).toBeNull();
    expect(parseDmy('2026-11-26')).toBeNull();
  });
});
