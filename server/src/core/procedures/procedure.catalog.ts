import type { ProcedureDto } from '../../contract/dto.ts';
import type { Procedure } from '../entities.ts';
import type { Deps } from '../ports.ts';
import { buildProcedureIndex, type ProcedureIndex } from './procedure.search.ts';

export interface ProcedureQuery {
  q?: string;
  areaId?: string;
  limit: number;
  offset?: number;
  /**
   * The admin's view: procedures of an inactive area or department too, each marked `unlisted`. Everyone else
   * (the public, the kiosk) never sees them: a citizen must not queue for an area nobody serves any more.
   */
  includeUnlisted?: boolean;
}

/** Why a procedure is not listed to the public though it is in force: its area or department is inactive. */
export type UnlistedReason = NonNullable<ProcedureDto['unlisted']>;

/**
 * The read side of the catalogue: the DTOs, the default listing and the search. The index and the listing order
 * are rebuilt only when the catalogue (or the areas' order) changed, so a query costs microseconds.
 */
export function createProcedureCatalog(deps: Pick<Deps, 'store'>) {
  const { store } = deps;
  let cache: {
    key: string;
    byId: Map<string, Procedure>;
    index: ProcedureIndex;
    listed: Procedure[];
    unlisted: Map<string, UnlistedReason>;
  } | null = null;

  function current() {
    const areas = store.catalog.areas();
    const departments = store.catalog.departments();
    // Rebuilt when the catalogue, the areas' order or any area's or department's active flag changes.
    const key = [
      store.procedures.version(),
      areas.map((a) => `${a.id}:${a.sort}:${a.departmentId}:${a.active ? 1 : 0}`).join(','),
      departments.map((d) => `${d.id}:${d.active ? 1 : 0}`).join(','),
    ].join('|');
    if (cache?.key === key) return cache;
    const areaById = new Map(areas.map((a) => [a.id, a]));
    const deptActive = new Map(departments.map((d) => [d.id, d.active]));
    const reasonOf = (p: Procedure): UnlistedReason | null => {
      const area = areaById.get(p.areaId);
      if (!area?.active) return 'area_inactive';
      return deptActive.get(area.departmentId) === false ? 'department_inactive' : null;
    };
    const all = store.procedures.all();
    const active = all.filter((p) => p.active);
    const areaRank = new Map(
      [...areas].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code)).map((a, i) => [a.id, i]),
    );
    const listed = [...active].sort(
      (a, b) => (areaRank.get(a.areaId) ?? 1e9) - (areaRank.get(b.areaId) ?? 1e9) || a.name.localeCompare(b.name, 'vi'),
    );
    const unlisted = new Map<string, UnlistedReason>();
    for (const p of active) {
      const why = reasonOf(p);
      if (why) unlisted.set(p.id, why);
    }
    cache = { key, byId: new Map(all.map((p) => [p.id, p])), index: buildProcedureIndex(active), listed, unlisted };
    return cache;
  }

  /** The DTO; `withReason`: the admin's, with `unlisted` when the public does not see it. */
  const dto = (p: Procedure, withReason = false): ProcedureDto =>
    toDto(p, withReason ? current().unlisted.get(p.id) : undefined);

  function toDto(p: Procedure, why: UnlistedReason | undefined): ProcedureDto {
    const area = store.catalog.area(p.areaId);
    const dept = area ? store.catalog.department(area.departmentId) : undefined;
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      areaId: p.areaId,
      areaCode: area?.code ?? '',
      areaName: area?.name ?? '',
      departmentName: dept?.name ?? '',
      timeLimit: p.timeLimit,
      fee: p.fee,
      documents: p.documents,
      keywords: p.keywords,
      active: p.active,
      ...(why ? { unlisted: why } : {}),
      ...(p.source ? { source: p.source } : {}),
    };
  }

  /** Without `q`: the active procedures by area, then name. With `q`: best match first. */
  function list(query: ProcedureQuery): ProcedureDto[] {
    const c = current();
    const all = query.includeUnlisted === true;
    const inArea = (p: Procedure | undefined) =>
      Boolean(p) && (!query.areaId || p!.areaId === query.areaId) && (all || !c.unlisted.has(p!.id));
    const q = query.q?.trim();
    const from = query.offset ?? 0;
    const found = q
      ? c.index
          .search(q, from + query.limit, (id) => inArea(c.byId.get(id)))
          .slice(from)
          .map((id) => c.byId.get(id)!)
      : c.listed.filter(inArea).slice(from, from + query.limit);
    return found.map((p) => toDto(p, all ? c.unlisted.get(p.id) : undefined));
  }

  return {
    list,
    dto,
    /** One procedure by id, withdrawn or unlisted alike (past tickets keep theirs); `unlisted` for the admin only. */
    get: (id: string, includeUnlisted = false): ProcedureDto | undefined => {
      const p = store.procedures.get(id);
      return p && dto(p, includeUnlisted);
    },
    /** The index over the active procedures (the benchmark measures it directly). */
    index: () => current().index,
  };
}

export type ProcedureCatalog = ReturnType<typeof createProcedureCatalog>;
