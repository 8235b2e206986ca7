import type { Counter, Department } from '../entities.ts';
import type { Deps } from '../ports.ts';

type StoreDeps = Pick<Deps, 'store'>;

/**
 * What a list of the center's layout shows: the active entries (kiosks, displays, the landing page, everyone),
 * or every entry (an admin's `?all=1`, so an inactive one can be reactivated).
 */
export function listedDepartments(deps: StoreDeps, everything = false): Department[] {
  return deps.store.catalog.departments().filter((d) => everything || d.active);
}

export function listedCounters(deps: StoreDeps, everything = false): Counter[] {
  return deps.store.catalog.counters().filter((c) => everything || c.active);
}
