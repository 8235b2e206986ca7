import { useEffect, useState } from 'preact/hooks';
import type { AreaDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { loadAllProcedures, PAGE } from './procedure.diff.ts';

/** How many active procedures each area holds; `null` while unknown (loading, or a server without the catalogue). */
export type ProcedureCounts = Map<string, number> | null;

/**
 * Counts for the areas panel: an area with no procedure is one a citizen searching by procedure never reaches.
 * `refresh` changes when the caller knows the catalogue changed.
 */
export function useProcedureCounts(api: Pick<AdminApi, 'procedures'>, areas: Pick<AreaDto, 'id'>[], refresh = 0) {
  const [counts, setCounts] = useState<ProcedureCounts>(null);
  const ids = areas.map((a) => a.id).join(',');
  useEffect(() => {
    let live = true;
    loadAllProcedures(api, ids ? ids.split(',').map((id) => ({ id })) : []).then(
      ({ byArea }) => live && setCounts(new Map([...byArea].map(([id, l]) => [id, l.length]))),
      () => live && setCounts(null),
    );
    return () => {
      live = false;
    };
  }, [api, ids, refresh]);
  return counts;
}

/** "200+" when an area reached the most one answer holds. */
export const countText = (n: number | undefined) => (n === undefined ? '—' : n >= PAGE ? `${PAGE}+` : String(n));
