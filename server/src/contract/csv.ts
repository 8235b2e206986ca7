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
