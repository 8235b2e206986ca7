/**
 * The columns of a procedure import file (contract, "Procedures"), one definition for the server's import
 * (core/procedures/procedure.import.ts) and the admin's preview (admin/src/procedures/procedure.diff.ts): the names,
 * how a header is matched to them, how a cell splits into documents and keywords, and how a code typed into a
 * spreadsheet as a number is restored.
 */

/** The contract's column names; order free, extra columns ignored. */
export const PROCEDURE_COLUMNS = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  areaCode: 'Mã lĩnh vực',
  timeLimit: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  documents: 'Thành phần hồ sơ',
  keywords: 'Từ khoá',
} as const;
export type ProcedureColumn = keyof typeof PROCEDURE_COLUMNS;
export const REQUIRED_PROCEDURE_COLUMNS: readonly ProcedureColumn[] = ['code', 'name', 'areaCode'];

/** A header compared without case, diacritics (đ = d), spaces or punctuation: `Từ khóa` = `Từ khoá` = `TU KHOA`. */
export function procedureColumnKey(header: string): string {
  return String(header ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const COLUMN_OF = new Map(
  Object.entries(PROCEDURE_COLUMNS).map(([k, label]) => [procedureColumnKey(label), k as ProcedureColumn]),
);

/** Where each contract column sits in a header row (the first of two same-named columns wins). */
export function procedureColumnsOf(header: readonly unknown[]): Map<ProcedureColumn, number> {
  const at = new Map<ProcedureColumn, number>();
  header.forEach((h, i) => {
    const col = COLUMN_OF.get(procedureColumnKey(String(h ?? '')));
    if (col && !at.has(col)) at.set(col, i);
  });
  return at;
}

const items = (parts: string[]) => parts.map((s) => s.trim()).filter(Boolean);
/** `Thành phần hồ sơ`: one document per line within the cell, or `;`-separated when the cell has a single line. */
export const procedureDocumentsOf = (cell: string): string[] =>
  items(cell.includes('\n') ? cell.split(/\r?\n/) : cell.split(';'));
/** `Từ khoá`: separated by `;` (or one per line). */
export const procedureKeywordsOf = (cell: string): string[] => items(cell.split(/[;\n]/));

/**
 * A cell as the file stored it: text, or a number (an XLSX numeric cell, in the file's own digits). Excel turns a
 * code typed as `1.001230` into the number 1.00123, so only the reader knows a code cell lost its trailing zeros.
 */
export type ImportCell = string | { number: string };

/**
 * The procedure code a numeric cell stands for. National codes have the pattern `N.NNNNNN` (one digit, six
 * decimals), and a number drops the zeros at its end, so a number from 1 to 9.999999 with at most six decimals is
 * that code padded back (1.00123 → `1.001230`, 2.000488 → `2.000488`). Any other number stays as written.
 */
export function procedureCodeOfNumber(digits: string): string {
  const n = Number(digits);
  if (Number.isFinite(n) && n >= 1 && n < 10) {
    const micro = n * 1e6;
    // Within float noise of six decimals (a writer may store 1.0012300000000001).
    if (Math.abs(micro - Math.round(micro)) < 1e-3) return n.toFixed(6);
  }
  return digits.trim();
}

/** A cell's text for a column: a numeric code cell restored, any other number as its digits. */
export function importCellText(cell: ImportCell | null | undefined, column: ProcedureColumn): string {
  if (cell !== null && typeof cell === 'object')
    return column === 'code' ? procedureCodeOfNumber(cell.number) : cell.number.trim();
  return String(cell ?? '');
}
