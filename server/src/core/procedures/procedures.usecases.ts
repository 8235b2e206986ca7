import { AppError } from '../../contract/errors.ts';
import type { FieldChange } from '../../contract/dto.ts';
import type { Actor, Procedure } from '../entities.ts';
import { newId } from '../ids.ts';
import type { TxDeps } from '../ports.ts';

/** Admin changes to the procedure catalogue; each is validated, audited and announced to the screens. */

export interface ProcedureFields {
  code: string;
  name: string;
  areaId: string;
  timeLimit?: string;
  fee?: string;
  documents?: string[];
  keywords?: string[];
}

function audit(tx: TxDeps, actor: Actor, action: string, entityId: string | null, data: unknown): void {
  tx.store.journal.audit({
    at: tx.clock.now(),
    actorKind: actor.kind,
    actorId: actor.id,
    action,
    entity: 'procedure',
    entityId,
    data,
  });
  tx.emit({ type: 'config:updated', reason: action });
}

function requireArea(tx: TxDeps, areaId: string): void {
  if (!tx.store.catalog.area(areaId)) throw new AppError('area.not_found');
}

const build = (id: string, f: ProcedureFields, active: boolean, now: number): Procedure => ({
  id,
  code: f.code,
  name: f.name,
  areaId: f.areaId,
  timeLimit: f.timeLimit ?? '',
  fee: f.fee ?? '',
  documents: f.documents ?? [],
  keywords: f.keywords ?? [],
  active,
  updatedAt: now,
});

/** POST /api/procedures: a new procedure; a code already in the catalogue (even withdrawn) → 409. */
export function createProcedure(tx: TxDeps, { actor, ...input }: ProcedureFields & { actor: Actor }): Procedure {
  requireArea(tx, input.areaId);
  if (tx.store.procedures.byCode(input.code)) throw new AppError('procedure.code_taken');
  const p = build(newId(9), input, true, tx.clock.now());
  tx.store.procedures.insert(p);
  audit(tx, actor, 'procedure.create', p.id, input);
  return p;
}

/** PUT /api/procedures/:id: replaces every field (a withdrawn procedure comes back into use). */
export function replaceProcedure(
  tx: TxDeps,
  { id, actor, ...input }: ProcedureFields & { id: string; actor: Actor },
): Procedure {
  const existing = tx.store.procedures.get(id);
  if (!existing) throw new AppError('procedure.not_found');
  requireArea(tx, input.areaId);
  const clash = tx.store.procedures.byCode(input.code);
  if (clash && clash.id !== id) throw new AppError('procedure.code_taken');
  const p = build(id, input, true, tx.clock.now());
  tx.store.procedures.update(p);
  audit(tx, actor, 'procedure.update', id, input);
  return p;
}

/** DELETE /api/procedures/:id: withdrawn, not deleted, so past tickets keep their procedure. */
export function withdrawProcedure(tx: TxDeps, { id, actor }: { id: string; actor: Actor }): Procedure {
  const existing = tx.store.procedures.get(id);
  if (!existing) throw new AppError('procedure.not_found');
  const p = { ...existing, active: false, updatedAt: tx.clock.now() };
  tx.store.procedures.update(p);
  audit(tx, actor, 'procedure.withdraw', id, { code: p.code });
  return p;
}

/** One import row once read: its line in the file (1 = the header) and the fields, the area by code. */
export interface ImportRow {
  row: number;
  fields: Omit<ProcedureFields, 'areaId'> & { areaCode: string };
}

export interface ProcedureImportResult {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  changes: { code: string; action: 'create' | 'update'; fields: FieldChange[] }[];
}

const COMPARED = ['name', 'areaId', 'timeLimit', 'fee', 'documents', 'keywords', 'active'] as const;

/**
 * POST /api/procedures/import: rows matched by code, all or nothing. Any bad row → 422 `import.invalid` with
 * every row at fault, and nothing written; a dry run answers the same and writes nothing. Called inside one
 * transaction, so a fault half-way rolls back everything.
 */
export function importProcedures(
  tx: TxDeps,
  { rows, dryRun, actor }: { rows: ImportRow[]; dryRun: boolean; actor: Actor },
): ProcedureImportResult {
  const areas = new Map(tx.store.catalog.areas().map((a) => [a.code.toLowerCase(), a]));
  const errors: { row: number; message: string }[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = r.fields.code.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ row: r.row, message: `Mã thủ tục ${r.fields.code} trùng với dòng ${first}.` });
    else seen.set(key, r.row);
    if (!areas.has(r.fields.areaCode.toLowerCase()))
      errors.push({ row: r.row, message: `Không có lĩnh vực mã ${r.fields.areaCode}.` });
  }
  if (errors.length) throw new AppError('import.invalid', undefined, errors);
  const now = tx.clock.now();
  const result: ProcedureImportResult = { created: 0, updated: 0, unchanged: 0, dryRun, changes: [] };
  for (const r of rows) {
    const { areaCode, ...f } = r.fields;
    const areaId = areas.get(areaCode.toLowerCase())!.id;
    const existing = tx.store.procedures.byCode(f.code);
    const next = build(existing?.id ?? newId(9), { ...f, areaId }, true, now);
    if (!existing) {
      result.created++;
      result.changes.push({
        code: next.code,
        action: 'create',
        fields: COMPARED.map((field) => ({ field, before: null, after: next[field] })),
      });
      if (!dryRun) tx.store.procedures.insert(next);
      continue;
    }
    const fields: FieldChange[] = COMPARED.filter((k) => JSON.stringify(existing[k]) !== JSON.stringify(next[k])).map(
      (field) => ({ field, before: existing[field], after: next[field] }),
    );
    if (existing.code !== next.code) fields.unshift({ field: 'code', before: existing.code, after: next.code });
    if (fields.length === 0) {
      result.unchanged++;
      continue;
    }
    result.updated++;
    result.changes.push({ code: next.code, action: 'update', fields });
    if (!dryRun) tx.store.procedures.update(next);
  }
  if (!dryRun && (result.created || result.updated))
    audit(tx, actor, 'procedure.import', null, { created: result.created, updated: result.updated });
  return result;
}
