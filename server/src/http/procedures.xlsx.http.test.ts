import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCEDURE_COLUMNS } from '../contract/procedure.columns.ts';
import { writeXlsx } from '../exports/xlsx.writer.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * A procedure code typed into Excel as 1.001230 is stored as the number 1.00123 (General format drops the zero;
 * a "0.000000" format only shows it). The import restores the code (issue 12), so re-importing a province's sheet
 * matches the procedures already in the catalogue instead of creating a second, wrongly coded one.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = Object.values(PROCEDURE_COLUMNS);
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A workbook the way Excel writes one: shared strings, numbers as `<v>` with the shortest digits, a style with the
 * number format "0.000000" on the cells that ask for it (`{ n, fmt: true }`).
 */
function excelLike(rows: (string | { n: string; fmt?: boolean })[][]): Uint8Array {
  const strings: string[] = [];
  const col = (i: number) => String.fromCharCode(65 + i);
  const cells = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map((v, c) => {
            const ref = `${col(c)}${r + 1}`;
            if (typeof v !== 'string') return `<c r="${ref}"${v.fmt ? ' s="1"' : ''}><v>${v.n}</v></c>`;
            strings.push(v);
            return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="TTHC" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000000"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${cells}</sheetData></worksheet>`,
    ),
  });
}

async function upload(body: Uint8Array, query = '') {
  const res = await t.server.app.request(`/api/procedures/import${query}`, {
    method: 'POST',
    headers: { 'content-type': XLSX, authorization: `Bearer ${t.adminToken}` },
    body: body as BodyInit,
  });
  return { status: res.status, body: (await res.json()) as any };
}
const byCode = async (code: string) => (await t.call('GET', `/api/procedures?q=${code}`)).body[0];

describe('XLSX import: procedure codes stored as numbers', () => {
  it('1.00123 (General or "0.000000") is the code 1.001230; text and other numbers stay as written', async () => {
    const file = excelLike([
      HEADER,
      [{ n: '7.00123' }, 'Thủ tục số không định dạng', 'LLTP', '05 ngày', { n: '50000' }, 'Tờ khai', ''],
      [{ n: '7.0045', fmt: true }, 'Thủ tục số có định dạng 0.000000', 'LLTP', '', '', '', ''],
      [{ n: '7.0000000000000009' }, 'Thủ tục số nhiễu dấu phẩy động', 'LLTP', '', '', '', ''],
      ['7.100200', 'Thủ tục mã dạng chữ', 'LLTP', '', '', '', ''],
      [{ n: '123' }, 'Thủ tục mã số nguyên', 'LLTP', '', '', '', ''],
    ]);
    const preview = await upload(file, '?dryRun=1');
    expect(preview.status).toBe(200);
    expect(preview.body.changes.map((c: any) => c.code)).toEqual([
      '7.001230',
      '7.004500',
      '7.000000',
      '7.100200',
      '123',
    ]);
    expect((await upload(file)).body).toMatchObject({ created: 5 });
    expect(await byCode('7.001230')).toMatchObject({ name: 'Thủ tục số không định dạng', fee: '50000' });
    expect(await byCode('7.004500')).toMatchObject({ name: 'Thủ tục số có định dạng 0.000000' });
    // Re-importing the same sheet, and the same codes written as text, changes nothing.
    expect((await upload(file)).body).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    const asText = writeXlsx([
      {
        name: 'TTHC',
        rows: [HEADER, ['7.001230', 'Thủ tục số không định dạng', 'LLTP', '05 ngày', '50000', 'Tờ khai', '']],
      },
    ]);
    expect((await upload(asText)).body).toMatchObject({ created: 0, unchanged: 1 });
  });

  it("the project's own writer (numbers as numbers): a numeric code cell is restored the same way", async () => {
    const file = writeXlsx([
      { name: 'TTHC', rows: [HEADER, [6.0012, 'Thủ tục từ trình ghi XLSX', 'XNC', '', '', '', '']] },
    ]);
    const r = await upload(file);
    expect(r.status).toBe(200);
    expect(r.body.changes[0].code).toBe('6.001200');
    expect(await byCode('6.001200')).toMatchObject({ areaCode: 'XNC' });
  });
});
