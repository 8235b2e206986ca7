import type { ConfigDocument, ConfigProcedureRow } from '../../contract/config.schema.ts';
import type { FieldChange } from '../../contract/dto.ts';
import { AppError } from '../../contract/errors.ts';
import type { Actor } from '../entities.ts';
import type { Deps, TxDeps } from '../ports.ts';
import { importProcedures } from '../procedures/procedures.usecases.ts';

/**
 * The procedures of a configuration document: exported with the areas that hold them, imported by the procedure
 * import's own rules (matched by code, every row checked, duplicate codes and unknown areas refused), in the
 * config import's one transaction, so a refused procedure leaves the whole document unapplied.
 */

/** The procedures in force whose area the document carries (an import elsewhere could not place the others). */
export function exportProcedures(store: Deps['store'], exportedAreaIds: Set<string>): ConfigProcedureRow[] {
  const areaCode = new Map(store.catalog.areas().map((a) => [a.id, a.code]));
  return store.procedures
    .all()
    .filter((p) => p.active && exportedAreaIds.has(p.areaId))
    .map((p) => ({
      code: p.code,
      name: p.name,
      area: areaCode.get(p.areaId)!,
      timeLimit: p.timeLimit,
      fee: p.fee,
      documents: p.documents,
      keywords: p.keywords,
    }));
}

export interface ProcedureCounts {
  created: number;
  updated: number;
  unchanged: number;
  changes: { code: string; action: 'create' | 'update'; fields: FieldChange[] }[];
}

/**
 * Applies the document's procedures after its areas (so a new area can already hold them). A row at fault → 422
 * `import.invalid`, each message naming its row in the document's procedure list (1 = the first procedure).
 */
export function importConfigProcedures(
  tx: TxDeps,
  rows: NonNullable<ConfigDocument['procedures']>,
  actor: Actor,
): ProcedureCounts {
  const importRows = rows.map(({ area: areaCode, ...fields }, i) => ({ row: i + 1, fields: { ...fields, areaCode } }));
  let r;
  try {
    r = importProcedures(tx, { rows: importRows, dryRun: false, actor });
  } catch (e) {
    if (e instanceof AppError && e.code === 'import.invalid' && Array.isArray(e.details))
      throw new AppError(
        'import.invalid',
        'Có thủ tục không hợp lệ; chưa nhập gì.',
        (e.details as { row: number; message: string }[]).map((d) => ({
          row: d.row,
          message: `Thủ tục dòng ${d.row}: ${d.message}`,
        })),
      );
    throw e;
  }
  // The areas by code, as the rest of the document names them (not the ids the procedure import compares).
  const codeOf = new Map(tx.store.catalog.areas().map((a) => [a.id, a.code]));
  const changes = r.changes.map((c) => ({
    ...c,
    fields: c.fields.map((f) =>
      f.field === 'areaId'
        ? {
            field: 'area',
            before: f.before === null ? null : (codeOf.get(String(f.before)) ?? f.before),
            after: codeOf.get(String(f.after)) ?? f.after,
          }
        : f,
    ),
  }));
  return { created: r.created, updated: r.updated, unchanged: r.unchanged, changes };
}
