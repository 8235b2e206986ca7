import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors.ts';
import { ageOn, last3, MAX_CITIZEN_TEXT, parseCitizenId, parseCitizenQr, PROVINCE_CODES } from './citizen.identity.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};
const QR = '040060000111|186543210|Nguyễn Văn An|15031960|Nam|Xóm 3, xã Nghi Phú, TP Vinh, Nghệ An|20042021';

describe('parseCitizenId (typed numbers)', () => {
  it('accepts 12 digits with a real province code, reading the birth year from digits 4–6', () => {
    expect(parseCitizenId('001085012345', 2026)).toEqual({ id: '001085012345', birthYear: 1985, birthMonthDay: null });
    expect(parseCitizenId('079203001234', 2026).birthYear).toBe(2003); // 2: male, 2000s
    expect(parseCitizenId('096199001234', 2026).birthYear).toBe(1999); // 1: female, 1900s
    expect(parseCitizenId(' 040 060 000 111 ', 2026).id).toBe('040060000111'); // grouped as people type it
  });

  it('knows exactly the 63 province codes (001 Hà Nội … 040 Nghệ An … 079 TP HCM … 096 Cà Mau)', () => {
    expect(PROVINCE_CODES.size).toBe(63);
    for (const c of ['001', '040', '079', '096']) expect(PROVINCE_CODES.has(c)).toBe(true);
    for (const c of ['000', '003', '005', '039', '097', '099']) expect(PROVINCE_CODES.has(c)).toBe(false);
  });

  it.each([
    ['003085012345', 'unknown province'],
    ['097085012345', 'past the last province'],
    ['00108501234', '11 digits'],
    ['0010850123456', '13 digits'],
    ['00108501234A', 'a letter'],
    ['001-085-012345', 'dashes'],
    ['001２08501234', 'a full-width digit'],
    ['001227012345', 'born in 2027, after this year'],
    ['001485012345', 'the 2100s'],
    ['001885012345', 'century digit 8'],
    ['', 'empty'],
    ['1'.repeat(MAX_CITIZEN_TEXT + 1), 'very long'],
  ])('refuses %s (%s) with citizen.invalid_id', (text) => {
    expect(code(() => parseCitizenId(text, 2026))).toBe('citizen.invalid_id');
  });
});

describe('parseCitizenQr (the card QR text)', () => {
  it('reads the number and the date of birth, nothing else', () => {
    const c = parseCitizenQr(QR, 2026);
    expect(c).toEqual({ id: '040060000111', birthYear: 1960, birthMonthDay: { month: 3, day: 15 } });
    expect(JSON.stringify(c)).not.toMatch(/Nguyễn|Nghi Phú|186543210/);
  });

  it('tolerates newer cards (extra fields), an empty old number, a BOM and the scanner Enter', () => {
    expect(parseCitizenQr(`\ufeff${QR}|extra|fields|2030\r\n`, 2026).id).toBe('040060000111');
    expect(parseCitizenQr('001085012345||Trần Thị B|01011985|Nữ|Hà Nội|01012022', 2026).birthYear).toBe(1985);
  });

  it('falls back to the year in the number when the QR date is missing, impossible or in the future', () => {
    for (const dob of ['', '31021960', '00001960', '15131960', '1503196', '15032099', 'abcdefgh'])
      expect(parseCitizenQr(`040060000111||X|${dob}|Nam|Y|01012020`, 2026)).toMatchObject({
        birthYear: 1960,
        birthMonthDay: null,
      });
  });

  it.each([
    ['no separator', '040060000111'],
    ['junk', '|||||||'],
    ['wrong province', '003060000111|||15031960'],
    ['non-digits', 'abcdefghijkl|x|y|15031960'],
    ['very long', `${QR}|${'x'.repeat(MAX_CITIZEN_TEXT)}`],
    ['a URL', 'https://example.com/?a=1|b'],
  ])('refuses %s with citizen.invalid_id', (_name, text) => {
    expect(code(() => parseCitizenQr(text, 2026))).toBe('citizen.invalid_id');
  });
});

describe('ageOn and last3', () => {
  it('counts whole years from the QR date, or the age reached this year from a typed number', () => {
    const qr = { birthYear: 1966, birthMonthDay: { month: 12, day: 2 } };
    expect(ageOn(qr, '2026-12-01')).toBe(59);
    expect(ageOn(qr, '2026-12-02')).toBe(60);
    expect(ageOn({ birthYear: 1966, birthMonthDay: null }, '2026-01-01')).toBe(60);
  });
  it('keeps at most the last three digits', () => {
    expect(last3('040060000111')).toBe('111');
  });
});
