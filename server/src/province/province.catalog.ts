import { z } from 'zod';
import { procedureInput } from '../contract/inputs.schema.ts';
import type { Procedure } from '../core/entities.ts';
import { newId } from '../core/ids.ts';
import type { TxDeps } from '../core/ports.ts';
import type { Db } from '../storage/db.ts';

/**
 * The province catalogue, down (issue 14): rows in the center's own import row shape, each with its area code.
 * In one transaction: rows whose area code the center has become (or update) procedures with source 'province';
 * the center's own procedures are left alone, even one with the same code (the center's stays and wins); the
 * province procedures no longer in the catalogue (or whose area the center no longer has) are withdrawn, not
 * deleted, so past tickets keep theirs.
 */

/** The import row of core/procedures/procedure.import.ts, built from the same contract schema. */
const provinceRow = procedureInput.omit({ areaId: true }).extend({ areaCode: z.string().trim().min(1).max(20) });

export interface CatalogApplied {
  created: number;
  updated: number;
  withdrawn: number;
  /** Rows for an area code this center does not have, or a code the center uses for its own procedure. */
  skipped: number;
  invalid: number;
}

const same = (a: Procedure, b: Procedure) =>
  a.name === b.name &&
  a.areaId === b.areaId &&
  a.timeLimit === b.timeLimit &&
  a.fee === b.fee &&
  a.active === b.active &&
  JSON.stringify(a.documents) === JSON.stringify(b.documents) &&
  JSON.stringify(a.keywords) === JSON.stringify(b.keywords);

export function applyProvinceCatalog(tx: TxDeps, db: Db, rows: unknown[]): CatalogApplied {
  const result: CatalogApplied = { created: 0, updated: 0, withdrawn: 0, skipped: 0, invalid: 0 };
  const areas = new Map(tx.store.catalog.areas().map((a) => [a.code.toLowerCase(), a.id]));
  const sourceOf = db.prepare<[string], string>('SELECT source FROM procedures WHERE id = ?').pluck();
  const setProvince = db.prepare<[string]>("UPDATE procedures SET source = 'province' WHERE id = ?");
  const now = tx.clock.now();
  const kept = new Set<string>();
  // Migration 0007 refuses any change to a province procedure unless this flag is set in the same transaction.
  db.prepare('UPDATE province_state SET catalog_writing = 1 WHERE id = 1').run();
  try {
    for (const raw of rows) {
      const r = provinceRow.safeParse(
        raw && typeof raw === 'object' && 'fields' in raw ? (raw as { fields: unknown }).fields : raw,
      );
      if (!r.success) {
        result.invalid++;
        continue;
      }
      const { areaCode, ...f } = r.data;
      const areaId = areas.get(areaCode.toLowerCase());
      const existing = tx.store.procedures.byCode(f.code);
      if (!areaId || (existing && sourceOf.get(existing.id) !== 'province') || kept.has(existing?.id ?? '')) {
        result.skipped++;
        continue;
      }
      const next: Procedure = {
        id: existing?.id ?? newId(9),
        code: f.code,
        name: f.name,
        areaId,
        timeLimit: f.timeLimit ?? '',
        fee: f.fee ?? '',
        documents: f.documents ?? [],
        keywords: f.keywords ?? [],
        active: true,
        updatedAt: now,
      };
      kept.add(next.id);
      if (!existing) {
        tx.store.procedures.insert(next);
        setProvince.run(next.id);
        result.created++;
      } else if (!same(existing, next)) {
        tx.store.procedures.update(next);
        result.updated++;
      }
    }
    const gone = db
      .prepare<[], string>("SELECT id FROM procedures WHERE source = 'province' AND active = 1")
      .pluck()
      .all()
      .filter((id) => !kept.has(id));
    for (const id of gone) {
      const p = tx.store.procedures.get(id)!;
      tx.store.procedures.update({ ...p, active: false, updatedAt: now });
      result.withdrawn++;
    }
  } finally {
    db.prepare('UPDATE province_state SET catalog_writing = 0 WHERE id = 1').run();
  }
  if (result.created || result.updated || result.withdrawn) {
    tx.store.journal.audit({
      at: now,
      actorKind: 'system',
      actorId: 'province',
      action: 'procedure.province_catalog',
      entity: 'procedure',
      entityId: null,
      data: result,
    });
    tx.emit({ type: 'config:updated', reason: 'procedure.province_catalog' });
  }
  return result;
}
