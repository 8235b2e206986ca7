/**
 * What one ticket, event or rating adds to the hub's daily aggregates (migration 0002), as signed deltas. The
 * rules are those of the report SQL (report.sql.ts, the reference), written per fact so a change applies as "minus
 * the old contribution, plus the new one" in the transaction of the feed batch, and a rebuild sums the very same
 * contributions. Keys are the center's own ids (re-keyed across the province when read, as the SQL's are).
 */

import {
  addEnded,
  bump,
  DAY_SUM_FIELDS,
  emptySums,
  ticketTimes,
  type DaySums,
} from '../../../server/src/core/reports/report.contribution.ts';

export type DayKind = 'all' | 'area' | 'procedure' | 'clerk';

/** The shared day sums (core/reports/report.contribution.ts) plus `refs`, the count of facts behind a row. */
export interface DayDelta extends DaySums {
  refs: number;
}

export const DAY_SUMS = ['refs', ...DAY_SUM_FIELDS] as const;

/** The ticket columns the reports read. */
export type HubTicketState = {
  id: string;
  business_day: string;
  issued_area_id: string;
  area_id: string;
  clerk_id: string | null;
  procedure_id: string | null;
  status: string;
  issued_at: number;
  first_called_at: number | null;
  called_at: number | null;
  finished_at: number | null;
};
export const HUB_TICKET_COLUMNS =
  'id, business_day, issued_area_id, area_id, clerk_id, procedure_id, status, issued_at, first_called_at, called_at, finished_at';

export type HubEventState = {
  id: string;
  type: string;
  ticket_id: string;
  actor_id: string | null;
  area_id: string | null;
  business_day: string;
};
export const HUB_EVENT_COLUMNS = 'id, type, ticket_id, actor_id, area_id, business_day';

export type HubRatingState = {
  id: string;
  ticket_id: string;
  level: string;
  area_id: string | null;
  clerk_id: string | null;
};
export const HUB_RATING_COLUMNS = 'id, ticket_id, level, area_id, clerk_id';

/** What events and ratings read of their ticket: its day (ratings) and procedure (both). */
export type TicketKeys = Pick<HubTicketState, 'business_day' | 'procedure_id'>;

const emptyDelta = (): DayDelta => ({ refs: 0, ...emptySums() });

export const dayId = (kind: string, day: string, key: string) => `${kind}\u0000${day}\u0000${key}`;

/** Deltas of one center keyed by kind, day and key. */
export class DaySet {
  readonly groups = new Map<string, { kind: DayKind; day: string; key: string; d: DayDelta }>();
  at(kind: DayKind, day: string, key: string): DayDelta {
    const id = dayId(kind, day, key);
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = { kind, day, key, d: emptyDelta() }));
    return g.d;
  }
}

/** PostgreSQL's bigint division truncates toward zero (the SQL's `(first_called_at - issued_at) / 1000`). */
export const waitBucket = (ms: number) => Math.trunc(ms / 1000) || 0;

/** A ticket's own row (sign -1 takes back an old state); `targetSec` of its issued area in today's catalogue. */
export function addTicket(set: DaySet, t: HubTicketState, sign: 1 | -1, targetSec: number | null): void {
  const day = t.business_day;
  const proc = t.procedure_id ?? '';
  for (const [kind, key] of [
    ['all', 'all'],
    ['area', t.issued_area_id],
    ['procedure', proc],
  ] as [DayKind, string][]) {
    const d = set.at(kind, day, key);
    d.refs += sign;
    d.issued += sign;
    if (t.status === 'expired') d.expired += sign;
  }
  const times = ticketTimes(t);
  for (const [kind, key] of [
    ['all', 'all'],
    ['area', t.area_id],
    ['procedure', proc],
    ['clerk', t.clerk_id],
  ] as [DayKind, string | null][]) {
    if (key === null) continue;
    const d = set.at(kind, day, key);
    d.refs += sign;
    addEnded(d, t, times, sign, targetSec, waitBucket);
  }
}

/** A transfer where it happened (area sent to, clerk), on the event's day: independent of the ticket. */
export function addTransfer(set: DaySet, e: HubEventState): void {
  for (const [kind, key] of [
    ['all', 'all'],
    ['area', e.area_id],
    ['clerk', e.actor_id],
  ] as [DayKind, string | null][]) {
    if (key === null) continue;
    const d = set.at(kind, e.business_day, key);
    d.refs++;
    d.transferred++;
  }
}

/** A transfer by its ticket's procedure as the ticket is now ('' while the hub has no such ticket). */
export function addTransferProcedure(set: DaySet, e: HubEventState, t: TicketKeys | null, sign: 1 | -1): void {
  const d = set.at('procedure', e.business_day, t?.procedure_id ?? '');
  d.refs += sign;
  d.transferred += sign;
}

/** A rating on its ticket's day (only once the hub has the ticket), where the citizen was served. */
export function addRating(set: DaySet, r: HubRatingState, t: TicketKeys, sign: 1 | -1): void {
  for (const [kind, key] of [
    ['all', 'all'],
    ['area', r.area_id],
    ['clerk', r.clerk_id],
    ['procedure', t.procedure_id ?? ''],
  ] as [DayKind, string | null][]) {
    if (key === null) continue;
    const d = set.at(kind, t.business_day, key);
    d.refs += sign;
    bump(d.ratings, r.level, sign);
  }
}

/** A call names its clerk; the clerk "issues" the ticket once a day (`firstThatDay`), as the SQL counts it. */
export function addCall(set: DaySet, e: HubEventState, firstThatDay: boolean): void {
  if (e.actor_id === null) return;
  const d = set.at('clerk', e.business_day, e.actor_id);
  d.refs++;
  if (firstThatDay) d.issued++;
}

/**
 * The calls of one center, in any order: which ones are the first of their (clerk, ticket, day), and which
 * (clerk, ticket) pairs span more than one day. `seen` starts from the calls already stored.
 */
export class CallDays {
  private days = new Map<string, Set<string>>();
  private pairs = new Map<string, { actor: string; ticket: string }>();
  private static id = (actor: string, ticket: string) => `${actor}\u0000${ticket}`;
  /** True when the call is the first of its clerk and ticket on its day. */
  add(e: Pick<HubEventState, 'actor_id' | 'ticket_id' | 'business_day'>): boolean {
    if (e.actor_id === null) return false;
    const id = CallDays.id(e.actor_id, e.ticket_id);
    let s = this.days.get(id);
    if (!s) {
      this.days.set(id, (s = new Set()));
      this.pairs.set(id, { actor: e.actor_id, ticket: e.ticket_id });
    }
    if (s.has(e.business_day)) return false;
    s.add(e.business_day);
    return true;
  }
  multiDay(): { actor: string; ticket: string }[] {
    return [...this.days].filter(([, s]) => s.size > 1).map(([id]) => this.pairs.get(id)!);
  }
}
