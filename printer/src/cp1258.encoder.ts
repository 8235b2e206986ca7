/**
 * Windows-1258 (ESC t 52 on Epson). CP1258 has precomposed letters only for some
 * Vietnamese vowels; the rest are base letter + a combining tone mark byte, which is how
 * Windows and glibc encode it too. Some printers print the mark beside the letter instead
 * of over it: that is a printer limit, and why raster mode is the default.
 */
const HIGH =
  '20ac,,201a,0192,201e,2026,2020,2021,02c6,2030,,2039,0152,,,,,2018,2019,201c,201d,2022,2013,2014,02dc,2122,,203a,0153,,,0178,' +
  '00a0,00a1,00a2,00a3,00a4,00a5,00a6,00a7,00a8,00a9,00aa,00ab,00ac,00ad,00ae,00af,00b0,00b1,00b2,00b3,00b4,00b5,00b6,00b7,00b8,00b9,00ba,00bb,00bc,00bd,00be,00bf,' +
  '00c0,00c1,00c2,0102,00c4,00c5,00c6,00c7,00c8,00c9,00ca,00cb,0300,00cd,00ce,00cf,0110,00d1,0309,00d3,00d4,01a0,00d6,00d7,00d8,00d9,00da,00db,00dc,01af,0303,00df,' +
  '00e0,00e1,00e2,0103,00e4,00e5,00e6,00e7,00e8,00e9,00ea,00eb,0301,00ed,00ee,00ef,0111,00f1,0323,00f3,00f4,01a1,00f6,00f7,00f8,00f9,00fa,00fb,00fc,01b0,20ab,00ff';

const ENCODE = new Map<string, number>();
const DECODE: (string | undefined)[] = [];
HIGH.split(',').forEach((hex, i) => {
  if (!hex) return;
  const ch = String.fromCodePoint(parseInt(hex, 16));
  ENCODE.set(ch, 0x80 + i);
  DECODE[0x80 + i] = ch;
});

/** The five Vietnamese tone marks as combining characters. */
export const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

const QUESTION = 0x3f;

/** One code, or null. ASCII printable and LF pass through; other controls are dropped (they are ESC/POS commands). */
function single(ch: string): number | null {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x0a || (cp >= 0x20 && cp < 0x7f)) return cp;
  return ENCODE.get(ch) ?? null;
}

export function encodeCp1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 && cp !== 0x0a) continue;
    const direct = single(ch);
    if (direct !== null) {
      out.push(direct);
      continue;
    }
    // e.g. "ố" → "ô" + U+0301: keep the vowel's shape mark on the base, split off the tone.
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((p) => TONE_MARKS.has(p));
    const base = parts
      .filter((p) => !TONE_MARKS.has(p))
      .join('')
      .normalize('NFC');
    const b = single(base);
    if (b !== null && tones.length === 1 && base.length === 1) {
      out.push(b, ENCODE.get(tones[0]!)!);
      continue;
    }
    out.push(QUESTION);
  }
  return Uint8Array.from(out);
}

/** For the test decoder: bytes back to NFC text. */
export function decodeCp1258(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : (DECODE[b] ?? '\ufffd');
  return s.normalize('NFC');
}
