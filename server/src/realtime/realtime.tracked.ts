import type { DomainEvent } from '../core/ports.ts';
import type { Ticket } from '../core/entities.ts';
import type { TicketStatus } from '../contract/dto.ts';

/**
 * Which phones' "people ahead" can have changed in one commit (issue 15): a phone follows a waiting ticket, and
 * its count moves only when a ticket AHEAD of it joins or leaves its area's line. A ticket issued at the end
 * changes nobody's count; a call, a transfer, an expiry or a priority ticket ahead of it does.
 *
 * Why the tickets' current state is enough: a ticket's place in the line (priority, queue_at, issue_seq — the
 * order of tickets.repository's QUEUE_ORDER and waitingAhead) is fixed at insert (TicketPatch has none of these
 * columns), and only a transfer changes its area, always into the waiting line. So a ticket that left the line in
 * this commit left it from the place it still names, and a waiting ticket is where it now is. A waiting ticket
 * now in another area may have come from this one (no such move exists today): then, as for a queue change that
 * names no ticket of the area (an area edited), every phone of the area is refreshed. A ticket now serving, done
 * or no-show left from a counter, not from the line (those follow a call, which is a commit of its own): the
 * citizen finished by a call-next was nobody's "ahead", so only the ticket called moves the line.
 */
const AT_COUNTER: ReadonlySet<TicketStatus> = new Set(['serving', 'done', 'no_show']);

/** `x` is ahead of `t` in t's line: the same day and area, and before it in the queue order. */
export function isAhead(x: Ticket, t: Ticket): boolean {
  if (x.id === t.id || x.businessDay !== t.businessDay || x.areaId !== t.areaId) return false;
  if (x.priority !== t.priority) return x.priority;
  if (x.queueAt !== t.queueAt) return x.queueAt < t.queueAt;
  return x.issueSeq < t.issueSeq;
}

/** The ids of the tickets one batch of events names (issued, updated, called). */
export function ticketsNamed(events: readonly DomainEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events)
    if (e.type === 'ticket:issued' || e.type === 'ticket:updated' || e.type === 'ticket:called') ids.add(e.ticketId);
  return ids;
}

/**
 * Of the followed tickets waiting in `areaId`, those whose people-ahead count can have changed, given the tickets
 * changed in the commit (their state after it). `followed` holds only waiting tickets of the area.
 */
export function toRefresh(areaId: string, changed: readonly Ticket[], followed: readonly Ticket[]): Ticket[] {
  const here = changed.filter((x) => x.areaId === areaId && !AT_COUNTER.has(x.status));
  const unknown = here.length === 0 || changed.some((x) => x.status === 'waiting' && x.areaId !== areaId);
  if (unknown) return [...followed];
  return followed.filter((t) => here.some((x) => isAhead(x, t)));
}
