import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCp1258, encodeCp1258 } from './cp1258.encoder.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('CP1258 encoder', () => {
  // Expected bytes read off the Windows-1258 table: ô=F4, ư=FD, â=E2, Đ=D0, đ=F0,
  // combining acute=EC, dot below=F2.
  it('encodes "Số thứ tự": S ô+acute, th ư+acute, t ư+dot', () => {
    expect(hex(encodeCp1258('Số thứ tự'))).toBe('53f4ec' + '20' + '7468fdec' + '20' + '74fdf2');
  });
  it('encodes "Đất đai"', () => {
    expect(hex(encodeCp1258('Đất đai'))).toBe('d0e2ec74' + '20' + 'f06169');
  });
  it('encodes "Hộ tịch, chứng thực"', () => {
    expect(hex(encodeCp1258('Hộ tịch, chứng thực'))).toBe(
      '48f4f2' + '20' + '74' + '69f2' + '63682c' + '20' + '6368fdec6e67' + '20' + '7468fdf263',
    );
  });
  it('uses the precomposed code where CP1258 has one (à á é ò ú), decomposes the rest', () => {
    expect(hex(encodeCp1258('à á ả ã ạ'))).toBe('e0' + '20' + 'e1' + '20' + '61d2' + '20' + '61de' + '20' + '61f2');
  });
  it('gives the same bytes for NFC and NFD input', () => {
    const s = 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An — SỐ THỨ TỰ';
    expect(hex(encodeCp1258(s.normalize('NFD')))).toBe(hex(encodeCp1258(s)));
  });
  it('drops control characters so data cannot inject ESC/POS commands', () => {
    expect(hex(encodeCp1258('A\x1b@B\x1dV\x00C'))).toBe('41' + '40' + '42' + '56' + '43');
  });
  it('replaces what the code page cannot hold with "?"', () => {
    expect(decodeCp1258(encodeCp1258('Nguyễn 漢 ✓'))).toBe('Nguyễn ? ?');
  });
  it('agrees with the platform Windows-1258 table for every defined byte', () => {
    const dec = new TextDecoder('windows-1258');
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = dec.decode(Uint8Array.of(b));
      if (ch.codePointAt(0) === b) continue; // undefined slot
      expect(decodeCp1258(Uint8Array.of(b)).normalize('NFD')).toBe(ch.normalize('NFD'));
    }
  });
  it('round-trips any Vietnamese text', () => {
    const letters = [...'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ '];
    const all = [...letters, ...letters.map((c) => c.toLocaleUpperCase('vi'))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...all), { maxLength: 60 }), (chars) => {
        const s = chars.join('');
        expect(decodeCp1258(encodeCp1258(s))).toBe(s.normalize('NFC'));
      }),
    );
  });
});
