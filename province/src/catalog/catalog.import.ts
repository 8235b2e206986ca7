import { AppError } from '../../../server/src/contract/errors.ts';
import type { ImportRow, ProcedureImportResult } from '../../../server/src/core/procedures/procedures.usecases.ts';
import type { HubDb, Queryable } from '../storage/hub.db.ts';

/** One row of the province catalogue: the center's own import row (procedure.import.ts), area by code. */
export type CatalogRow = ImportRow['fields'];

const COMPARED = ['name', 'areaCode', 'timeLimit', 'fee', 'documents', 'keywords'] as const;
const norm = (r: CatalogRow): CatalogRow => ({
  code: r.code,
  name: r.name,
  areaCode: r.areaCode,
  timeLimit: r.timeLimit ?? '',
  fee: r.fee ?? '',
  documents: r.documents ?? [],
  keywords: r.keywords ?? [],
});

export async function readCatalog(q: Queryable): Promise<{ version: number; rows: CatalogRow[] }> {
  const [r] = await q.query<{ version: number; rows: unknown }>(
    'SELECT version, rows FROM province_catalog WHERE id = 1',
  );
  if (!r) return { version: 0, rows: [] };
  const rows = (typeof r.rows === 'string' ? JSON.parse(r.rows) : r.rows) as CatalogRow[];
  return { version: r.version, rows };
}

/**
 * The province catalogue import: the same file, the same row rules and the same answer as a center's
 * import (all or nothing, dryRun writes nothing), but it replaces the whole province catalogue (a procedure
 * left out leaves every center's copy of it) and bumps the version centers compare, only when something changed.
 */
export async function importCatalog(
  db: HubDb,
  rows: ImportRow[],
  dryRun: boolean,
  now: number,
): Promise<ProcedureImportResult & { removed: number; version: number }> {
  const errors: { row: number; message: string }[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = r.fields.code.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ row: r.row, message: `Mã thủ tục ${r.fields.code} trùng với dòng ${first}.` });
    else seen.set(key, r.row);
  }
  if (errors.length) throw new AppError('import.invalid', undefined, errors);
  return db.tx(async (q) => {
    // Locked: two imports at once apply one after the other, each against the catalogue the other left.
    await q.query('SELECT version FROM province_catalog WHERE id = 1 FOR UPDATE');
    const old = await readCatalog(q);
    const before = new Map(old.rows.map((r) => [r.code.toLowerCase(), norm(r)]));
    const next = rows.map((r) => norm(r.fields));
    const result: ProcedureImportResult & { removed: number; version: number } = {
      created: 0,
      updated: 0,
      unchanged: 0,
      removed: 0,
      dryRun,
      changes: [],
      version: old.version,
    };
    for (const n of next) {
      const e = before.get(n.code.toLowerCase());
      before.delete(n.code.toLowerCase());
      if (!e) {
        result.created++;
        result.changes.push({
          code: n.code,
          action: 'create',
          fields: COMPARED.map((field) => ({ field, before: null, after: n[field] })),
        });
        continue;
      }
      const fields: { field: string; before: unknown; after: unknown }[] = COMPARED.filter(
        (k) => JSON.stringify(e[k]) !== JSON.stringify(n[k]),
      ).map((field) => ({
        field,
        before: e[field],
        after: n[field],
      }));
      if (e.code !== n.code) fields.unshift({ field: 'code', before: e.code, after: n.code });
      if (fields.length === 0) result.unchanged++;
      else {
        result.updated++;
        result.changes.push({ code: n.code, action: 'update', fields });
      }
    }
    result.removed = before.size;
    const changed = result.created + result.updated + result.removed > 0;
    if (!dryRun && changed) {
      result.version = old.version + 1;
      await q.query(
        `INSERT INTO province_catalog (id, version, rows, imported_at) VALUES (1, $1, $2::jsonb, $3)
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, rows = EXCLUDED.rows, imported_at = EXCLUDED.imported_at`,
        [result.version, JSON.stringify(next), now],
      );
    }
    return result;
  });
}
