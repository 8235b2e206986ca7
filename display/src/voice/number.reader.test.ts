import { describe, expect, it } from 'vitest';
import { MAX_READABLE, readDigitsVi, readNumberVi } from './number.reader.ts';

const north = (n: number) => readNumberVi(n, { dialect: 'north' }).join(' ');
const south = (n: number) => readNumberVi(n, { dialect: 'south' }).join(' ');

// Hand-written, from the domain notes and common usage; not derived from the code.
const TRICKY: Array<[number, string]> = [
  [0, 'không'],
  [1, 'một'],
  [4, 'bốn'],
  [5, 'năm'],
  [10, 'mười'],
  [11, 'mười một'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [31, 'ba mươi mốt'],
  [55, 'năm mươi lăm'],
  [94, 'chín mươi tư'],
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [115, 'một trăm mười lăm'],
  [121, 'một trăm hai mươi mốt'],
  [500, 'năm trăm'],
  [1000, 'một nghìn'],
  [1001, 'một nghìn không trăm linh một'],
  [1005, 'một nghìn không trăm linh năm'],
  [1010, 'một nghìn không trăm mười'],
  [1015, 'một nghìn không trăm mười lăm'],
  [1021, 'một nghìn không trăm hai mươi mốt'],
  [1024, 'một nghìn không trăm hai mươi tư'],
  [1100, 'một nghìn một trăm'],
  [1105, 'một nghìn một trăm linh năm'],
  [2000, 'hai nghìn'],
  [5555, 'năm nghìn năm trăm năm mươi lăm'],
  [9999, 'chín nghìn chín trăm chín mươi chín'],
  [10000, 'mười nghìn'],
  [15000, 'mười lăm nghìn'],
  [21005, 'hai mươi mốt nghìn không trăm linh năm'],
  [100000, 'một trăm nghìn'],
  [105000, 'một trăm linh năm nghìn'],
  [999999, 'chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
];

/**
 * Reference for 0–9999 built another way: two rows of 0–99 written out literally and the
 * other rows obtained by text substitution, then string templates for hundreds and thousands.
 */
function referenceTable(dialect: 'north' | 'south'): string[] {
  const digit = 'không một hai ba bốn năm sáu bảy tám chín'.split(' ');
  const teens = 'mười|mười một|mười hai|mười ba|mười bốn|mười lăm|mười sáu|mười bảy|mười tám|mười chín'.split('|');
  const twenties =
    'hai mươi|hai mươi mốt|hai mươi hai|hai mươi ba|hai mươi tư|hai mươi lăm|hai mươi sáu|hai mươi bảy|hai mươi tám|hai mươi chín'.split(
      '|',
    );
  const below100: string[] = [...digit, ...teens];
  for (let t = 2; t <= 9; t++) below100.push(...twenties.map((s) => s.replace(/^hai mươi/, `${digit[t]} mươi`)));
  const linh = dialect === 'south' ? 'lẻ' : 'linh';
  const thousand = dialect === 'south' ? 'ngàn' : 'nghìn';
  // "tail" = what follows "X trăm" for r = 0..99
  const tail = (r: number) => (r === 0 ? '' : r < 10 ? ` ${linh} ${digit[r]}` : ` ${below100[r]}`);
  const table: string[] = [];
  for (let n = 0; n <= 9999; n++) {
    const th = Math.trunc(n / 1000);
    const h = Math.trunc(n / 100) % 10;
    const r = n % 100;
    let s: string;
    if (th === 0) s = h === 0 ? (below100[r] as string) : `${digit[h]} trăm${tail(r)}`;
    else s = `${digit[th]} ${thousand}` + (h === 0 && r === 0 ? '' : ` ${digit[h]} trăm${tail(r)}`);
    table.push(s);
  }
  return table;
}

/** An independent inverse: words → value. A correct reading must parse back to its number. */
function parseVi(words: string[]): number {
  const val: Record<string, number> = {
    không: 0,
    một: 1,
    mốt: 1,
    hai: 2,
    ba: 3,
    bốn: 4,
    tư: 4,
    năm: 5,
    lăm: 5,
    sáu: 6,
    bảy: 7,
    tám: 8,
    chín: 9,
  };
  let total = 0;
  let group = 0;
  let cur = 0;
  for (const w of words) {
    if (w in val) cur += val[w] as number;
    else if (w === 'mười') cur += 10;
    else if (w === 'mươi') cur *= 10;
    else if (w === 'trăm') {
      group += cur * 100;
      cur = 0;
    } else if (w === 'linh' || w === 'lẻ') continue;
    else if (w === 'nghìn' || w === 'ngàn') {
      total += (group + cur) * 1000;
      group = 0;
      cur = 0;
    } else throw new Error(`unknown word ${w}`);
  }
  return total + group + cur;
}

describe('readNumberVi rules', () => {
  it.each(TRICKY)('%i reads "%s" (north)', (n, text) => {
    expect(north(n)).toBe(text);
  });

  it('south says "ngàn" and "lẻ"', () => {
    expect(south(1005)).toBe('một ngàn không trăm lẻ năm');
    expect(south(105)).toBe('một trăm lẻ năm');
    expect(south(2000)).toBe('hai ngàn');
    expect(south(24)).toBe('hai mươi tư');
  });

  it('returns one word per array item', () => {
    expect(readNumberVi(1005, { dialect: 'north' })).toEqual(['một', 'nghìn', 'không', 'trăm', 'linh', 'năm']);
  });

  it.each([-1, 1.5, NaN, Infinity, MAX_READABLE + 1])('rejects %s', (n) => {
    expect(() => readNumberVi(n, { dialect: 'north' })).toThrow(RangeError);
  });
});

describe('readNumberVi against an independent table for 0–9999', () => {
  for (const dialect of ['north', 'south'] as const) {
    it(`matches every number (${dialect})`, () => {
      const ref = referenceTable(dialect);
      const mismatches: string[] = [];
      for (let n = 0; n <= 9999; n++) {
        const got = readNumberVi(n, { dialect }).join(' ');
        if (got !== ref[n]) mismatches.push(`${n}: got "${got}", want "${ref[n]}"`);
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
    });
  }

  it('the reference table itself agrees with the hand-written cases', () => {
    const ref = referenceTable('north');
    for (const [n, text] of TRICKY) if (n <= 9999) expect(ref[n]).toBe(text);
  });
});

describe('structural properties', () => {
  const all = (limit: number, step = 1) => {
    const out: Array<[number, string[]]> = [];
    for (let n = 0; n <= limit; n += step) out.push([n, readNumberVi(n, { dialect: 'north' })]);
    return out;
  };

  it('every reading parses back to its number (0–9999, and sampled to 999 999)', () => {
    for (const [n, w] of all(9999)) expect(parseVi(w)).toBe(n);
    for (const [n, w] of all(MAX_READABLE, 997)) expect(parseVi(w)).toBe(n);
  });

  it('"mốt" and "tư" only follow "mươi"; "lăm" only follows "mười"/"mươi"; "năm" never does', () => {
    for (const [n, w] of all(9999)) {
      w.forEach((word, i) => {
        const prev = w[i - 1];
        if (word === 'mốt' || word === 'tư') expect(prev, `${n}`).toBe('mươi');
        if (word === 'lăm') expect(['mười', 'mươi'], `${n}`).toContain(prev);
        if (word === 'năm' && prev !== undefined) expect(['mười', 'mươi'], `${n}`).not.toContain(prev);
      });
    }
  });

  it('"linh" comes only after "trăm" and before a single digit that ends the group', () => {
    for (const [n, w] of all(9999)) {
      w.forEach((word, i) => {
        if (word !== 'linh') return;
        expect(w[i - 1], `${n}`).toBe('trăm');
        expect(i, `${n}`).toBe(w.length - 2);
      });
    }
  });

  it('"không" appears only as zero itself or in "không trăm"', () => {
    for (const [n, w] of all(9999)) {
      w.forEach((word, i) => {
        if (word === 'không' && n !== 0) expect(w[i + 1], `${n}`).toBe('trăm');
      });
    }
  });
});

describe('readDigitsVi', () => {
  it('reads each digit with its plain name', () => {
    expect(readDigitsVi('1005')).toEqual(['một', 'không', 'không', 'năm']);
    expect(readDigitsVi('0012')).toEqual(['không', 'không', 'một', 'hai']);
    expect(readDigitsVi('45')).toEqual(['bốn', 'năm']);
    expect(readDigitsVi('0123456789').join(' ')).toBe('không một hai ba bốn năm sáu bảy tám chín');
  });

  it.each(['', 'A12', '12 3', '-1', '1.5'])('rejects "%s"', (s) => {
    expect(() => readDigitsVi(s)).toThrow(RangeError);
  });
});
