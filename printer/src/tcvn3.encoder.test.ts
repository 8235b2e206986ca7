import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeTcvn3, encodeTcvn3, encodeTcvn3Runs } from './tcvn3.encoder.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('TCVN3 (ABC) encoder', () => {
  // From the TCVN 5712 VN3 table: ố=E8, ứ=F8, ự=F9, ấ=CA, đ=AE, Đ=A7, ộ=E9, ị=DE.
  it('encodes "Số thứ tự"', () => {
    expect(hex(encodeTcvn3('Số thứ tự'))).toBe('53e8' + '20' + '7468f8' + '20' + '74f9');
  });
  it('encodes "Đất đai"', () => {
    expect(hex(encodeTcvn3('Đất đai'))).toBe('a7ca74' + '20' + 'ae6169');
  });
  it('encodes "Hộ tịch, chứng thực"', () => {
    expect(hex(encodeTcvn3('Hộ tịch, chứng thực'))).toBe(
      '48e9' + '20' + '74de63682c' + '20' + '6368f86e67' + '20' + '7468f963',
    );
  });
  it('puts toned capitals on the capitals page with their lowercase code', () => {
    const runs = encodeTcvn3Runs('SỐ THỨ TỰ');
    expect(runs.map((r) => [r.capitals, hex(r.bytes)])).toEqual([
      [false, '53'],
      [true, 'e820'], // the space rides along: no page switch just for it
      [false, '5448'],
      [true, 'f820'],
      [false, '54'],
      [true, 'f9'],
    ]);
  });
  it('keeps the seven untoned capitals on the base page', () => {
    expect(encodeTcvn3Runs('ĂÂÊÔƠƯĐ')).toEqual([
      { capitals: false, bytes: Uint8Array.from([0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7]) },
    ]);
  });
  it('does not switch pages for spaces between capitals', () => {
    const runs = encodeTcvn3Runs('ỦY BAN');
    expect(runs.map((r) => [r.capitals, hex(r.bytes)])).toEqual([
      [true, 'f1'],
      [false, '592042414e'],
    ]);
  });
  it('round-trips lowercase text', () => {
    const letters = [
      ...'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ ,.:',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 60 }), (chars) => {
        const s = chars.join('');
        expect(decodeTcvn3(encodeTcvn3(s))).toBe(s);
      }),
    );
  });
  it('replaces unknown characters with "?" and drops controls', () => {
    expect(decodeTcvn3(encodeTcvn3('Mã\x1b 漢'))).toBe('Mã ?');
  });
});
