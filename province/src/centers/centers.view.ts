import { emptyTotals, toRow } from '../../../server/src/core/reports/report.aggregate.ts';
import { businessDay } from '../../../server/src/core/time/zoned-time.ts';
import { hubLevels } from '../reports/hub.report.ts';
import { aggregateHub } from '../reports/report.sql.ts';
import type { Queryable } from '../storage/hub.db.ts';
import { centersRepo } from './centers.repo.ts';

export type LinkState = 'ok' | 'late' | 'offline';
export interface CenterTileDto {
  id: string;
  code: string;
  name: string;
  /** ISO-8601, as every time in the contract; null before the first contact. */
  lastSeenAt: string | null;
  lagSec: number;
  today: {
    issued: number;
    served: number;
    noShow: number;
    waiting: number;
    avgWaitSec: number | null;
    satisfiedShare: number | null;
  };
  /** For the control room (not in the contract): what the tile and the alerts show. */
  live: {
    longestWaitSec: number | null;
    targetWaitSec: number | null;
    openCounters: number;
    waitingNoCounter: number;
    linkState: LinkState;
  };
  tokenActive: boolean;
}

/** A center sends at least one heartbeat every 15 s: two missed is late, a minute of silence is offline. */
export const LATE_AFTER_MS = 30_000;
export const OFFLINE_AFTER_MS = 60_000;

export function linkState(lastSeenAt: number | null, now: number): LinkState {
  if (lastSeenAt === null || now - lastSeenAt > OFFLINE_AFTER_MS) return 'offline';
  return now - lastSeenAt > LATE_AFTER_MS ? 'late' : 'ok';
}

/** Every center with today's figures (same definitions as a center's report) and its live state. */
export async function centerTiles(q: Queryable, now: number, timeZone: string): Promise<CenterTileDto[]> {
  const day = businessDay(now, timeZone);
  const centers = await centersRepo.list(q);
  const levels = hubLevels(centers).map((l) => l.key);
  const totals = await aggregateHub(q, { from: day, to: day, groupBy: 'all' });
  const waiting = new Map(
    (
      await q.query(
        `SELECT t.center_id AS c, COUNT(*) AS n, MIN(t.issued_at) AS oldest,
           COUNT(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM hub_counters k WHERE k.center_id = t.center_id
             AND k.status = 'open' AND k.area_ids @> to_jsonb(t.area_id))) AS uncovered,
           (SELECT a.target_wait_sec FROM hub_tickets o JOIN hub_areas a ON a.center_id = o.center_id
              AND a.id = o.issued_area_id
            WHERE o.center_id = t.center_id AND o.business_day = $1 AND o.status = 'waiting'
            ORDER BY o.issued_at LIMIT 1) AS target
         FROM hub_tickets t WHERE t.business_day = $1 AND t.status = 'waiting' GROUP BY t.center_id`,
        [day],
      )
    ).map((r) => [String(r.c), r]),
  );
  const open = new Map(
    (
      await q.query(`SELECT center_id AS c, COUNT(*) AS n FROM hub_counters WHERE status = 'open' GROUP BY center_id`)
    ).map((r) => [String(r.c), Number(r.n)]),
  );
  return centers.map((c) => {
    const row = toRow(c.code, c.name, totals.get(c.id)?.get('all') ?? emptyTotals(), levels);
    const w = waiting.get(c.id);
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      lastSeenAt: c.lastSeenAt === null ? null : new Date(c.lastSeenAt).toISOString(),
      lagSec: c.lagSec,
      today: {
        issued: row.issued,
        served: row.served,
        noShow: row.noShow,
        waiting: w ? Number(w.n) : 0,
        avgWaitSec: row.avgWaitSec,
        satisfiedShare: row.satisfiedShare,
      },
      live: {
        longestWaitSec: w ? Math.max(0, Math.floor((now - Number(w.oldest)) / 1000)) : null,
        targetWaitSec: w && w.target !== null ? Number(w.target) : null,
        openCounters: open.get(c.id) ?? 0,
        waitingNoCounter: w ? Number(w.uncovered) : 0,
        linkState: linkState(c.lastSeenAt, now),
      },
      tokenActive: c.tokenActive,
    };
  });
}
