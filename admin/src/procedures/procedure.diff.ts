import type { AreaDto, FieldChange } from '@contract/dto';
import { restoreText } from '@contract/csv';
import type { AdminApi, Procedure, ProcedureImportResult } from '../admin.api.ts';
import {
  procedureColumnsOf,
  procedureDocumentsOf,
  procedureKeywordsOf,
  type ProcedureColumn,
} from '@contract/procedure.columns';
import type { SheetRows } from '../transfer/import.parse.ts';

/** One row of a procedure import file, as the contract's columns name it. */
export interface ProcedureRow {
  row: number;
  code: string;
  name: string;
  areaCode: string;
  timeLimit: string;
  fee: string;
  documents: string[];
  keywords: string[];
}
export type ProcedureChange = ProcedureImportResult['changes'][number];

/** The file's rows (row numbers as a spreadsheet shows them: the header is row 1); rows with no code are skipped. */
export function procedureRows(sheet: SheetRows): ProcedureRow[] {
  const [header, ...body] = sheet.rows;
  if (!header) return [];
  // The server's own column matching (contract/procedure.columns.ts): one definition of the file's columns.
  const col = procedureColumnsOf(header);
  const out: ProcedureRow[] = [];
  body.forEach((cells, i) => {
    const get = (c: ProcedureColumn) => {
      const j = col.get(c);
      return j === undefined ? '' : restoreText(String(cells[j] ?? '')).trim();
    };
    const code = get('code');
    if (!code) return;
    out.push({
      row: i + 2,
      code,
      name: get('name'),
      areaCode: get('areaCode'),
      timeLimit: get('timeLimit'),
      fee: get('fee'),
      documents: procedureDocumentsOf(get('documents')),
      keywords: procedureKeywordsOf(get('keywords')),
    });
  });
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the file would change, row by row and field by field, against the procedures the server lists now.
 * Used when the server's dry run answers only the counts (as the contract guarantees); a code not listed is a creation.
 */
export function diffProcedures(rows: ProcedureRow[], current: Procedure[]): ProcedureChange[] {
  const byCode = new Map(current.map((p) => [p.code, p]));
  const changes: ProcedureChange[] = [];
  for (const r of rows) {
    const p = byCode.get(r.code);
    const after = {
      name: r.name,
      areaCode: r.areaCode,
      timeLimit: r.timeLimit,
      fee: r.fee,
      documents: r.documents,
      keywords: r.keywords,
    };
    if (!p) {
      const fields = Object.entries(after)
        .filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0))
        .map(([field, v]) => ({ field, before: null, after: v }));
      changes.push({ code: r.code, action: 'create', fields });
      continue;
    }
    const before: Record<keyof typeof after, unknown> = {
      name: p.name,
      areaCode: p.areaCode,
      timeLimit: p.timeLimit ?? '',
      fee: p.fee ?? '',
      documents: p.documents ?? [],
      keywords: p.keywords ?? [],
    };
    const fields: FieldChange[] = (Object.keys(after) as (keyof typeof after)[])
      .filter((f) => !same(before[f], after[f]))
      .map((f) => ({ field: f, before: before[f], after: after[f] }));
    if (fields.length) changes.push({ code: r.code, action: 'update', fields });
  }
  return changes;
}

/** The server's cap on one answer (contract: `limit` at most 200). */
export const PAGE = 200;

/**
 * Every listed procedure, area by area (one answer holds at most 200): the areas panel counts them and the import
 * preview compares against them. `full` is false when some area reached the cap, so its count reads "200+".
 */
export async function loadAllProcedures(
  api: Pick<AdminApi, 'procedures'>,
  areas: Pick<AreaDto, 'id'>[],
): Promise<{ byArea: Map<string, Procedure[]>; all: Procedure[]; full: boolean }> {
  const lists = await Promise.all(areas.map((a) => api.procedures({ areaId: a.id, limit: PAGE })));
  const byArea = new Map(areas.map((a, i) => [a.id, lists[i]!]));
  return { byArea, all: lists.flat(), full: lists.every((l) => l.length < PAGE) };
}
