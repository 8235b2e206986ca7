/**
 * What one ticket, one event or one rating adds to the daily aggregates (migration 0008), as a set of deltas.
 * The rules are those of the reference aggregation (core/reports/report.reference.ts, aggregateFacts), written per
 * fact so a change can be applied as "minus the old contribution, plus the new one" in the transaction that makes
 * it; the rebuild of a day sums the same contributions, so both paths share one definition (and one property test).
 */

import {
  addEnded,
  bump,
  DAY_SUM_FIELDS,
  emptySums,
  ticketTimes,
  type DaySums,
} from '../core/reports/report.contribution.ts';

export type AggKind = 'area' | 'counter' | 'clerk' | 'quarter' | 'day' | 'procedure' | 'channel';

/** The shared day sums plus the service-time histogram the center keeps. */
export interface AggDelta extends DaySums {
  services: Map<number, number>;
}

export const SUM_FIELDS = DAY_SUM_FIELDS;

/** The columns of a ticket that reports read. */
export interface TicketState {
  business_day: string;
  issued_area_id: string;
  area_id: string;
  counter_id: string | null;
  clerk_id: string | null;
  status: string;
  issued_at: number;
  first_called_at: number | null;
  called_at: number | null;
  finished_at: number | null;
  procedure_id: string | null;
  channel: string | null;
}
export const TICKET_STATE_COLUMNS =
  'business_day, issued_area_id, area_id, counter_id, clerk_id, status, issued_at, first_called_at, called_at, finished_at, procedure_id, channel';

/** The center's wait bucket: whole seconds, rounded down (as the reference, report.aggregate.ts, buckets them). */
const waitBucket = (ms: number) => Math.floor(ms / 1000);

/** UTC quarter-hour of the day (0–95); the local hour is derived when read, for the center's offset. */
export const quarterOf = (ms: number) => Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 900_000);

/** Deltas keyed by day, kind and key; `add` finds or makes the delta of one group. */
export class DeltaSet {
  readonly groups = new Map<string, { day: string; kind: AggKind; key: string; d: AggDelta }>();
  at(day: string, kind: AggKind, key: string): AggDelta {
    const id = `${day}\u0000${kind}\u0000${key}`;
    let g = this.groups.get(id);
    if (!g) {
      g = {
        day,
        kind,
        key,
        d: { ...emptySums(), services: new Map() },
      };
      this.groups.set(id, g);
    }
    return g.d;
  }
}

/** The immutable facts of a ticket that events and ratings are grouped by (hour, procedure, channel). */
export interface TicketKeys {
  issued_at: number;
  procedure_id: string | null;
  channel: string | null;
}
const common = (t: TicketKeys, day: string): [AggKind, string][] => [
  ['quarter', String(quarterOf(t.issued_at))],
  ['day', day],
  ['procedure', t.procedure_id ?? ''],
  ['channel', t.channel ?? 'kiosk'],
];

/** A ticket's own contribution (sign -1 to take back its old state), `targetSec` of its issued area as now. */
export function addTicket(set: DeltaSet, t: TicketState, sign: 1 | -1, targetSec: number | null): void {
  const day = t.business_day;
  const shared = common(t, day);
  for (const [kind, key] of [['area', t.issued_area_id] as [AggKind, string], ...shared]) {
    const d = set.at(day, kind, key);
    d.issued += sign;
    if (t.status === 'expired') d.expired += sign;
  }
  const times = ticketTimes(t);
  // Never called and not ended (every ticket just issued): it adds nothing where it is, so no group is made for it.
  if (times.waitMs === null && times.svcMs === null && t.status !== 'done' && t.status !== 'no_show') return;
  const ends: [AggKind, string | null][] = [
    ['area', t.area_id],
    ['counter', t.counter_id],
    ['clerk', t.clerk_id],
    ...shared,
  ];
  for (const [kind, key] of ends) {
    if (key === null) continue;
    const d = set.at(day, kind, key);
    addEnded(d, t, times, sign, targetSec, waitBucket);
    if (times.svcMs !== null) bump(d.services, Math.floor(times.svcMs / 1000), sign);
  }
}

export interface EventState {
  type: string;
  business_day: string;
  counter_id: string | null;
  actor_id: string | null;
  area_id: string | null;
}

/**
 * A transfer counts where it happened (counter, clerk, area it was sent to) and by the ticket's hour, day,
 * procedure and channel. A call makes the counter and the clerk "issue" the ticket once: `firstBy` says whether
 * this is the first call of the ticket by that counter / clerk.
 */
export function addEvent(
  set: DeltaSet,
  e: EventState,
  t: TicketKeys,
  firstBy: { counter: boolean; clerk: boolean },
): void {
  const day = e.business_day;
  if (e.type === 'transferred') {
    const keys: [AggKind, string | null][] = [
      ['counter', e.counter_id],
      ['clerk', e.actor_id],
      ['area', e.area_id],
      ...common(t, day),
    ];
    for (const [kind, key] of keys) if (key !== null) set.at(day, kind, key).transferred++;
  } else if (e.type === 'called') {
    if (e.counter_id !== null && firstBy.counter) set.at(day, 'counter', e.counter_id).issued++;
    if (e.actor_id !== null && firstBy.clerk) set.at(day, 'clerk', e.actor_id).issued++;
  }
}

export interface RatingState {
  level: string;
  counter_id: string | null;
  clerk_id: string | null;
  area_id: string | null;
}

/** A rating counts on its ticket's business day, where the citizen was served. */
export function addRating(set: DeltaSet, r: RatingState, t: TicketKeys & { business_day: string }): void {
  const day = t.business_day;
  const keys: [AggKind, string | null][] = [
    ['counter', r.counter_id],
    ['clerk', r.clerk_id],
    ['area', r.area_id],
    ...common(t, day),
  ];
  for (const [kind, key] of keys) if (key !== null) bump(set.at(day, kind, key).ratings, r.level, 1);
}
