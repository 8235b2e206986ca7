import type { AreaDto, CounterDto } from '../../../server/src/contract/dto.ts';
import { mmss } from '../admin.format.ts';

export type AlertKind = 'wait_over_target' | 'idle_counter' | 'no_counter';
export interface Alert { kind: AlertKind; key: string; severity: 'high' | 'medium'; text: string }

/** The longest current wait of an area, moved on by the time since the list was fetched. */
export function longestWait(a: Pick<AreaDto, 'waiting' | 'longestWaitSec'>, elapsedSec = 0): number {
  return a.waiting > 0 ? a.longestWaitSec + Math.max(0, elapsedSec) : 0;
}

export function overTarget(a: Pick<AreaDto, 'waiting' | 'longestWaitSec' | 'targetWaitMinutes'>, elapsedSec = 0): boolean {
  return a.targetWaitMinutes !== null && a.targetWaitMinutes > 0 && longestWait(a, elapsedSec) > a.targetWaitMinutes * 60;
}

/**
 * What a leader must see at once: areas whose oldest citizen waits past the target, open counters doing
 * nothing while their areas have people waiting, and areas with people waiting but no open counter.
 * Pure, so the wall screen and the tests agree.
 */
export function computeAlerts(areas: AreaDto[], counters: CounterDto[], elapsedSec = 0): Alert[] {
  const out: Alert[] = [];
  const byId = new Map(areas.map((a) => [a.id, a]));
  for (const a of areas) {
    if (!a.active) continue;
    if (overTarget(a, elapsedSec)) {
      out.push({ kind: 'wait_over_target', key: `wait:${a.id}`, severity: 'high',
        text: `${a.code} – ${a.name}: công dân chờ lâu nhất ${mmss(longestWait(a, elapsedSec))}, vượt mục tiêu ${a.targetWaitMinutes} phút (${a.waiting} người đang chờ).` });
    }
    const served = counters.some((c) => c.status === 'open' && c.areaIds.includes(a.id));
    if (a.waiting > 0 && !served) {
      out.push({ kind: 'no_counter', key: `nocounter:${a.id}`, severity: 'high', text: `${a.code} – ${a.name}: ${a.waiting} người đang chờ nhưng không có quầy nào mở.` });
    }
  }
  for (const c of counters) {
    if (c.status !== 'open' || c.currentTicket) continue;
    const waitingAreas = c.areaIds.map((id) => byId.get(id)).filter((a): a is AreaDto => Boolean(a && a.active && a.waiting > 0));
    if (!waitingAreas.length) continue;
    const n = waitingAreas.reduce((s, a) => s + a.waiting, 0);
    out.push({ kind: 'idle_counter', key: `idle:${c.id}`, severity: 'medium',
      text: `Quầy ${c.number}${c.clerk ? ` (${c.clerk.displayName})` : ''} đang mở nhưng không phục vụ, trong khi ${waitingAreas.map((a) => a.code).join(', ')} có ${n} người chờ.` });
  }
  const rank: Record<AlertKind, number> = { wait_over_target: 0, no_counter: 1, idle_counter: 2 };
  return out.sort((x, y) => rank[x.kind] - rank[y.kind]);
}
