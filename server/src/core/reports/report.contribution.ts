/**
 * The part of a ticket's contribution to a day's sums that the center's daily aggregates
 * (storage/report-aggregates.contribution.ts) and the province hub's (province/src/reports/report-days.contribution.ts)
 * share: the same sums, and the same rule for what a ticket adds where it ended. Pure (no storage), so both import it.
 */

import type { GroupTotals } from './report.aggregate.ts';

/**
 * The sums of one day group, both sides: the counts of a report's GroupTotals (same names, same meaning), with the
 * two time sums and the ratings kept as the aggregates store them. A side adds its own fields (the hub's `refs`,
 * the center's services).
 */
export type DaySums = Pick<
  GroupTotals,
  'issued' | 'expired' | 'served' | 'noShow' | 'transferred' | 'waitN' | 'targeted' | 'within' | 'svcN' | 'waits'
> & {
  waitMs: number;
  svcMs: number;
  ratings: Map<string, number>;
};

/** The numeric sums of DaySums, in the order both sides write their columns. */
export const DAY_SUM_FIELDS = [
  'issued',
  'expired',
  'served',
  'noShow',
  'transferred',
  'waitMs',
  'waitN',
  'targeted',
  'within',
  'svcMs',
  'svcN',
] as const;

export const emptySums = (): DaySums => ({
  issued: 0,
  expired: 0,
  served: 0,
  noShow: 0,
  transferred: 0,
  waitMs: 0,
  waitN: 0,
  targeted: 0,
  within: 0,
  svcMs: 0,
  svcN: 0,
  waits: new Map(),
  ratings: new Map(),
});

/** Adds `n` (signed) to `m[k]`; an entry that reaches zero disappears (a taken-back state leaves nothing). */
export function bump<K>(m: Map<K, number>, k: K, n: number): void {
  const v = (m.get(k) ?? 0) + n;
  if (v === 0) m.delete(k);
  else m.set(k, v);
}

/** The ticket columns its times are read from. */
export interface TicketTimes {
  status: string;
  issued_at: number;
  first_called_at: number | null;
  called_at: number | null;
  finished_at: number | null;
}

/** A ticket's wait (issue to first call) and, once done, its service (last call to finish), in ms; null if none. */
export function ticketTimes(t: TicketTimes): { waitMs: number | null; svcMs: number | null } {
  const waitMs = t.first_called_at === null ? null : t.first_called_at - t.issued_at;
  const svcMs =
    t.status === 'done' && t.called_at !== null && t.finished_at !== null ? t.finished_at - t.called_at : null;
  return { waitMs, svcMs };
}

/**
 * What a ticket adds to a group where it ended (sign -1 takes it back): served / no-show, its wait into the sums,
 * into `waits` as bucket `waitBucket(waitMs)` and against `targetSec` of its issued area, and its service time.
 */
export function addEnded(
  d: DaySums,
  t: { status: string },
  times: { waitMs: number | null; svcMs: number | null },
  sign: 1 | -1,
  targetSec: number | null,
  waitBucket: (ms: number) => number,
): void {
  if (t.status === 'done') d.served += sign;
  if (t.status === 'no_show') d.noShow += sign;
  const { waitMs, svcMs } = times;
  if (waitMs !== null) {
    d.waitMs += sign * waitMs;
    d.waitN += sign;
    bump(d.waits, waitBucket(waitMs), sign);
    if (targetSec !== null) {
      d.targeted += sign;
      if (waitMs <= targetSec * 1000) d.within += sign;
    }
  }
  if (svcMs !== null) {
    d.svcMs += sign * svcMs;
    d.svcN += sign;
  }
}
