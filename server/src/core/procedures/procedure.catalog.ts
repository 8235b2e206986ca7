import type { ProcedureDto } from '../../contract/dto.ts';
import type { Procedure } from '../entities.ts';
import type { Deps } from '../ports.ts';
import { buildProcedureIndex, type ProcedureIndex } from './procedure.search.ts';

export interface ProcedureQuery {
  q?: string;
  areaId?: string;
  limit: number;
  offset?: number;
}

/**
 * The read side of the catalogue: the DTOs, the default listing and the search. The index and the listing order
 * are rebuilt only when the catalogue (or the areas' order) changed, so a query costs microseconds.
 */
export function createProcedureCatalog(deps: Pick<Deps, 'store'>) {
  const { store } = deps;
  let cache: { key: string; byId: Map<string, Procedure>; index: ProcedureIndex; listed: Procedure[] } | null = null;

  function current() {
    const areas = store.catalog.areas();
    const key = `${store.procedures.version()}|${areas.map((a) => `${a.id}:${a.sort}`).join(',')}`;
    if (cache?.key === key) return cache;
    const all = store.procedures.all();
    const active = all.filter((p) => p.active);
    const areaRank = new Map(
      [...areas].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code)).map((a, i) => [a.id, i]),
    );
    const listed = [...active].sort(
      (a, b) => (areaRank.get(a.areaId) ?? 1e9) - (areaRank.get(b.areaId) ?? 1e9) || a.name.localeCompare(b.name, 'vi'),
    );
    cache = { key, byId: new Map(all.map((p) => [p.id, p])), index: buildProcedureIndex(active), listed };
    return cache;
  }

  function dto(p: Procedure): ProcedureDto {
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
    };
  }

  /** Without `q`: the active procedures by area, then name. With `q`: best match first. */
  function list(query: ProcedureQuery): ProcedureDto[] {
    const c = current();
    const inArea = (p: Procedure | undefined) => Boolean(p) && (!query.areaId || p!.areaId === query.areaId);
    const q = query.q?.trim();
    const from = query.offset ?? 0;
    const found = q
      ? c.index
          .search(q, from + query.limit, (id) => inArea(c.byId.get(id)))
          .slice(from)
          .map((id) => c.byId.get(id)!)
      : c.listed.filter(inArea).slice(from, from + query.limit);
    return found.map(dto);
  }

  return {
    list,
    dto,
    get: (id: string): ProcedureDto | undefined => {
      const p = store.procedures.get(id);
      return p && dto(p);
    },
    /** The index over the active procedures (the benchmark measures it directly). */
    index: () => current().index,
  };
}

export type ProcedureCatalog = ReturnType<typeof createProcedureCatalog>;
