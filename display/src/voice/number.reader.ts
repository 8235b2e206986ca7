/**
 * Vietnamese number reading for hall announcements.
 *
 * Rules (decided here, documented in docs/voice.md):
 * - 0 → "không".
 * - Tens 1 → "mười"; tens 2–9 → "<digit> mươi".
 * - Unit 1 → "mốt" only after "mươi" (21 "hai mươi mốt"); "mười một" (11), "linh một" (101).
 * - Unit 4 → "tư" only after "mươi" (24 "hai mươi tư"); "mười bốn" (14), "linh bốn" (104).
 *   Both dialects use "tư": it is what announcers say and it cannot be misheard as another digit.
 * - Unit 5 → "lăm" after "mười"/"mươi" (15, 25); "năm" otherwise (5, 105 "linh năm", 500).
 * - Tens 0 with a unit after a hundred → "linh" (north) / "lẻ" (south): 105 "một trăm linh năm".
 * - Inside a number, a group of three digits below a higher group always says its
 *   hundreds, even zero: 1005 "một nghìn không trăm linh năm", 1010 "một nghìn không trăm mười";
 *   an all-zero group is silent: 1000 "một nghìn", 2000 "hai nghìn".
 * - Thousands: "nghìn" (north) / "ngàn" (south).
 * Range: integers 0–999 999. Larger or non-integer input throws RangeError; callers that
 * must never fail (the announcer) read such numbers digit by digit instead.
 */

export type Dialect = 'north' | 'south';

export interface ReadOptions {
  dialect: Dialect;
}

export const MAX_READABLE = 999_999;

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function digitWord(d: number): string {
  const w = DIGITS[d];
  if (w === undefined) throw new RangeError(`not a digit: ${d}`);
  return w;
}

/** Reads 0–999; `full` forces "không trăm" / "linh" as inside a larger number. */
function readGroup(n: number, full: boolean, opts: ReadOptions): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];

  if (hundreds > 0 || full) words.push(digitWord(hundreds), 'trăm');
  const hasHundredsPart = words.length > 0;

  if (tens === 0) {
    if (units === 0) return words;
    if (hasHundredsPart) words.push(opts.dialect === 'south' ? 'lẻ' : 'linh');
    words.push(digitWord(units));
    return words;
  }

  if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(digitWord(units));
    return words;
  }

  words.push(digitWord(tens), 'mươi');
  if (units === 1) words.push('mốt');
  else if (units === 4) words.push('tư');
  else if (units === 5) words.push('lăm');
  else if (units > 0) words.push(digitWord(units));
  return words;
}

/** Reads an integer 0–999 999 as Vietnamese words, e.g. 1005 → ["một","nghìn","không","trăm","linh","năm"]. */
export function readNumberVi(n: number, opts: ReadOptions): string[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_READABLE) {
    throw new RangeError(`readNumberVi: expected an integer 0–${MAX_READABLE}, got ${n}`);
  }
  if (n === 0) return ['không'];
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return readGroup(rest, false, opts);
  const words = [...readGroup(thousands, false, opts), opts.dialect === 'south' ? 'ngàn' : 'nghìn'];
  if (rest > 0) words.push(...readGroup(rest, true, opts));
  return words;
}

/** Reads a string of digits one by one: "1005" → ["một","không","không","năm"]. Throws on any non-digit. */
export function readDigitsVi(s: string): string[] {
  if (!/^[0-9]+$/.test(s)) throw new RangeError(`readDigitsVi: digits only, got "${s}"`);
  return [...s].map((c) => digitWord(c.charCodeAt(0) - 48));
}
