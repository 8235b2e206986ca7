import type { RatingLevel, ReportGroupBy as GroupBy, ReportRow } from '@contract/dto';
import { int, mmss, percent } from './number.format.ts';
import { formatDay } from './time.format.ts';

/*
 * The report's columns, row names, date presets and printed periods, for the center's reports (admin/) and the
 * hub's (province/web/): one set of headings and formats for both.
 */

export interface Column {
  key: string;
  label: string;
  num: boolean;
  value: (r: ReportRow) => string;
}

/** The center's groupings, in the order its reports screen offers them. */
export const GROUP_LABEL: Record<GroupBy, string> = {
  department: 'Sở, ngành',
  area: 'Lĩnh vực',
  counter: 'Quầy',
  clerk: 'Cán bộ',
  procedure: 'Thủ tục',
  channel: 'Kênh lấy số',
  hour: 'Giờ trong ngày',
  day: 'Ngày',
};

/** Every ReportRow column in Vietnamese, rating levels in the center's order between service level and satisfaction. */
export function reportColumns(groupBy: GroupBy, levels: RatingLevel[]): Column[] {
  return [
    { key: 'label', label: GROUP_LABEL[groupBy], num: false, value: (r) => rowLabel(r, groupBy) },
    { key: 'issued', label: 'Đã cấp', num: true, value: (r) => int(r.issued) },
    { key: 'served', label: 'Đã phục vụ', num: true, value: (r) => int(r.served) },
    { key: 'noShow', label: 'Vắng mặt', num: true, value: (r) => int(r.noShow) },
    { key: 'transferred', label: 'Chuyển', num: true, value: (r) => int(r.transferred) },
    { key: 'expired', label: 'Hết hạn', num: true, value: (r) => int(r.expired) },
    { key: 'avgWaitSec', label: 'Chờ TB', num: true, value: (r) => mmss(r.avgWaitSec) },
    { key: 'medianWaitSec', label: 'Chờ trung vị', num: true, value: (r) => mmss(r.medianWaitSec) },
    { key: 'p90WaitSec', label: 'Chờ P90', num: true, value: (r) => mmss(r.p90WaitSec) },
    { key: 'avgServiceSec', label: 'Phục vụ TB', num: true, value: (r) => mmss(r.avgServiceSec) },
    { key: 'serviceLevel', label: 'Tỉ lệ đúng hạn', num: true, value: (r) => percent(r.serviceLevel) },
    ...levels.map((l): Column => ({
      key: `rating:${l.key}`,
      label: l.label,
      num: true,
      value: (r) => int(r.ratings[l.key] ?? 0),
    })),
    { key: 'ratedCount', label: 'Số lượt đánh giá', num: true, value: (r) => int(r.ratedCount) },
    { key: 'satisfiedShare', label: 'Tỉ lệ hài lòng', num: true, value: (r) => percent(r.satisfiedShare) },
  ];
}

/** Row names people read: hours as "08:00–09:00", days as dd/mm/yyyy, others with their code. */
export function rowLabel(r: ReportRow, groupBy: GroupBy): string {
  if (groupBy === 'hour') {
    const h = Number(r.key);
    return Number.isInteger(h) ? `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00` : r.label;
  }
  if (groupBy === 'day') return formatDay(r.key);
  if (groupBy === 'counter') return r.label && r.label !== r.key ? r.label : `Quầy ${r.key}`;
  return r.label && r.label !== r.key ? `${r.label}` : r.key;
}

export type Preset = 'today' | '7d' | 'month' | 'quarter' | 'year';
export const PRESET_LABEL: Record<Preset, string> = {
  today: 'Hôm nay',
  '7d': '7 ngày',
  month: 'Tháng này',
  quarter: 'Quý này',
  year: 'Năm nay',
};

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** A preset as a [from, to] pair of YYYY-MM-DD, relative to today (a YYYY-MM-DD in the center's zone). */
export function presetRange(p: Preset, today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (p === 'today') return { from: today, to: today };
  if (p === '7d') return { from: iso(y, m - 1, d - 6), to: today };
  if (p === 'month') return { from: iso(y, m - 1, 1), to: today };
  if (p === 'quarter') return { from: iso(y, Math.floor((m - 1) / 3) * 3, 1), to: today };
  return { from: iso(y, 0, 1), to: today };
}

export const ROMAN = ['I', 'II', 'III', 'IV'];

/** The whole quarter (1–4) or the whole year (quarter 0) as a date range and its printed title. */
export function periodRange(year: number, quarter: number): { from: string; to: string; title: string } {
  if (quarter === 0) return { from: iso(year, 0, 1), to: iso(year, 11, 31), title: `NĂM ${year}` };
  const m0 = (quarter - 1) * 3;
  return { from: iso(year, m0, 1), to: iso(year, m0 + 3, 0), title: `QUÝ ${ROMAN[quarter - 1]}/${year}` };
}

export const quarterOf = (isoDay: string) => Math.floor((Number(isoDay.slice(5, 7)) - 1) / 3) + 1;

/** What is wrong with the typed dates, in words (the report keeps the last valid range meanwhile). */
export function badDateText(bad: { from?: string; to?: string }): string {
  const one = (which: string, text: string) =>
    /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text.trim())
      ? `Ngày ${which} “${text.trim()}” không có trên lịch.`
      : `Ngày ${which} “${text.trim()}” chưa đúng dạng ngày/tháng/năm (dd/mm/yyyy).`;
  const parts = [
    bad.from !== undefined ? one('bắt đầu', bad.from) : null,
    bad.to !== undefined ? one('kết thúc', bad.to) : null,
  ].filter(Boolean);
  return `${parts.join(' ')} Báo cáo vẫn theo khoảng ngày hợp lệ gần nhất. Ví dụ: 01/12/2026.`;
}
