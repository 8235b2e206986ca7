import type { AlertDto, AreaDto } from '@contract/dto';
import { mmss } from '@ui/number.format';

/** One alert line; the server's (GET /api/alerts) and the wall screen's own have the same shape. */
export type Alert = AlertDto;

/** The longest current wait of an area, moved on by the time since the list was fetched. */
export function longestWait(a: Pick<AreaDto, 'waiting' | 'longestWaitSec'>, elapsedSec = 0): number {
  return a.waiting > 0 ? a.longestWaitSec + Math.max(0, elapsedSec) : 0;
}

export function overTarget(
  a: Pick<AreaDto, 'waiting' | 'longestWaitSec' | 'targetWaitMinutes'>,
  elapsedSec = 0,
): boolean {
  return (
    a.targetWaitMinutes !== null && a.targetWaitMinutes > 0 && longestWait(a, elapsedSec) > a.targetWaitMinutes * 60
  );
}

/** An alert the wall screen computes itself, because it moves with its own clock between fetches. */
type LocalProducer = (areas: AreaDto[], elapsedSec: number) => Alert[];

const waitOverTarget: LocalProducer = (areas, elapsedSec) =>
  areas
    .filter((a) => a.active && overTarget(a, elapsedSec))
    .map((a) => ({
      kind: 'wait_over_target',
      key: `wait:${a.id}`,
      severity: 'high',
      text: `${a.code} – ${a.name}: công dân chờ lâu nhất ${mmss(longestWait(a, elapsedSec))}, vượt mục tiêu ${a.targetWaitMinutes} phút (${a.waiting} người đang chờ).`,
    }));

const LOCAL: LocalProducer[] = [waitOverTarget];

/**
 * What a leader must see at once: areas waiting past the target (here, with the running clock), and the server's
 * alerts: tickets no open counter can call (by number and area), open counters idle while tickets they can call
 * wait, and whatever producer the server adds. Who can call which ticket is the server's knowledge alone, so the
 * screen never blames a counter from an area's waiting count. High severity first; pure, so tests agree.
 */
export function computeAlerts(areas: AreaDto[], elapsedSec = 0, server: Alert[] = []): Alert[] {
  const rank = { high: 0, medium: 1 } as const;
  return [...LOCAL.flatMap((p) => p(areas, elapsedSec)), ...server].sort((x, y) => rank[x.severity] - rank[y.severity]);
}
