import { z } from 'zod';
import { AppError } from '../../contract/errors.ts';
import { procedureInput } from '../../contract/inputs.schema.ts';
import { restoreText } from '../../contract/csv.ts';
import type { ImportRow } from './procedures.usecases.ts';
import {
  importCellText,
  PROCEDURE_COLUMNS,
  procedureColumnsOf,
  procedureDocumentsOf,
  procedureKeywordsOf,
  REQUIRED_PROCEDURE_COLUMNS,
  type ImportCell,
  type ProcedureColumn,
} from '../../contract/procedure.columns.ts';

/**
 * Reads the rows of an import table (CSV or XLSX, already split into cells): the header names the columns of the
 * contract in any order (extra columns ignored, `Từ khoá` and `Từ khóa` alike), one procedure per row after it.
 * Every row at fault is reported at once (`row`: its line, 1 = the header); nothing is half-read.
 */

/** The most rows one file may hold: a province lists ~2,000 procedures; this leaves room and bounds the work. */
export const MAX_IMPORT_ROWS = 10_000;

const rowSchema = procedureInput.omit({ areaId: true }).extend({ areaCode: z.string().trim().min(1).max(20) });

const FIELD_LABEL: Record<string, string> = { ...PROCEDURE_COLUMNS };
/** Vietnamese first: the admin reads these beside the row. */
const ISSUE_VI: Record<string, string> = { too_small: 'bị trống', too_big: 'quá dài hoặc quá nhiều mục' };

export function readImportTable(table: ImportCell[][]): ImportRow[] {
  const [header, ...body] = table;
  if (!header) throw new AppError('import.invalid', undefined, [{ row: 1, message: 'Tệp trống: thiếu dòng tiêu đề.' }]);
  const at = procedureColumnsOf(header.map((h) => importCellText(h, 'name')));
  const missing = REQUIRED_PROCEDURE_COLUMNS.filter((c) => !at.has(c));
  if (missing.length)
    throw new AppError('import.invalid', undefined, [
      { row: 1, message: `Thiếu cột: ${missing.map((c) => PROCEDURE_COLUMNS[c]).join(', ')}.` },
    ]);
  if (body.length > MAX_IMPORT_ROWS)
    throw new AppError('import.invalid', undefined, [
      { row: MAX_IMPORT_ROWS + 2, message: `Tệp có quá ${MAX_IMPORT_ROWS} dòng.` },
    ]);
  const rows: ImportRow[] = [];
  const errors: { row: number; message: string }[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: ProcedureColumn) => {
      const j = at.get(c);
      return j === undefined ? '' : restoreText(importCellText(cells[j], c).trim());
    };
    if (cells.every((c) => importCellText(c, 'name').trim() === '')) return; // a blank line in a spreadsheet
    const raw = {
      code: cell('code'),
      name: cell('name'),
      areaCode: cell('areaCode'),
      timeLimit: cell('timeLimit'),
      fee: cell('fee'),
      documents: procedureDocumentsOf(cell('documents')),
      keywords: procedureKeywordsOf(cell('keywords')),
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
