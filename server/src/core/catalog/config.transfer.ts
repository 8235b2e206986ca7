import { z } from 'zod';
import { AppError } from '../../contract/errors.ts';
import type { Store } from '../../storage/store.ts';
import type { Actor } from '../entities.ts';
import type { TxDeps } from '../ports.ts';
import { saveArea, saveCounter, saveDepartment } from './catalog.usecases.ts';

/** The configuration as one document, the same shape as the demo seed: export, edit in a spreadsheet, import. */
export const configDocument = z.object({
  center: z.record(z.string(), z.unknown()).optional(),
  departments: z.array(z.object({ code: z.string().trim().min(1).max(20), name: z.string().trim().min(1).max(200) }).strict()).max(500).default([]),
  areas: z.array(z.object({
    code: z.string().trim().min(1).max(20), department: z.string().trim().min(1).max(20), name: z.string().trim().min(1).max(200),
    numberStart: z.number().int().min(0).max(999999), numberEnd: z.number().int().min(0).max(999999),
    dailyLimit: z.number().int().min(1).nullish(), targetWaitMinutes: z.number().int().min(1).nullish(),
  }).strict()).max(5000).default([]),
  counters: z.array(z.object({ number: z.number().int().min(1).max(9999), name: z.string().trim().min(1).max(100), areas: z.array(z.string().trim().min(1).max(20)).max(200) }).strict()).max(1000).default([]),
}).strict();

export type ConfigDocument = z.infer<typeof configDocument>;

export function exportConfig(store: Store, center: unknown) {
  const depts = store.catalog.departments();
  const areas = store.catalog.areas();
  const deptCode = new Map(depts.map((d) => [d.id, d.code]));
  const areaCode = new Map(areas.map((a) => [a.id, a.code]));
  return {
    center,
    departments: depts.filter((d) => d.active).map((d) => ({ code: d.code, name: d.name })),
    areas: areas.filter((a) => a.active).map((a) => ({ code: a.code, department: deptCode.get(a.departmentId) ?? '', name: a.name, numberStart: a.numberStart, numberEnd: a.numberEnd, dailyLimit: a.dailyLimit, targetWaitMinutes: a.targetWaitMin })),
    counters: store.catalog.counters().filter((c) => c.active).map((c) => ({ number: c.number, name: c.name, areas: c.areaIds.map((id) => areaCode.get(id) ?? '') })),
  };
}

/** Upserts by department code, area code and counter number, all or nothing (one transaction). */
export function importConfig(tx: TxDeps, doc: ConfigDocument, actor: Actor) {
  const counts = { created: { departments: 0, areas: 0, counters: 0 }, updated: { departments: 0, areas: 0, counters: 0 } };
  const row = (what: string, i: number, e: unknown): never => {
    const err = e as AppError;
    throw new AppError(err.code ?? 'request.invalid', `${what} dòng ${i + 1}: ${err.message}`);
  };
  doc.departments.forEach((d, i) => {
    const existing = tx.store.catalog.departments().find((x) => x.code.toLowerCase() === d.code.toLowerCase());
    try { saveDepartment(tx, { ...d, ...(existing ? { id: existing.id, sort: existing.sort } : {}), active: true }, actor); } catch (e) { row('Sở, ngành', i, e); }
    counts[existing ? 'updated' : 'created'].departments++;
  });
  const depts = new Map(tx.store.catalog.departments().map((d) => [d.code.toLowerCase(), d.id]));
  doc.areas.forEach((a, i) => {
    const departmentId = depts.get(a.department.toLowerCase());
    if (!departmentId) throw new AppError('department.not_found', `Lĩnh vực dòng ${i + 1}: không có sở, ngành mã ${a.department}.`);
    const existing = tx.store.catalog.areas().find((x) => x.code.toLowerCase() === a.code.toLowerCase());
    try {
      saveArea(tx, { ...(existing ? { id: existing.id, hours: existing.hours, open: existing.open, sort: existing.sort } : {}), code: a.code, departmentId, name: a.name,
        numberStart: a.numberStart, numberEnd: a.numberEnd, dailyLimit: a.dailyLimit ?? null, targetWaitMinutes: a.targetWaitMinutes ?? null, active: true }, actor);
    } catch (e) { row('Lĩnh vực', i, e); }
    counts[existing ? 'updated' : 'created'].areas++;
  });
  const areas = new Map(tx.store.catalog.areas().map((a) => [a.code.toLowerCase(), a.id]));
  doc.counters.forEach((c, i) => {
    const areaIds = c.areas.map((code) => {
      const id = areas.get(code.toLowerCase());
      if (!id) throw new AppError('area.not_found', `Quầy dòng ${i + 1}: không có lĩnh vực mã ${code}.`);
      return id;
    });
    const existing = tx.store.catalog.counters().find((x) => x.number === c.number);
    try { saveCounter(tx, { ...(existing ? { id: existing.id } : {}), number: c.number, name: c.name, areaIds, active: true }, actor); } catch (e) { row('Quầy', i, e); }
    counts[existing ? 'updated' : 'created'].counters++;
  });
  tx.store.journal.audit({ at: tx.clock.now(), actorKind: actor.kind, actorId: actor.id, action: 'config.import', entity: 'config', entityId: null, data: { ...counts } });
  return counts;
}
