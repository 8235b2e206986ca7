import { describe, expect, it } from 'vitest';
import { normalizeVi, searchAreas } from './area.search.ts';
import { area } from './kiosk.fixtures.ts';

describe('normalizeVi', () => {
  it('strips diacritics, maps đ to d, lowercases', () => {
    expect(normalizeVi('Đất đai, môi trường')).toBe('dat dai moi truong');
    expect(normalizeVi('Hộ tịch, chứng thực, quốc tịch')).toBe('ho tich chung thuc quoc tich');
    expect(normalizeVi('ĐĂNG KÝ')).toBe('dang ky');
  });
  it('handles text already composed or decomposed the same way', () => {
    expect(normalizeVi('Lý lịch'.normalize('NFD'))).toBe(normalizeVi('Lý lịch'.normalize('NFC')));
  });
});

describe('searchAreas', () => {
  const areas = [
    area({
      id: 'dd',
      name: 'Đất đai, môi trường',
      departmentName: 'Sở Nông nghiệp và Môi trường',
      code: 'DDMT',
      sort: 5,
    }),
    area({ id: 'ht', name: 'Hộ tịch, chứng thực, quốc tịch', departmentName: 'Sở Tư pháp', code: 'HTCT', sort: 2 }),
    area({ id: 'll', name: 'Lý lịch tư pháp', departmentName: 'Sở Tư pháp', code: 'LLTP', sort: 1 }),
  ];
  it('finds "Đất đai" from "dat dai" typed without diacritics', () => {
    expect(searchAreas(areas, 'dat dai').map((a) => a.id)).toEqual(['dd']);
  });
  it('matches the start of words, and the department or code too', () => {
    expect(searchAreas(areas, 'ho ti').map((a) => a.id)).toEqual(['ht']);
    expect(searchAreas(areas, 'tu phap').map((a) => a.id)).toEqual(['ll', 'ht']);
    expect(searchAreas(areas, 'lltp').map((a) => a.id)).toEqual(['ll']);
  });
  it('returns nothing for an empty query or no match', () => {
    expect(searchAreas(areas, '  ')).toEqual([]);
    expect(searchAreas(areas, 'xyz')).toEqual([]);
  });
});
