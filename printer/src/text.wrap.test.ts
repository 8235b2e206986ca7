import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitParagraph, PLACE_WORDS, splitBefore, wrapBalanced, wrapText } from './text.wrap.ts';

const cols = (s: string) => [...s].length;

describe('wrapping', () => {
  it('never exceeds the width and never loses a letter', () => {
    const word = fc.stringMatching(/^[a-zàáảãạăâđêôơưốộứự]{1,30}$/u);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), fc.integer({ min: 4, max: 48 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapText(text, width, cols);
        for (const l of lines) expect(cols(l)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        const balanced = wrapBalanced(text, width, cols);
        expect(balanced.length).toBeLessThanOrEqual(lines.length);
        for (const l of balanced) expect(cols(l)).toBeLessThanOrEqual(width);
      }),
    );
  });
  it('breaks before the place name', () => {
    expect(splitBefore('Trung tâm Phục vụ hành chính công tỉnh Nghệ An', PLACE_WORDS)).toEqual([
      'Trung tâm Phục vụ hành chính công',
      'tỉnh Nghệ An',
    ]);
    expect(splitBefore('Tỉnh Nghệ An', PLACE_WORDS)).toEqual(['Tỉnh Nghệ An']);
  });
  it('shrinks within bounds before adding lines', () => {
    const measureAt = (size: number) => (s: string) => cols(s) * size;
    // 14 letters: fits one line at 9 (a small shrink is worth a line)…
    expect(fitParagraph('một hai ba bốn', 130, measureAt, { maxSize: 10, minSize: 6, maxLines: 3 })).toEqual({
      size: 9,
      lines: ['một hai ba bốn'],
    });
    // …but not at 100 wide without shrinking past 12 %: keep the size, take two lines.
    const r = fitParagraph('một hai ba bốn', 100, measureAt, { maxSize: 10, minSize: 6, maxLines: 3 });
    expect(r.size).toBe(10);
    expect(r.lines.length).toBe(2);
    const tiny = fitParagraph('mộtchữrấtrấtdàikhôngcódấucách', 50, measureAt, { maxSize: 10, minSize: 8, maxLines: 2 });
    expect(tiny.size).toBe(8);
    for (const l of tiny.lines) expect(cols(l) * 8).toBeLessThanOrEqual(50);
  });
});
