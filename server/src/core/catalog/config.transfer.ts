import type { ConfigDocument } from '../../contract/config.schema.ts';
import type { FieldChange, ImportChange, ImportResultDto } from '../../contract/dto.ts';
import { AppError } from '../../contract/errors.ts';
import type { CenterSettings } from '../../contract/settings.schema.ts';
import type { Actor } from '../entities.ts';
import type { Deps, TxDeps } from '../ports.ts';
import type { CheckedSettings } from '../settings/settings.service.ts';
import { saveArea, saveCounter, saveDepartment } from './catalog.usecases.ts';
import { exportProcedures, importConfigProcedures } from './config.procedures.ts';

/** The configuration document of the active catalog (its schema: contract/config.schema.ts, one definition). */
export function exportConfig(store: Deps['store'], center: CenterSettings): ConfigDocument {
  const depts = store.catalog.departments();
  const areas = store.catalog.areas();
  const deptCode = new Map(depts.map((d) => [d.id, d.code]));
  const areaCode = new Map(areas.map((a) => [a.id, a.code]));
  const exportedAreas = new Set(areas.filter((a) => a.active).map((a) => a.id));
  return {
    center,
    departments: depts.filter((d) => d.active).map((d) => ({ code: d.code, name: d.name })),
    areas: areas
      .filter((a) => a.active)
      .map((a) => ({
        code: a.code,
        department: deptCode.get(a.departmentId) ?? '',
        name: a.name,
        numberStart: a.numberStart,
        numberEnd: a.numberEnd,
        dailyLimit: a.dailyLimit,
        targetWaitMinutes: a.targetWaitMin,
      })),
    counters: store.catalog
      .counters()
      .filter((c) => c.active)
      .map((c) => ({ number: c.number, name: c.name, areas: c.areaIds.map((id) => areaCode.get(id) ?? '') })),
    procedures: exportProcedures(store, exportedAreas),
  };
}

type Entity = 'departments' | 'areas' | 'counters';
export type ImportResult = ImportResultDto;

/** The center's settings in an import: checked before anything is written, stored in the import's transaction. */
export interface CenterImport {
  current: CenterSettings;
  checked: CheckedSettings;
  write: (checked: CheckedSettings) => void;
}

/** Refusals no single row shows: the same code or counter number twice makes the file ambiguous. */
export function checkDocument(doc: ConfigDocument): void {
  const twice = (what: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k.toLowerCase())) throw new AppError('request.invalid', `${what} ${k} xuất hiện hai lần trong tệp.`);
      seen.add(k.toLowerCase());
    }
  };
  twice(
    'Sở, ngành',
    doc.departments.map((d) => d.code),
  );
  twice(
    'Lĩnh vực',
    doc.areas.map((a) => a.code),
  );
  twice(
    'Quầy',
    doc.counters.map((c) => String(c.number)),
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
function diff(before: Record<string, unknown> | undefined, after: Record<string, unknown>): FieldChange[] {
  return Object.entries(after)
    .filter(([k, v]) => (before ? !same(before[k], v) : k !== 'active'))
    .map(([field, v]) => ({ field, before: before ? before[field] : null, after: v }));
}

/**
 * Upserts by department code, area code and counter number. All or nothing: the caller runs it in ONE
 * transaction, so a refused row (or refused settings) leaves everything as it was. Rows that would not change
 * are left alone (no write, no audit, no event), and every change is listed, field by field.
 */
export function importConfig(
  tx: TxDeps,
  doc: ConfigDocument,
  actor: Actor,
  center?: CenterImport | null,
  dryRun = false,
): ImportResult {
  const zero = () => ({ departments: 0, areas: 0, counters: 0, procedures: 0 });
  const r: ImportResult = { created: zero(), updated: zero(), unchanged: zero(), changes: [], dryRun };
  const track = (entity: Entity, key: string, created: boolean, fields: FieldChange[]) => {
    r[created ? 'created' : 'updated'][entity]++;
    r.changes.push({
      entity: entity.slice(0, -1) as ImportChange['entity'],
      key,
      action: created ? 'create' : 'update',
      fields,
    });
  };
  const row = (what: string, i: number, e: unknown): never => {
    const err = e as AppError;
    throw new AppError(err.code ?? 'request.invalid', `${what} dòng ${i + 1}: ${err.message}`);
  };
  const { catalog } = tx.store;

  doc.departments.forEach((d, i) => {
    const existing = catalog.departments().find((x) => x.code.toLowerCase() === d.code.toLowerCase());
    const fields = diff(existing && { name: existing.name, active: existing.active }, { name: d.name, active: true });
    if (existing && !fields.length) {
      r.unchanged.departments++;
      return;
    }
    try {
      saveDepartment(tx, {
        ...d,
        ...(existing ? { id: existing.id, code: existing.code, sort: existing.sort } : {}),
        active: true,
        actor,
      });
    } catch (e) {
      row('Sở, ngành', i, e);
    }
    track('departments', d.code, !existing, fields);
  });

  const deptIds = new Map(catalog.departments().map((d) => [d.code.toLowerCase(), d.id]));
  const deptCodes = new Map(catalog.departments().map((d) => [d.id, d.code]));
  doc.areas.forEach((a, i) => {
    const departmentId = deptIds.get(a.department.toLowerCase());
    if (!departmentId)
      throw new AppError('department.not_found', `Lĩnh vực dòng ${i + 1}: không có sở, ngành mã ${a.department}.`);
    const existing = catalog.areas().find((x) => x.code.toLowerCase() === a.code.toLowerCase());
    const after = {
      department: deptCodes.get(departmentId)!,
      name: a.name,
      numberStart: a.numberStart,
      numberEnd: a.numberEnd,
      dailyLimit: a.dailyLimit ?? null,
      targetWaitMinutes: a.targetWaitMinutes ?? null,
      active: true,
    };
    const fields = diff(
      existing && {
        department: deptCodes.get(existing.departmentId) ?? '',
        name: existing.name,
        numberStart: existing.numberStart,
        numberEnd: existing.numberEnd,
        dailyLimit: existing.dailyLimit,
        targetWaitMinutes: existing.targetWaitMin,
        active: existing.active,
      },
      after,
    );
    if (existing && !fields.length) {
      r.unchanged.areas++;
      return;
    }
    // The document's fields as compared above, the department by id; hours, open and order stay the area's.
    const { department: _code, ...layout } = after;
    try {
      saveArea(tx, {
        ...(existing ? { id: existing.id, hours: existing.hours, open: existing.open, sort: existing.sort } : {}),
        code: existing?.code ?? a.code,
        departmentId,
        ...layout,
        actor,
      });
    } catch (e) {
      row('Lĩnh vực', i, e);
    }
    track('areas', a.code, !existing, fields);
  });

  const areaIds = new Map(catalog.areas().map((a) => [a.code.toLowerCase(), a.id]));
  const areaCodes = new Map(catalog.areas().map((a) => [a.id, a.code]));
  doc.counters.forEach((c, i) => {
    const ids = [
      ...new Set(
        c.areas.map((code) => {
          const id = areaIds.get(code.toLowerCase());
          if (!id) throw new AppError('area.not_found', `Quầy dòng ${i + 1}: không có lĩnh vực mã ${code}.`);
          return id;
        }),
      ),
    ];
    const existing = catalog.counters().find((x) => x.number === c.number);
    // The order of a counter's areas is only for display, and a flat sheet cannot say it: same set = unchanged.
    const sameSet =
      existing && existing.areaIds.length === ids.length && ids.every((id) => existing.areaIds.includes(id));
    const codes = (list: string[]) => list.map((id) => areaCodes.get(id) ?? id);
    const fields = diff(existing && { name: existing.name, areas: codes(existing.areaIds), active: existing.active }, {
      name: c.name,
      areas: sameSet ? codes(existing.areaIds) : codes(ids),
      active: true,
    });
    if (existing && !fields.length) {
      r.unchanged.counters++;
      return;
    }
    try {
      saveCounter(tx, {
        ...(existing ? { id: existing.id } : {}),
        number: c.number,
        name: c.name,
        areaIds: sameSet ? existing.areaIds : ids,
        active: true,
        actor,
      });
    } catch (e) {
      row('Quầy', i, e);
    }
    track('counters', String(c.number), !existing, fields);
  });

  // After the areas, so a procedure may sit in an area this same document creates.
  if (doc.procedures) {
    const p = importConfigProcedures(tx, doc.procedures, actor);
    r.created.procedures = p.created;
    r.updated.procedures = p.updated;
    r.unchanged.procedures = p.unchanged;
    for (const ch of p.changes)
      r.changes.push({ entity: 'procedure', key: ch.code, action: ch.action, fields: ch.fields });
  }

  if (center) {
    const fields = Object.keys(center.checked.sent)
      .filter((k) => !same(center.current[k as keyof CenterSettings], center.checked.next[k as keyof CenterSettings]))
      .map((field) => ({
        field,
        before: center.current[field as keyof CenterSettings],
        after: center.checked.next[field as keyof CenterSettings],
      }));
    // Last, so nothing in this transaction reads the settings after they are written.
    if (fields.length) {
      center.write(center.checked);
      r.changes.push({ entity: 'settings', key: 'center', action: 'update', fields });
    }
  }

  if (!dryRun)
    tx.store.journal.audit({
      at: tx.clock.now(),
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'config.import',
      entity: 'config',
      entityId: null,
      data: { created: r.created, updated: r.updated, changes: r.changes.length },
    });
  return r;
}

/** Thrown to roll a dry run back after it did everything a real import would: the answer is the same. */
export class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}
