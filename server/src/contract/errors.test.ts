import { describe, expect, it } from 'vitest';
import { AppError, ERROR_DOMAINS, ERRORS } from './errors.ts';
import { errorTable } from './errors.table.ts';

describe('the error catalogue', () => {
  it('assembles every domain part, and no code stands in two parts (a spread would let the last win silently)', () => {
    const codes = Object.values(ERROR_DOMAINS).flatMap((part) => Object.keys(part));
    const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
    expect(twice).toEqual([]);
    expect(Object.keys(ERRORS).sort()).toEqual([...codes].sort());
  });

  it('gives each code a status a client can act on and a Vietnamese and an English message', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(e.status >= 400 && e.status < 600, code).toBe(true);
      expect(e.vi.length, code).toBeGreaterThan(0);
      expect(e.en.length, code).toBeGreaterThan(0);
    }
  });

  it('raises an AppError with the entry of its code', () => {
    const e = new AppError('booking.slot_full');
    expect([e.status, e.message]).toEqual([409, 'Khung giờ này đã hết chỗ. Vui lòng chọn khung giờ khác.']);
    // The codes are read from the tables' text as types: a code not in the catalogue does not compile.
    // @ts-expect-error no such code
    expect(() => new AppError('booking.no_such_code').status).toThrow();
  });

  it('refuses a table line that is not "code status vi | en", and a code written twice', () => {
    expect(() => errorTable('x.y 409 Không có phần tiếng Anh.')).toThrow(/sai dạng/);
    expect(() => errorTable('x.y 409 Một. | One.\nx.y 409 Hai. | Two.')).toThrow(/hai lần/);
    const t = errorTable('x.long_one 409 Dòng đầu\n  còn tiếp.\n  | English.');
    expect(t['x.long_one']).toEqual({ status: 409, vi: 'Dòng đầu còn tiếp.', en: 'English.' });
  });
});
