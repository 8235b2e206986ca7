/**
 * TCVN 5712:1993 VN3, the "ABC" encoding (ESC t 30 / 31 on Epson). It has all lowercase
 * letters but only seven capitals (Ă Â Ê Ô Ơ Ư Đ); a capital with a tone mark is the
 * lowercase byte printed with an all-capitals font, which Epson exposes as page 31.
 */
const LOWER =
  'ă:a8 â:a9 ê:aa ô:ab ơ:ac ư:ad đ:ae ' +
  'à:b5 ả:b6 ã:b7 á:b8 ạ:b9 ằ:bb ẳ:bc ẵ:bd ắ:be ặ:c6 ầ:c7 ẩ:c8 ẫ:c9 ấ:ca ậ:cb ' +
  'è:cc ẻ:ce ẽ:cf é:d0 ẹ:d1 ề:d2 ể:d3 ễ:d4 ế:d5 ệ:d6 ' +
  'ì:d7 ỉ:d8 ĩ:dc í:dd ị:de ' +
  'ò:df ỏ:e1 õ:e2 ó:e3 ọ:e4 ồ:e5 ổ:e6 ỗ:e7 ố:e8 ộ:e9 ờ:ea ở:eb ỡ:ec ớ:ed ợ:ee ' +
  'ù:ef ủ:f1 ũ:f2 ú:f3 ụ:f4 ừ:f5 ử:f6 ữ:f7 ứ:f8 ự:f9 ' +
  'ỳ:fa ỷ:fb ỹ:fc ý:fd ỵ:fe';
const UPPER = 'Ă:a1 Â:a2 Ê:a3 Ô:a4 Ơ:a5 Ư:a6 Đ:a7';

function table(spec: string): Map<string, number> {
  return new Map(
    spec.split(' ').map((kv) => [kv.slice(0, kv.indexOf(':')), parseInt(kv.slice(kv.indexOf(':') + 1), 16)]),
  );
}
const LOWER_MAP = table(LOWER);
const UPPER_MAP = table(UPPER);
const DECODE_LOWER = new Map([...LOWER_MAP, ...UPPER_MAP].map(([k, v]) => [v, k]));

export interface Tcvn3Run {
  /** true: print with the capitals page (Epson ESC t 31). */
  capitals: boolean;
  bytes: Uint8Array;
}

/** Typographic punctuation that VN3 lacks, printed as its plain ASCII look-alike. */
const PUNCTUATION: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '.',
  '\u00a0': ' ',
  '•': '*',
};

function encodeChar(ch: string): { byte: number; capital: boolean } | null {
  const alt = PUNCTUATION[ch];
  if (alt) return { byte: alt.charCodeAt(0), capital: false };
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x0a || (cp >= 0x20 && cp < 0x7f)) return { byte: cp, capital: false };
  const up = UPPER_MAP.get(ch);
  if (up !== undefined) return { byte: up, capital: false };
  const low = LOWER_MAP.get(ch);
  if (low !== undefined) return { byte: low, capital: false };
  const lowered = LOWER_MAP.get(ch.toLocaleLowerCase('vi'));
  if (lowered !== undefined) return { byte: lowered, capital: true };
  return null;
}

/** Runs of bytes, split where the text needs the capitals page. Controls other than LF are dropped. */
export function encodeTcvn3Runs(text: string): Tcvn3Run[] {
  const runs: { capitals: boolean; bytes: number[] }[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 && cp !== 0x0a) continue;
    const e = encodeChar(ch) ?? { byte: 0x3f, capital: false };
    const last = runs[runs.length - 1];
    // spaces and punctuation print the same on both pages: don't switch for them
    const neutral = cp < 0x41 && cp !== 0x0a;
    if (last && (last.capitals === e.capital || neutral)) last.bytes.push(e.byte);
    else runs.push({ capitals: e.capital, bytes: [e.byte] });
  }
  return runs.map((r) => ({ capitals: r.capitals, bytes: Uint8Array.from(r.bytes) }));
}

/** Flat ABC bytes: what a TCVN3 font shows, with capitals' tone letters at their lowercase codes. */
export function encodeTcvn3(text: string): Uint8Array {
  const runs = encodeTcvn3Runs(text);
  return Uint8Array.from(runs.flatMap((r) => [...r.bytes]));
}

/** For the test decoder. */
export function decodeTcvn3(bytes: Uint8Array, capitals = false): string {
  let s = '';
  for (const b of bytes) {
    if (b < 0x80) s += String.fromCharCode(b);
    else {
      const ch = DECODE_LOWER.get(b) ?? '\ufffd';
      s += capitals ? ch.toLocaleUpperCase('vi') : ch;
    }
  }
  return s;
}
