/** Width of a string in dots (canvas) or columns (text mode). */
export type Measure = (text: string) => number;

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

export function splitGraphemes(s: string): string[] {
  return Array.from(graphemes.segment(s), (g) => g.segment);
}

/**
 * Greedy word wrap. A single word wider than the line is broken between letters
 * (never between a letter and its tone mark), so nothing is ever cut off at the edge.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const words = text.split(' ').filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (measure(word) <= maxWidth) {
      line = word;
      continue;
    }
    for (const g of splitGraphemes(word)) {
      if (line && measure(line + g) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += g;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The line with "…" at its end, letters dropped from its end until it fits (a cut item of a list). */
export function withEllipsis(line: string, maxWidth: number, measure: Measure): string {
  const g = splitGraphemes(line.trimEnd());
  while (g.length && measure(`${g.join('').trimEnd()}…`) > maxWidth) g.pop();
  return `${g.join('').trimEnd()}…`;
}

/**
 * Same number of lines, but as even as possible: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG /
 * TỈNH NGHỆ AN" reads better than a full line followed by two orphaned words.
 */
export function wrapBalanced(text: string, maxWidth: number, measure: Measure): string[] {
  const greedy = wrapText(text, maxWidth, measure);
  if (greedy.length < 2) return greedy;
  let lo = maxWidth / greedy.length;
  let hi = maxWidth;
  let best = greedy;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    const lines = wrapText(text, mid, measure);
    if (lines.length <= greedy.length && !lines.some((l) => isBrokenWord(text, l))) {
      best = lines;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

/**
 * Administrative place names read best on their own line: "… HÀNH CHÍNH CÔNG / TỈNH NGHỆ AN".
 * Splits before the first such word (not at the very start).
 */
export const PLACE_WORDS = /\s(?=(tỉnh|thành phố|tp\.|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s)/iu;

export function splitBefore(text: string, re: RegExp | undefined): string[] {
  if (!re) return [text];
  const m = re.exec(text);
  if (!m || m.index === 0) return [text];
  return [text.slice(0, m.index), text.slice(m.index + m[0].length)].filter((s) => s.length > 0);
}

export interface FitResult {
  size: number;
  lines: string[];
}

/**
 * Largest size in [min, max] at which the text wraps into at most maxLines lines.
 * Below min we keep min and let it take more lines: a long name must still be readable.
 */
export function fitParagraph(
  text: string,
  maxWidth: number,
  measureAt: (size: number) => Measure,
  opts: { maxSize: number; minSize: number; maxLines: number; balanced?: boolean; breakBefore?: RegExp },
): FitResult {
  const ok = (lines: string[], max: number) => lines.length <= max && !lines.some((l) => isBrokenWord(text, l));
  // A little shrinking to save a line is worth it; a lot is not.
  const shrinkFloor = Math.max(opts.minSize, Math.floor(opts.maxSize * 0.88));
  const split = splitBefore(text, opts.breakBefore);
  // With the place-name break first; if that cannot fit in maxLines, without it.
  for (const segments of split.length > 1 ? [split, [text]] : [split]) {
    const wrap = (size: number, balanced: boolean) =>
      segments.flatMap((seg) => (balanced ? wrapBalanced : wrapText)(seg, maxWidth, measureAt(size)));
    for (let size = opts.maxSize; size >= shrinkFloor; size -= 1) {
      if (ok(wrap(size, false), segments.length)) return { size, lines: wrap(size, !!opts.balanced) };
    }
    for (let size = opts.maxSize; size >= opts.minSize; size -= 1) {
      if (ok(wrap(size, false), opts.maxLines)) return { size, lines: wrap(size, !!opts.balanced) };
    }
  }
  // Too long for maxLines even at minSize: more lines, still even, still readable.
  return { size: opts.minSize, lines: wrapBalanced(text, maxWidth, measureAt(opts.minSize)) };
}

/** True when a wrapped line is a fragment of a word (we prefer shrinking over breaking words). */
function isBrokenWord(text: string, line: string): boolean {
  const words = new Set(text.split(' '));
  return line.split(' ').some((w) => w.length > 0 && !words.has(w));
}
