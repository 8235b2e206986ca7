import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../../contract/dto.ts';
import { parseCsv } from '../../contract/csv.ts';
import { writeXlsx } from '../../exports/xlsx.writer.ts';
import { reportExportTable } from './report.export.ts';
import { reportToCsv } from './report.aggregate.ts';

const row: ReportRow = {
  key: 'LLTP',
  label: 'Lý lịch tư pháp',
  issued: 40,
  served: 36,
  noShow: 2,
  transferred: 1,
  expired: 1,
  avgWaitSec: 315,
  medianWaitSec: 270,
  p90WaitSec: 720,
  avgServiceSec: 195,
  serviceLevel: 0.875,
  ratings: { very_satisfied: 20, unsatisfied: 4 },
  ratedCount: 24,
  satisfiedShare: 5 / 6,
};
const levels = [
  { key: 'very_satisfied', label: 'Rất hài lòng' },
  { key: 'unsatisfied', label: 'Không hài lòng' },
];
const HEAD = [
  'Mã',
  'Tên',
  'Đã cấp',
  'Đã phục vụ',
  'Vắng mặt',
  'Chuyển',
  'Hết hạn',
  'Chờ trung bình (phút)',
  'Chờ trung vị (phút)',
  'Chờ P90 (phút)',
  'Phục vụ trung bình (phút)',
  'Tỉ lệ đúng hạn (%)',
  'Rất hài lòng',
  'Không hài lòng',
  'Số lượt đánh giá',
  'Tỉ lệ hài lòng (%)',
];

describe('report files (issue 17)', () => {
  it('the CSV has Vietnamese headers, times in minutes and shares in percent', () => {
    const csv = reportToCsv([row, { ...row, key: 'X', avgWaitSec: null, serviceLevel: null }], levels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [head, a, b] = parseCsv(csv.slice(1));
    expect(head).toEqual(HEAD);
    expect(a).toEqual([
      'LLTP',
      'Lý lịch tư pháp',
      '40',
      '36',
      '2',
      '1',
      '1',
      '5.25',
      '4.5',
      '12',
      '3.25',
      '87.5',
      '20',
      '4',
      '24',
      '83.3',
    ]);
    // No figure: an empty cell, never 0.
    expect(b![7]).toBe('');
    expect(b![11]).toBe('');
  });

  it('the XLSX has Vietnamese headers, minutes and percentages as formatted numbers', async () => {
    const t = reportExportTable([row], levels);
    const bytes = writeXlsx([
      {
        name: 'Báo cáo',
        rows: t.rows,
        formats: t.units.map((u) => (u === 'minutes' ? 'minutes' : u === 'share' ? 'percent' : null)),
      },
    ]);
    const sheets = await readXlsxFile(Buffer.from(bytes));
    const [head, data] = sheets[0]!.data;
    expect(head).toEqual(HEAD);
    expect(data!.slice(0, 7)).toEqual(['LLTP', 'Lý lịch tư pháp', 40, 36, 2, 1, 1]);
    expect(data![7]).toBe(5.25); // minutes, not 315 seconds
    expect(data![11]).toBe(0.875); // a fraction shown as a percentage (below), not "1"
    const files = unzipSync(bytes);
    const styles = strFromU8(files['xl/styles.xml']!);
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.0"/>');
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="0.0%"/>');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="H2" s="1"><v>5.25</v></c>'); // style 1 = numFmt 164 (minutes)
    expect(sheet).toContain('<c r="L2" s="2"><v>0.875</v></c>'); // style 2 = numFmt 165 (percent)
    expect(sheet).toContain('<c r="P2" s="2">');
    expect(sheet).toContain('<c r="C2"><v>40</v></c>'); // counts unformatted
  });
});
