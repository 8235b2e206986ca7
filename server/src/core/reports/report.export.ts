import type { ReportRow } from '../../contract/dto.ts';
import { toCsv } from '../../contract/csv.ts';

/**
 * A report as the people who open the file read it (issue 17): Vietnamese headers, times in minutes, shares in
 * percent. One column list for CSV and XLSX. The JSON keeps seconds and 0–1 fractions (docs/api.md).
 */
export type ColumnUnit = 'text' | 'count' | 'minutes' | 'share';

interface ExportColumn {
  title: string;
  unit: ColumnUnit;
  value: (r: ReportRow) => string | number | null;
}

const sec = (v: number | null) => (v === null ? null : v / 60);

function columns(levels: { key: string; label: string }[]): ExportColumn[] {
  const count = (title: string, value: (r: ReportRow) => number): ExportColumn => ({ title, unit: 'count', value });
  return [
    { title: 'Mã', unit: 'text', value: (r) => r.key },
    { title: 'Tên', unit: 'text', value: (r) => r.label },
    count('Đã cấp', (r) => r.issued),
    count('Đã phục vụ', (r) => r.served),
    count('Vắng mặt', (r) => r.noShow),
    count('Chuyển', (r) => r.transferred),
    count('Hết hạn', (r) => r.expired),
    { title: 'Chờ trung bình (phút)', unit: 'minutes', value: (r) => sec(r.avgWaitSec) },
    { title: 'Chờ trung vị (phút)', unit: 'minutes', value: (r) => sec(r.medianWaitSec) },
    { title: 'Chờ P90 (phút)', unit: 'minutes', value: (r) => sec(r.p90WaitSec) },
    { title: 'Phục vụ trung bình (phút)', unit: 'minutes', value: (r) => sec(r.avgServiceSec) },
    { title: 'Tỉ lệ đúng hạn (%)', unit: 'share', value: (r) => r.serviceLevel },
    ...levels.map((l) => count(l.label, (r) => r.ratings[l.key] ?? 0)),
    count('Số lượt đánh giá', (r) => r.ratedCount),
    { title: 'Tỉ lệ hài lòng (%)', unit: 'share', value: (r) => r.satisfiedShare },
  ];
}

/**
 * The table for a spreadsheet: a header row, then one row per group; minutes as numbers of minutes and shares as
 * 0–1 fractions, for cells formatted "0.0" and "0.0%" (the unit of each column says which).
 */
export function reportExportTable(
  rows: ReportRow[],
  levels: { key: string; label: string }[],
): { rows: (string | number | null)[][]; units: ColumnUnit[] } {
  const cols = columns(levels);
  return {
    rows: [cols.map((c) => c.title), ...rows.map((r) => cols.map((c) => c.value(r)))],
    units: cols.map((c) => c.unit),
  };
}

/**
 * The report as CSV text: minutes with two decimals, percentages with one (a point as the decimal mark, since the
 * comma separates cells); every cell through the one inert writer (contract/csv.ts).
 */
export function reportToCsv(rows: ReportRow[], levels: { key: string; label: string }[]): string {
  const t = reportExportTable(rows, levels);
  const cell = (v: string | number | null, unit: ColumnUnit) =>
    typeof v !== 'number'
      ? v
      : unit === 'minutes'
        ? Number(v.toFixed(2))
        : unit === 'share'
          ? Number((v * 100).toFixed(1))
          : v;
  return toCsv(t.rows.map((row, i) => (i === 0 ? row : row.map((v, c) => cell(v, t.units[c]!)))));
}
