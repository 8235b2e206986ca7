import { z } from 'zod';
import { AppError } from '../../contract/errors.ts';
import { procedureInput } from '../../contract/inputs.schema.ts';
import { restoreText } from '../../contract/csv.ts';
import type { ImportRow } from './procedures.usecases.ts';
import { normalizeText } from './procedure.search.ts';

/**
 * Reads the rows of an import table (CSV or XLSX, already split into cells): the header names the columns of the
 * contract in any order (extra columns ignored, `Từ khoá` and `Từ khóa` alike), one procedure per row after it.
 * Every row at fault is reported at once (`row`: its line, 1 = the header); nothing is half-read.
 */

/** The contract's column names, compared without case or diacritics. */
const COLUMNS = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  areaCode: 'Mã lĩnh vực',
  timeLimit: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  documents: 'Thành phần hồ sơ',
  keywords: 'Từ khoá',
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['code', 'name', 'areaCode'];

/** The most rows one file may hold: a province lists ~2,000 procedures; this leaves room and bounds the work. */
export const MAX_IMPORT_ROWS = 10_000;

const rowSchema = procedureInput.omit({ areaId: true }).extend({ areaCode: z.string().trim().min(1).max(20) });

const FIELD_LABEL: Record<string, string> = { ...COLUMNS };
/** Vietnamese first: the admin reads these beside the row. */
const ISSUE_VI: Record<string, string> = { too_small: 'bị trống', too_big: 'quá dài hoặc quá nhiều mục' };

/** One document per line within the cell, or `;`-separated when the cell has a single line. */
const documentsOf = (cell: string) =>
  (cell.includes('\n') ? cell.split(/\r?\n/) : cell.split(';')).map((s) => s.trim()).filter(Boolean);
const keywordsOf = (cell: string) =>
  cell
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function readImportTable(table: string[][]): ImportRow[] {
  const [header, ...body] = table;
  if (!header) throw new AppError('import.invalid', undefined, [{ row: 1, message: 'Tệp trống: thiếu dòng tiêu đề.' }]);
  const wanted = new Map(Object.entries(COLUMNS).map(([k, label]) => [normalizeText(label), k as Column]));
  const at = new Map<Column, number>();
  header.forEach((h, i) => {
    const col = wanted.get(normalizeText(h));
    if (col && !at.has(col)) at.set(col, i);
  });
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (missing.length)
    throw new AppError('import.invalid', undefined, [
      { row: 1, message: `Thiếu cột: ${missing.map((c) => COLUMNS[c]).join(', ')}.` },
    ]);
  if (body.length > MAX_IMPORT_ROWS)
    throw new AppError('import.invalid', undefined, [
      { row: MAX_IMPORT_ROWS + 2, message: `Tệp có quá ${MAX_IMPORT_ROWS} dòng.` },
    ]);
  const rows: ImportRow[] = [];
  const errors: { row: number; message: string }[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: Column) => {
      const j = at.get(c);
      return j === undefined ? '' : restoreText(String(cells[j] ?? '').trim());
    };
    if (cells.every((c) => String(c ?? '').trim() === '')) return; // a blank line in a spreadsheet
    const raw = {
      code: cell('code'),
      name: cell('name'),
      areaCode: cell('areaCode'),
      timeLimit: cell('timeLimit'),
      fee: cell('fee'),
      documents: documentsOf(cell('documents')),
      keywords: keywordsOf(cell('keywords')),
    };
    const r = rowSchema.safeParse(raw);
    if (!r.success) {
      const msg = r.error.issues
        .map((x) => `${FIELD_LABEL[String(x.path[0])] ?? String(x.path[0])}: ${ISSUE_VI[x.code] ?? x.message}`)
        .join('; ');
      errors.push({ row, message: msg });
      return;
    }
    rows.push({ row, fields: r.data });
  });
  if (errors.length) throw new AppError('import.invalid', undefined, errors);
  return rows;
}
