/**
 * Who can call a waiting ticket, written once for the server (the kiosk's `no_counter`, transfer warnings, the
 * control room's alerts) and the admin screens (an area no counter serves). It is the rule of `call-next`
 * (tickets.repository nextFor): a ticket transferred to a counter waits for that counter alone; any other waits
 * for the active counters serving its area. Pure and structural, so a core Counter and a listed CounterDto both fit.
 */
export interface ServingCounter {
  id: string;
  areaIds: readonly string[];
  active: boolean;
}
export interface WaitingFor {
  areaId: string;
  targetCounterId: string | null;
}

export function callersOf<C extends ServingCounter>(t: WaitingFor, counters: readonly C[]): C[] {
  return counters.filter(
    (c) => c.active && (t.targetCounterId ? c.id === t.targetCounterId : c.areaIds.includes(t.areaId)),
  );
}

/** A counter calling now: open. A paused one has a clerk on a break; a closed one has no clerk at all. */
export const callingNow = (c: { status: string }): boolean => c.status === 'open';

/** Whether any active counter serves the area at all (closed or not): without one a ticket there is never called. */
export function areaServed(areaId: string, counters: readonly ServingCounter[]): boolean {
  return callersOf({ areaId, targetCounterId: null }, counters).length > 0;
}

/** The areas (ids) that lose their last active counter when `next` replaces the counter with `next.id`. */
export function areasLeftWithoutCounter(next: ServingCounter, counters: readonly ServingCounter[]): string[] {
  const before = counters.find((c) => c.id === next.id);
  if (!before || !before.active) return [];
  const others = counters.filter((c) => c.id !== next.id && c.active);
  const kept = next.active ? new Set(next.areaIds) : new Set<string>();
  return before.areaIds.filter((a) => !kept.has(a) && !others.some((c) => c.areaIds.includes(a)));
}
