import { describe, expect, it } from 'vitest';
import { importCellText, procedureCodeOfNumber, procedureColumnsOf } from './procedure.columns.ts';

describe('procedure import columns (one definition for the server and the admin)', () => {
  it('matches headers without case, diacritics, spaces or punctuation; the first of two wins', () => {
    const at = procedureColumnsOf(['Ghi chú', 'MÃ THỦ TỤC', 'Từ khóa', 'Phí lệ phí', 'Tên thủ tục', 'Mã thủ tục']);
    expect(Object.fromEntries(at)).toEqual({ code: 1, keywords: 2, fee: 3, name: 4 });
  });

  it.each([
    ['1.00123', '1.001230'],
    ['2.000488', '2.000488'],
    ['1.0012300000000001', '1.001230'],
    ['3', '3.000000'],
    ['123', '123'],
    ['0.5', '0.5'],
    ['1.0000001', '1.0000001'],
    ['1e3', '1e3'],
  ])('a numeric code cell %s is the code %s', (digits, code) => {
    expect(procedureCodeOfNumber(digits)).toBe(code);
  });

  it('only the code column is restored; other numbers keep their digits; text is never touched', () => {
    expect(importCellText({ number: '1.00123' }, 'code')).toBe('1.001230');
    expect(importCellText({ number: '50000' }, 'fee')).toBe('50000');
    expect(importCellText('1.00123', 'code')).toBe('1.00123');
    expect(importCellText(null, 'code')).toBe('');
  });
});
