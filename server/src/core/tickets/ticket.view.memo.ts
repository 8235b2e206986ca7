import type { TicketDto } from '../../contract/dto.ts';
import type { Ticket } from '../entities.ts';
import type { StorePort } from '../store.port.ts';

/** Views kept for one committed state at most (a clerk's list is 300 tickets). */
const MEMO_MAX = 1000;

/**
 * The last ticket views built, valid while nothing is written (store.writeStamp): the issue path builds one ticket's
 * view for the event and again for the HTTP answer, each with its queries (issue 15). A view is reused only for the
 * same ticket row it was built from and the business day it assumed; inside a write transaction nothing is kept.
 */
export function createViewMemo(store: Pick<StorePort, 'writeStamp'>, today: () => string) {
  let memo: { stamp: string; day: string; views: Map<string, { from: Ticket; dto: TicketDto }> } | null = null;
  return (t: Ticket, build: (t: Ticket) => TicketDto): TicketDto => {
    const stamp = store.writeStamp();
    if (stamp === null) return build(t);
    const day = today();
    if (!memo || memo.stamp !== stamp || memo.day !== day || memo.views.size >= MEMO_MAX)
      memo = { stamp, day, views: new Map() };
    const hit = memo.views.get(t.id);
    if (hit && sameRow(hit.from, t)) return hit.dto;
    const dto = build(t);
    memo.views.set(t.id, { from: t, dto });
    return dto;
  };
}

/** The same ticket row: every field equal (a Ticket is flat). */
function sameRow(a: Ticket, b: Ticket): boolean {
  if (a === b) return true;
  for (const k in a) if (a[k as keyof Ticket] !== b[k as keyof Ticket]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}
