/**
 * Procedure search, pure and in memory: the catalogue is small (a few thousand rows), so an index rebuilt when
 * it changes answers in microseconds where SQL LIKE would scan and could not forgive a typo. Rules (contract,
 * "Procedures"): case and diacritics ignored (đ = d); every query word must match the start of a word of the
 * name, code or keywords; a query word of 5+ letters may have one wrong, missing, extra or swapped letter; a
 * whole-name or whole-keyword match ranks above a partial one; an exact code comes first.
 */

/** Lower case, no diacritics (đ → d), every run of other characters one space. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/(^|\s)\.+|\.+(?=\s|$)/g, '$1')
    .trim();
}

/** Words of a text; a dotted word (a code, `2.000488`) also gives its parts, so `000488` finds it. */
export function words(s: string): string[] {
  const out: string[] = [];
  for (const w of normalizeText(s).split(' ')) {
    if (!w) continue;
    out.push(w);
    if (w.includes('.')) for (const p of w.split('.')) if (p) out.push(p);
  }
  return out;
}

/** a[from..) equals b[from2..lb): compared in place (the search runs this over the vocabulary, so no slices). */
function sameTail(a: string, from: number, b: string, from2: number, lb: number): boolean {
  if (a.length - from !== lb - from2) return false;
  for (let i = 0; from + i < a.length; i++) if (a.charCodeAt(from + i) !== b.charCodeAt(from2 + i)) return false;
  return true;
}

/**
 * Whether a and the first `lb` letters of b (all of b by default) differ by at most one edit: a wrong, missing or
 * extra letter, or two neighbouring letters swapped (Damerau–Levenshtein distance ≤ 1).
 */
export function withinOneEdit(a: string, b: string, lb = b.length): boolean {
  const la = a.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la === lb)
    return (
      sameTail(a, i + 1, b, i + 1, lb) || // one substitution
      (a[i] === b[i + 1] && a[i + 1] === b[i] && sameTail(a, i + 2, b, i + 2, lb)) // one swap
    );
  return la > lb ? sameTail(a, i + 1, b, i, lb) : sameTail(a, i, b, i + 1, lb);
}

export const FUZZY_MIN_LENGTH = 5;
/** The most procedures one index holds (the score packs the catalogue position in its last seven digits). */
const ORDER_SPAN = 10_000_000;
/** Five letters or more (digits are not letters: a code is never "corrected" into another one). */
const forgiving = (q: string) => q.replace(/[^a-z]/g, '').length >= FUZZY_MIN_LENGTH;

/** Whether the query word matches the start of the word, forgiving one edit when the query word is long. */
function wordQuality(q: string, w: string): number {
  if (w === q) return 3;
  if (w.startsWith(q)) return 2;
  if (!forgiving(q)) return 0;
  for (let k = q.length - 1; k <= q.length + 1 && k <= w.length; k++) if (withinOneEdit(q, w, k)) return 1;
  return 0;
}

export interface SearchDoc {
  id: string;
  code: string;
  name: string;
  keywords: string[];
}

/** Normalized once at build time; names and keywords padded with spaces so a whole-word phrase is one `includes`. */
interface Entry {
  id: string;
  code: string;
  name: string;
  paddedName: string;
  keywords: string[];
  paddedKeywords: string[];
}

export interface ProcedureIndex {
  /** Ids best match first; `accept` filters (area, active) before the limit. */
  search(query: string, limit: number, accept?: (id: string) => boolean): string[];
  size: number;
}

/** Builds the index: a sorted word list with its procedures, so a prefix is a binary search, not a scan. */
export function buildProcedureIndex(docs: readonly SearchDoc[]): ProcedureIndex {
  const entries: Entry[] = docs.map((d) => {
    const name = normalizeText(d.name);
    const keywords = d.keywords.map(normalizeText).filter(Boolean);
    return {
      id: d.id,
      code: d.code.trim().toLowerCase(),
      name,
      paddedName: ` ${name} `,
      keywords,
      paddedKeywords: keywords.map((k) => ` ${k} `),
    };
  });
  // One number per candidate sorts without a comparator: tier, word quality, name, keyword rank, then catalogue order.
  if (entries.length > ORDER_SPAN) throw new Error(`procedure index: more than ${ORDER_SPAN} procedures`);
  const postings = new Map<string, Set<number>>();
  entries.forEach((e, i) => {
    for (const w of [...words(e.name), ...words(e.code), ...e.keywords.flatMap(words)]) {
      let set = postings.get(w);
      if (!set) postings.set(w, (set = new Set()));
      set.add(i);
    }
  });
  const vocabulary = [...postings.keys()].sort();
  // A 5-letter query word is within one edit only of a start of 4 letters or more: codes and short words never are.
  const fuzzyVocabulary = vocabulary.filter((w) => w.replace(/[^a-z]/g, '').length >= FUZZY_MIN_LENGTH - 1);

  /** For one query word: each matching procedure and the best quality of its match. */
  function matches(q: string): Map<number, number> {
    const out = new Map<number, number>();
    const add = (w: string) => {
      const quality = wordQuality(q, w);
      if (quality === 0) return;
      for (const i of postings.get(w)!) if ((out.get(i) ?? 0) < quality) out.set(i, quality);
    };
    // Prefix matches: a contiguous run of the sorted vocabulary.
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[mid]! < q) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < vocabulary.length && vocabulary[j]!.startsWith(q); j++) add(vocabulary[j]!);
    // One typo forgiven: a scan of the vocabulary (a few thousand words), only for long query words.
    if (forgiving(q)) for (const w of fuzzyVocabulary) if (w.length >= q.length - 1 && !w.startsWith(q)) add(w);
    return out;
  }

  function search(query: string, limit: number, accept?: (id: string) => boolean): string[] {
    const phrase = normalizeText(query);
    const qWords = phrase.split(' ').filter(Boolean);
    if (qWords.length === 0 || limit <= 0) return [];
    const code = query.trim().toLowerCase();
    let candidates: Map<number, number> | null = null;
    for (const q of qWords) {
      const m = matches(q);
      if (candidates === null) candidates = m;
      else {
        const next = new Map<number, number>();
        for (const [i, s] of candidates) {
          const t = m.get(i);
          if (t) next.set(i, s + t);
        }
        candidates = next;
      }
      if (candidates.size === 0) break;
    }
    const padded = ` ${phrase} `;
    const scores = new Float64Array(candidates?.size ?? 0);
    let n = 0;
    for (const [i, quality] of candidates ?? []) {
      const e = entries[i]!;
      if (accept && !accept(e.id)) continue;
      let tier = 1;
      let kw = e.keywords.indexOf(phrase);
      if (e.code === code) tier = 4;
      else if (e.name === phrase || kw >= 0) tier = 3;
      else {
        kw = e.paddedKeywords.findIndex((k) => k.includes(padded));
        if (kw >= 0 || e.paddedName.includes(padded)) tier = 2;
      }
      const inName = e.paddedName.includes(padded) ? 1 : 0;
      // Best tier; then better word matches; then the words in the name itself; then the keyword people name
      // first; then the catalogue's own order (a province lists the common procedure before its variants).
      scores[n++] =
        tier * 1e13 +
        Math.min(quality, 99) * 1e11 +
        inName * 1e10 +
        (99 - Math.min(kw < 0 ? 99 : kw, 99)) * 1e7 +
        (ORDER_SPAN - 1 - i);
    }
    const best = scores.subarray(0, n).sort().reverse().subarray(0, limit);
    return Array.from(best, (x) => entries[ORDER_SPAN - 1 - (x % ORDER_SPAN)]!.id);
  }

  return { search, size: entries.length };
}
