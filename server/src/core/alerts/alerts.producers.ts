import type { AlertDto } from '../../contract/dto.ts';
import { clockStepAlerts, type SteppedClock } from '../clock.ts';
import { callersOf, callingNow } from '../../contract/counter.coverage.ts';
import type { Area, Counter, Ticket } from '../entities.ts';
import type { Deps } from '../ports.ts';

/**
 * The control room's alerts that need the server's knowledge (which tickets wait for whom), served by
 * GET /api/alerts. Each concern is one producer; adding an alert is adding a producer to DEFAULT_PRODUCERS
 * (or passing a list). The wall screen adds its own time-based ones (waits past the target) on top.
 */
export interface AlertContext {
  deps: Deps;
  /** The business day whose queue is judged. */ today: string;
}
export type AlertProducer = (ctx: AlertContext) => AlertDto[];

/** More waiting tickets than any day has: the queue of one business day, read whole. */
const MAX_WAITING = 20_000;
const SHOWN_NUMBERS = 8;

const queueOrder = (a: Ticket, b: Ticket) => Number(b.priority) - Number(a.priority) || a.issueSeq - b.issueSeq; // the queue order (issue sequence)
const numbers = (ts: Ticket[]) => {
  const list = [...ts].sort(queueOrder).map((t) => t.number);
  return list.length > SHOWN_NUMBERS ? `${list.slice(0, SHOWN_NUMBERS).join(', ')}, …` : list.join(', ');
};
const areaLabel = (a: Area | undefined) => (a ? `${a.code} – ${a.name}` : 'lĩnh vực đã xoá');
const counterState = (c: Counter | undefined) =>
  !c || !c.active ? 'không còn sử dụng' : c.status === 'paused' ? 'đang tạm dừng' : 'đang đóng';

function groupBy<K>(ts: Ticket[], key: (t: Ticket) => K): Map<K, Ticket[]> {
  const m = new Map<K, Ticket[]>();
  for (const t of ts) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

/**
 * Citizens stranded: waiting tickets no open counter can call now, by the one rule of who calls what
 * (counter.coverage). Those of an area, grouped per area; those transferred to one counter, per counter.
 */
export const strandedTickets: AlertProducer = ({ deps, today }) => {
  const { store } = deps;
  const counters = store.catalog.counters();
  const areas = new Map(store.catalog.areas().map((a) => [a.id, a]));
  const stranded = store.tickets
    .listByStatus(today, 'waiting', MAX_WAITING)
    .filter((t) => !callersOf(t, counters).some(callingNow));
  const out: AlertDto[] = [];
  for (const [areaId, ts] of groupBy(
    stranded.filter((t) => !t.targetCounterId),
    (t) => t.areaId,
  )) {
    const served = callersOf({ areaId, targetCounterId: null }, counters).length > 0;
    out.push({
      kind: 'stranded',
      key: `stranded:area:${areaId}`,
      severity: 'high',
      text: `${areaLabel(areas.get(areaId))}: ${ts.length} người đang chờ nhưng ${served ? 'không có quầy nào đang mở gọi được' : 'chưa có quầy nào phục vụ lĩnh vực này'} (số ${numbers(ts)}).`,
    });
  }
  for (const [counterId, ts] of groupBy(
    stranded.filter((t) => t.targetCounterId),
    (t) => t.targetCounterId!,
  )) {
    const c = counters.find((x) => x.id === counterId);
    const where = [...new Set(ts.map((t) => areaLabel(areas.get(t.areaId))))].join('; ');
    out.push({
      kind: 'stranded',
      key: `stranded:counter:${counterId}`,
      severity: 'high',
      text: `Số ${numbers(ts)} (${where}) chờ riêng quầy ${c?.number ?? '?'} nhưng quầy ${counterState(c)}: không quầy nào khác gọi được.`,
    });
  }
  return out;
};

/**
 * Open counters with nobody at them while tickets they can call are waiting. Only those tickets count: one
 * transferred to another counter, or of an area the counter does not serve, is not this counter's to call.
 */
export const idleCounters: AlertProducer = ({ deps, today }) => {
  const { store } = deps;
  const areas = new Map(store.catalog.areas().map((a) => [a.id, a]));
  const out: AlertDto[] = [];
  for (const c of store.catalog.counters()) {
    if (!c.active || !callingNow(c) || c.currentTicketId) continue;
    const callable = store.tickets.waitingListForCounter(today, c.id, MAX_WAITING);
    if (!callable.length) continue;
    const byArea = [...groupBy(callable, (t) => t.areaId)]
      .map(([id, ts]) => `${areas.get(id)?.code ?? '?'}: ${ts.length}`)
      .join(', ');
    const clerk = c.clerkId ? store.accounts.user(c.clerkId) : undefined;
    out.push({
      kind: 'idle_counter',
      key: `idle:${c.id}`,
      severity: 'medium',
      text: `Quầy ${c.number}${clerk ? ` (${clerk.displayName})` : ''} đang mở nhưng không phục vụ, trong khi có ${callable.length} người chờ mà quầy này gọi được (${byArea}).`,
    });
  }
  return out;
};

/** Steps of the server's clock seen today (issue #11, defect 12): the guarded clock keeps them (core/clock.ts). */
export const clockSteps: AlertProducer = ({ deps }) => {
  const clock = deps.clock as Partial<SteppedClock>;
  return clock.steps ? clockStepAlerts(clock.steps(), deps.clock.now(), deps.settings.get().timeZone) : [];
};

export const DEFAULT_PRODUCERS: readonly AlertProducer[] = [strandedTickets, clockSteps, idleCounters];

/** Every producer's alerts, high severity first (a stable sort keeps each producer's own order). */
export function collectAlerts(ctx: AlertContext, producers: readonly AlertProducer[] = DEFAULT_PRODUCERS): AlertDto[] {
  const rank = { high: 0, medium: 1 } as const;
  return producers.flatMap((p) => p(ctx)).sort((a, b) => rank[a.severity] - rank[b.severity]);
}
