import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv.parse.ts';
import { flatRows, normHeader, planImport } from './import.parse.ts';

describe('CSV reader', () => {
  it('reads quotes, doubled quotes, CRLF and a BOM, and guesses the delimiter', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
    expect(parseCsv('ma;ten\nSTP;Sở Tư pháp\n\n')).toEqual([
      ['ma', 'ten'],
      ['STP', 'Sở Tư pháp'],
    ]);
    expect(parseCsv('a,"line\nbreak"')).toEqual([['a', 'line\nbreak']]);
  });

  it('writes what it reads', () => {
    const rows = [
      ['ma', 'tên'],
      ['HTCT', 'Hộ tịch, chứng thực'],
      ['X', 'có "ngoặc"'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(csvCell('1;2')).toBe('"1;2"');
  });

  it('compares headers without diacritics, case or spaces', () => {
    expect(normHeader(' Mã Sở Ngành ')).toBe('ma_so_nganh');
    expect(normHeader('Thời gian chờ mục tiêu')).toBe('thoi_gian_cho_muc_tieu');
  });
});

describe('import plan', () => {
  it('the sample file in admin/public parses with no error, into the demo center (see test/sample-import.test.ts)', () => {
    const text = readFileSync(join(import.meta.dirname, '../../public/mau-nhap-lieu.csv'), 'utf8');
    const plan = planImport([{ name: 'mau-nhap-lieu.csv', rows: parseCsv(text) }]);
    expect(plan.errors).toEqual([]);
    // Read as data (front-ends do not import the server's seed): the file is generated from it (test/sample-import.test.ts).
    const demo = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../server/src/seed/demo-center.json'), 'utf8'),
    ) as {
      departments: { code: string; name: string }[];
      areas: Record<string, unknown>[];
      counters: { number: number; areas: string[] }[];
    };
    expect(plan.doc.departments).toEqual(demo.departments);
    expect(plan.doc.areas).toEqual(demo.areas);
    expect(plan.doc.areas[1]).toEqual({
      code: 'HTCT',
      department: 'STP',
      name: 'Hộ tịch, chứng thực, quốc tịch',
      numberStart: 2001,
      numberEnd: 2999,
      dailyLimit: 200,
      targetWaitMinutes: 20,
    });
    // A flat sheet names no counters: the default names, and each counter's areas as a set.
    expect(plan.doc.counters.map((c) => [c.number, [...c.areas].sort()])).toEqual(
      demo.counters.map((c) => [c.number, [...c.areas].sort()]),
    );
  });

  it('reads one sheet per entity, in any order, and keeps counter names', () => {
    const plan = planImport([
      {
        name: 'quay',
        rows: [
          ['so_quay', 'ten_quay', 'linh_vuc'],
          ['5', 'Quầy 5 – Tư pháp', 'HTCT;LLTP'],
        ],
      },
      {
        name: 'linh_vuc',
        rows: [
          ['ma_linh_vuc', 'ma_so_nganh', 'ten_linh_vuc', 'so_bat_dau', 'so_ket_thuc'],
          ['LLTP', 'STP', 'Lý lịch', '1001', '1999'],
          ['HTCT', 'STP', 'Hộ tịch', '2001', '2999'],
        ],
      },
      {
        name: 'so_nganh',
        rows: [
          ['ma_so_nganh', 'ten_so_nganh'],
          ['STP', 'Sở Tư pháp'],
        ],
      },
    ]);
    expect(plan.errors).toEqual([]);
    expect(plan.doc.counters).toEqual([{ number: 5, name: 'Quầy 5 – Tư pháp', areas: ['HTCT', 'LLTP'] }]);
    expect(plan.kinds).toEqual(['quay: quầy', 'linh_vuc: lĩnh vực', 'so_nganh: sở, ngành']);
  });

  it('reports each bad row with its sheet and row number, and cross-row problems', () => {
    const plan = planImport([
      {
        name: 'f.csv',
        rows: [
          [
            'ma_so_nganh',
            'ten_so_nganh',
            'ma_linh_vuc',
            'ten_linh_vuc',
            'so_bat_dau',
            'so_ket_thuc',
            'gioi_han_ngay',
            'thoi_gian_cho_muc_tieu',
            'quay',
          ],
          ['STP', 'Sở Tư pháp', 'A', 'Một', '100', '50', '', '', '1'],
          ['STP', 'Sở Tư pháp', 'B', 'Hai', '100', '199', 'abc', '', 'x'],
          ['STP', 'Sở Tư pháp', 'C', 'Ba', '150', '250', '', '', '2'],
          ['STP', 'Sở Tư pháp', 'D', 'Bốn', '300', '399', '', '', '2'],
          ['ZZZ', '', 'E', 'Năm', '400', '499', '', '', ''],
        ],
      },
    ]);
    expect(plan.errors).toEqual([
      { sheet: 'f.csv', row: 2, message: 'số kết thúc nhỏ hơn số bắt đầu.' },
      { sheet: 'f.csv', row: 3, message: 'giới hạn ngày phải là số nguyên dương hoặc để trống.' },
      { sheet: '—', row: 0, message: 'Lĩnh vực E: sở, ngành ZZZ không có trong tệp hay trên hệ thống.' },
    ]);
  });

  it('finds overlapping blocks and unknown areas of counters; existing codes on the server count', () => {
    const plan = planImport(
      [
        {
          name: 'lv',
          rows: [
            ['ma_linh_vuc', 'ma_so_nganh', 'ten_linh_vuc', 'so_bat_dau', 'so_ket_thuc'],
            ['A', 'STP', 'Một', '100', '199'],
            ['B', 'STP', 'Hai', '150', '250'],
          ],
        },
        {
          name: 'q',
          rows: [
            ['so_quay', 'linh_vuc'],
            ['1', 'A;OLD;NOPE'],
          ],
        },
      ],
      { departments: ['STP'], areas: ['OLD'] },
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      'Dãy số của A (100–199) trùng với B (150–250).',
      'Quầy 1: lĩnh vực NOPE không tồn tại.',
    ]);
    const again = planImport(
      [
        {
          name: 'lv',
          rows: [
            ['ma_linh_vuc', 'ma_so_nganh', 'ten_linh_vuc', 'so_bat_dau', 'so_ket_thuc'],
            ['A', 'STP', 'Một', '100', '199'],
          ],
        },
      ],
      {
        departments: ['STP'],
        areas: ['A', 'OLD'],
        blocks: [
          { code: 'A', numberStart: 100, numberEnd: 199 },
          { code: 'OLD', numberStart: 150, numberEnd: 160 },
        ],
      },
    );
    expect(again.errors.map((e) => e.message)).toEqual([
      'Dãy số của A (100–199) trùng với lĩnh vực OLD đang có (150–160).',
    ]);
  });

  it('an unknown sheet is an error, not a silent skip', () => {
    expect(
      planImport([
        {
          name: 'x',
          rows: [
            ['foo', 'bar'],
            ['1', '2'],
          ],
        },
      ]).errors[0]!.message,
    ).toMatch(/Không nhận ra các cột/);
  });

  it('the exported flat sheet imports back to the same document', () => {
    const doc = {
      departments: [{ code: 'STP', name: 'Sở Tư pháp' }],
      areas: [
        {
          code: 'LLTP',
          department: 'STP',
          name: 'Lý lịch',
          numberStart: 1001,
          numberEnd: 1999,
          dailyLimit: 300,
          targetWaitMinutes: 20,
        },
      ],
      counters: [{ number: 1, name: 'Quầy 1', areas: ['LLTP'] }],
    };
    const back = planImport([{ name: 'x.csv', rows: parseCsv(toCsv(flatRows(doc))) }]);
    expect(back.errors).toEqual([]);
    expect(back.doc).toEqual(doc);
  });
});

describe('the configuration CSV export is inert (issue 11, defect 10)', () => {
  it('no cell of the exported sheet starts a formula; reading it back gives the same names', () => {
    const names = [
      "-1+1+cmd|' /C calc'!A0",
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '@SUM(1)',
      '\t=1',
      '\r=1',
    ];
    const doc = {
      departments: [{ code: 'STP', name: names[1]! }],
      areas: names.map((name, i) => ({
        code: `A${i}`,
        department: 'STP',
        name,
        numberStart: 1000 * (i + 1),
        numberEnd: 1000 * (i + 1) + 99,
        dailyLimit: null,
        targetWaitMinutes: null,
      })),
      counters: [{ number: 1, name: 'Quầy 1', areas: ['A0'] }],
    };
    const cells = parseCsv(toCsv(flatRows(doc))).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c))).toEqual([]);
    const back = planImport([{ name: 'x.csv', rows: parseCsv(toCsv(flatRows(doc))) }]);
    expect(back.doc.areas.map((a) => a.name)).toEqual(names.map((n) => n.trim()));
  });
});

describe('import rows are checked with the server’s own row schema (contract/config.schema.ts)', () => {
  it('refuses, row by row, what POST /api/config/import would refuse for the whole file', () => {
    const plan = planImport([
      {
        name: 'lv.csv',
        rows: [
          [
            'ma_so_nganh',
            'ma_linh_vuc',
            'ten_linh_vuc',
            'so_bat_dau',
            'so_ket_thuc',
            'gioi_han_ngay',
            'thoi_gian_cho_muc_tieu',
          ],
          ['STP', 'A', 'Một', '100', '199', '100001', ''],
          ['STP', 'B', 'Hai', '200', '1000000', '', '1441'],
          ['STP', 'C', 'x'.repeat(201), '300', '399', '', ''],
          ['STP', 'D', 'Bốn', '400', '499', '', '15'],
          ['STP', 'E', 'Năm', 'abc', '599', '', ''],
          ['có dấu', 'F', 'Sáu', '600', '699', '', ''],
        ],
      },
    ]);
    expect(plan.errors.filter((e) => e.sheet === 'lv.csv')).toEqual([
      { sheet: 'lv.csv', row: 2, message: 'giới hạn ngày tối đa 100000.' },
      {
        sheet: 'lv.csv',
        row: 3,
        message: 'số bắt đầu/kết thúc phải là số nguyên từ 0 đến 999999; thời gian chờ mục tiêu tối đa 1440 phút.',
      },
      { sheet: 'lv.csv', row: 4, message: 'tên lĩnh vực tối đa 200 ký tự.' },
      { sheet: 'lv.csv', row: 6, message: 'số bắt đầu/kết thúc phải là số nguyên.' },
      { sheet: 'lv.csv', row: 7, message: 'mã sở, ngành «có dấu» không hợp lệ.' },
    ]);
    expect(plan.doc.areas.map((a) => a.code)).toEqual(['D']);
  });
});
