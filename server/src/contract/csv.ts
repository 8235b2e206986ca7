/**
 * The one CSV writer, and the rule every spreadsheet cell the system writes follows (CSV here, XLSX in
 * core/exports): no cell starts with `=`, `+`, `-`, `@`, tab, CR or LF unless it is a plain number, since
 * Excel and LibreOffice run such a cell as a formula (`-1+1+cmd|' /C calc'!A0`). Shared by the server and
 * the admin screens (which import server/src/contract), so no exporter can forget it.
 */

/** A number as a spreadsheet reads it and nothing more: `-12.5` is one, `-1+1` is not. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const TRIGGER = /^[=+\-@\t\r\n]/;

export const isPlainNumber = (s: string): boolean => PLAIN_NUMBER.test(s);

/** Text made inert: a leading apostrophe (hidden by spreadsheets) before a formula trigger. */
export function inertText(s: string): string {
  return TRIGGER.test(s) && !isPlainNumber(s) ? `'${s}` : s;
}

/** The inverse, for a file the system wrote and reads back (export → edit → import keeps names exact). */
export function restoreText(s: string): string {
  return s.length > 1 && s[0] === "'" && TRIGGER.test(s.slice(1)) && !isPlainNumber(s.slice(1)) ? s.slice(1) : s;
}

/** One CSV cell: inert, and quoted when it holds a delimiter (`,` or `;`, Vietnamese Excel), a quote, tab or line break. */
export function csvCell(v: unknown): string {
  const s =
    v === null || v === undefined
      ? ''
      : typeof v === 'number'
        ? Number.isFinite(v)
          ? String(v)
          : ''
        : inertText(String(v));
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM (Excel then reads Vietnamese right), comma-separated, CRLF, a header row first. */
export const toCsv = (rows: readonly (readonly unknown[])[]): string =>
  '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

/**
 * The one CSV reader (the admin's imports and the server's procedure import), RFC 4180: quotes, doubled quotes,
 * CR/LF, a UTF-8 BOM; delimiter guessed from the header.
 */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const d = delimiter ?? guessDelimiter(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === d) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Excel in Vietnamese locales saves CSV with ';' — count delimiters in the first line, outside quotes. */
function guessDelimiter(src: string): string {
  const first = src.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => first.replace(/"[^"]*"/g, '').split(c).length - 1;
  const candidates = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}
