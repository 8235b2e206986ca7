import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from './xlsx.writer.ts';

describe('xlsx writer', () => {
  it('writes a workbook whose sheet holds Vietnamese text and numbers', () => {
    const bytes = writeXlsx([
      {
        name: 'Báo cáo',
        rows: [
          ['Lĩnh vực', 'Đã phục vụ'],
          ['Đất đai <&>', 12],
          ['x\u0001y', null],
        ],
      },
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<t xml:space="preserve">Đất đai &lt;&amp;&gt;</t>');
    expect(sheet).toContain('<c r="B2"><v>12</v></c>');
    expect(sheet).toContain('>xy<');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Báo cáo"');
  });
});
