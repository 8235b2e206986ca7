import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProcedureIndex, normalizeText, withinOneEdit, words } from './procedure.search.ts';

/** The demo catalogue (181 real procedures), indexed by code so the table reads as codes. */
const demo = JSON.parse(readFileSync(new URL('../../seed/demo-procedures.json', import.meta.url), 'utf8')) as {
  code: string;
  name: string;
  areaCode: string;
  keywords: string[];
}[];
const index = buildProcedureIndex(demo.map((p) => ({ id: p.code, code: p.code, name: p.name, keywords: p.keywords })));
const nameOf = new Map(demo.map((p) => [p.code, p.name]));
const first = (q: string) => index.search(q, 5)[0];

describe('procedure search over the demo catalogue: real queries and their first result', () => {
  it.each([
    // [query as a citizen types it, expected first code, why]
    ['khai sinh', '1.001193', 'Đăng ký khai sinh: the whole keyword, the plain procedure before its variants'],
    ['Khai Sinh', '1.001193', 'case ignored'],
    ['khai sinhh', '1.001193', 'an extra letter in a 5-letter word forgiven'],
    ['that ngheip', '1.014748', 'two letters swapped in a 6-letter word forgiven'],
    ['dang ky ket hon', '1.000894', 'every word'],
    ['ket hon', '1.000894', 'Đăng ký kết hôn without diacritics'],
    ['kết hôn', '1.000894', 'with diacritics'],
    ['ho chieu', '1.001456', 'Cấp hộ chiếu phổ thông'],
    ['so do', '1.013978', 'sổ đỏ: a keyword (the popular name), first registration first'],
    ['sổ đỏ', '1.013978', 'đ = d'],
    ['GPLX', '3.000347', 'an abbreviation in the keywords'],
    ['doi bang lai', '3.000347', 'Đổi giấy phép lái xe through its keyword "đổi bằng lái"'],
    ['CCCD', '2.000200', 'Cấp thẻ căn cước (from 14)'],
    ['2.000488', '2.000488', 'an exact code'],
    ['1.001193', '1.001193', 'an exact code, not the others sharing its digits'],
    ['giay phep xay dung', '1.013236', 'the phrase in name and keywords'],
    ['ho kinh doanh', '1.001612', 'Đăng ký thành lập hộ kinh doanh'],
    ['the BHYT', '1.001939', 'Cấp thẻ bảo hiểm y tế: keyword "thẻ BHYT"'],
    ['that nghiep', '1.014748', 'Hưởng trợ cấp thất nghiệp'],
    [
      'dang ky doanh nghiep',
      '2.001610',
      'Đăng ký thành lập doanh nghiệp tư nhân: its keyword, above a name that holds the phrase (Giải thể…)',
    ],
    ['ly lich tu phap', '2.000488', 'Cấp Phiếu lý lịch tư pháp'],
    ['khai', '1.001193', 'a word start: the kiosk shows results as the citizen types'],
  ])('%s → %s (%s)', (q, code) => {
    expect(first(q), `${q}: ${nameOf.get(first(q) ?? '')}`).toBe(code);
  });

  it('bang lai: the driving-licence procedures, all of them before anything else', () => {
    const licences = demo.filter((p) => p.keywords.includes('bằng lái')).map((p) => p.code);
    expect(licences.length).toBeGreaterThanOrEqual(5);
    expect(new Set(index.search('bang lai', licences.length))).toEqual(new Set(licences));
  });

  it('whole-name or keyword matches rank above partial ones', () => {
    // "kết hôn" is a keyword of Đăng ký kết hôn; "Sổ đỏ: sang tên" procedures only contain it partially.
    const results = index.search('ket hon', 50);
    const whole = results.filter((code) =>
      demo.find((p) => p.code === code)!.keywords.some((k) => normalizeText(k) === 'ket hon'),
    );
    expect(results.slice(0, whole.length)).toEqual(whole);
  });

  it('only query words of five letters or more forgive a typo', () => {
    expect(index.search('kai sinh', 5)).toEqual([]); // "kai": 3 letters, not forgiven
    expect(index.search('dang ky ket hnon', 5)).toEqual([]); // "hnon": 4 letters
    expect(first('thaat nghiep')).toBe('1.014748'); // "thaat": 5 letters, one extra letter
    expect(first('giay phep xay duung')).toBe('1.013236'); // one extra letter
    expect(first('giay phep xay dnug')).toBeUndefined(); // "dnug": 4 letters, not forgiven
  });

  it('every query word must match; nothing found is an empty list', () => {
    expect(index.search('khai sinh xe', 5)).toEqual([]);
    expect(index.search('zzzz', 5)).toEqual([]);
    expect(index.search('   ', 5)).toEqual([]);
    expect(index.search('!!!', 5)).toEqual([]);
  });

  it('a code is never "corrected" into another one (digits are not letters)', () => {
    expect(index.search('2.000489', 5)).toEqual([]);
    expect(first('2.00048')).toBe('2.000488'); // but its start finds it
  });

  it('limit and filter apply', () => {
    expect(index.search('so do', 3)).toHaveLength(3);
    const ddmt = new Set(demo.filter((p) => p.areaCode === 'HTCT').map((p) => p.code));
    expect(index.search('khai sinh', 50, (id) => ddmt.has(id)).every((id) => ddmt.has(id))).toBe(true);
  });
});

describe('text rules', () => {
  it('normalizes case, diacritics and đ', () => {
    expect(normalizeText('Đăng ký KẾT HÔN, lệ phí!')).toBe('dang ky ket hon le phi');
    expect(normalizeText('Thủy / Thuỷ')).toBe('thuy thuy');
    expect(words('Mã 2.000488.H19')).toEqual(['ma', '2.000488.h19', '2', '000488', 'h19']);
  });
  it.each([
    ['sinh', 'sinh', true],
    ['sinhh', 'sinh', true],
    ['snih', 'sinh', true],
    ['sinj', 'sinh', true],
    ['sih', 'sinh', true],
    ['sinhhh', 'sinh', false],
    ['nsih', 'sinh', false],
  ])('withinOneEdit(%s, %s) = %s', (a, b, ok) => {
    expect(withinOneEdit(a, b)).toBe(ok);
    expect(withinOneEdit(b, a)).toBe(ok);
  });
});
