/**
 * Clip names of a voice pack: ASCII file-name stems without diacritics, one per Vietnamese
 * word or fixed phrase, so a center can record and name files on any computer.
 */

/** Pseudo-clips: 'chime' is a real file; 'pause' is silence the player inserts between repeats. */
export const CHIME = 'chime';
export const PAUSE = 'pause';

/**
 * Words whose ASCII spelling collides with another word of the vocabulary get the name of
 * their tone (ngang, huyen, sac, hoi, nga, nang), on both sides of the collision, so no
 * file name is "the usual one" and a recorder cannot swap them by accident.
 */
const COLLISIONS: Readonly<Record<string, string>> = {
  một: 'mot-nang',
  mốt: 'mot-sac',
  mười: 'muoi-huyen',
  mươi: 'muoi-ngang',
  tư: 'tu-ngang',
  tự: 'tu-nang',
};

/** Words a number can be read with, in both dialects. */
export const NUMBER_WORDS = [
  'không',
  'một',
  'hai',
  'ba',
  'bốn',
  'năm',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
  'mươi',
  'mốt',
  'tư',
  'lăm',
  'linh',
  'lẻ',
  'trăm',
  'nghìn',
  'ngàn',
] as const;

/** The announcement templates centers use (VIETNAM.md); the first is the default. */
export const TEMPLATES = [
  'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  'Kính mời công dân có số thứ tự {number} đến quầy số {counter}',
  'Mời công dân có số {number} đến quầy số {counter}',
] as const;

export const DEFAULT_TEMPLATE: string = TEMPLATES[0];

/** NFC, lower case (Vietnamese rules), without punctuation: the form words are compared in. */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Strips tone and vowel marks: "quầy" → "quay", "đến" → "den". */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Clip name of one word: "năm" → "nam", "lăm" → "lam", "mười" → "muoi-huyen". */
export function wordClipName(word: string): string {
  const w = normalizeWord(word);
  return COLLISIONS[w] ?? asciiFold(w).replace(/[^a-z0-9]/g, '');
}

/** Clip name of a phrase: its words folded to ASCII joined by '-': "đến quầy số" → "den-quay-so". */
export function phraseClipName(words: readonly string[]): string {
  return words
    .map((w) => asciiFold(normalizeWord(w)).replace(/[^a-z0-9]/g, ''))
    .filter((w) => w.length > 0)
    .join('-');
}

/** Every word the default pack has a word clip for. */
export const VOCABULARY: readonly string[] = [
  ...new Set<string>([...NUMBER_WORDS, ...TEMPLATES.flatMap((t) => splitWords(t.replace(/\{\w+\}/g, ' ')))]),
];

const VOCABULARY_FOLDS = new Set(VOCABULARY.map((w) => asciiFold(w)));

/**
 * True for a word outside the vocabulary that folds to the same letters as a vocabulary
 * word ("bà" → "ba", the clip for 3): its word clip would say the wrong word, so callers
 * must treat it as missing (a phrase clip can still cover it).
 */
export function isAmbiguousWord(word: string): boolean {
  const w = normalizeWord(word);
  return !VOCABULARY.includes(w) && VOCABULARY_FOLDS.has(asciiFold(w));
}

/** Splits free text into normalized words, dropping punctuation-only tokens. */
export function splitWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map(normalizeWord)
    .filter((w) => w.length > 0);
}
