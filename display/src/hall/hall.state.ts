/**
 * The hall display's state as a pure reducer: drawn from `state:snapshot` on every (re)connect,
 * then moved by live events. Which counters and areas show comes from the device's settings.
 */
import type { AreaDto, CallDto, CounterDto, StateDto, TicketChannel, TicketStatus } from '@contract/dto';

/** device.settings of a display: counter numbers and area ids or codes; absent = everything. */
export interface HallFilter {
  counters?: number[];
  areas?: string[];
}

export interface HallCall {
  /** One line per ticket and counter: a recall moves it back to the top. */
  key: string;
  /** Absent only in a tracking phone's view; a hall display always has it. */
  ticketId?: string | null;
  number: string;
  areaId: string;
  /** An appointment or a remote number is marked on the screen; absent: a kiosk or staff ticket. */
  channel?: TicketChannel;
  counter: { id: string; number: number; name: string };
  recall: boolean;
  at: string;
}

export interface HallState {
  counters: CounterDto[];
  waiting: Record<string, number>;
  /** Newest first. */
  calls: HallCall[];
  /** The call shown blinking and until when (ms, this screen's clock); live calls only. */
  flash: { key: string; until: number } | null;
  /** Event keys already applied, so a repeated event never moves or blinks anything twice. */
  seen: string[];
  /**
   * Event keys of calls whose ticket went back to a queue (a transfer): a reconnect's snapshot still lists them,
   * and they must not come back to the big box ("1005 → QUẦY 1" while 1005 waits for counter 3).
   */
  withdrawn: { key: string; at: string }[];
  synced: boolean;
  connected: boolean;
  /** Server clock minus this screen's clock (ms), so a TV with a wrong clock still shows the right time. */
  clockOffsetMs: number;
  businessDay: string | null;
}

export type HallAction =
  | { type: 'snapshot'; state: StateDto; now: number }
  | { type: 'called'; call: CallDto; now: number }
  | { type: 'counter'; counter: CounterDto }
  | { type: 'queue'; areaId: string; waiting: number }
  /** A ticket changed (`ticket:updated`): one sent back to a queue is no longer called anywhere. */
  | { type: 'ticket'; ticket: { id: string; number: string; status: TicketStatus } }
  | { type: 'connection'; connected: boolean };

export const MAX_CALLS = 8;
export const FLASH_MS = 8000;
const MAX_SEEN = 500;

export const initialHallState = (): HallState => ({
  counters: [],
  waiting: {},
  calls: [],
  flash: null,
  seen: [],
  withdrawn: [],
  synced: false,
  connected: false,
  clockOffsetMs: 0,
  businessDay: null,
});

/** The same event key the announcer uses: (ticket, counter, at). */
export const callEventKey = (c: CallDto) => `${c.ticket.id ?? c.ticket.number}|${c.counter.id}|${c.at}`;
const lineKey = (c: CallDto) => `${c.ticket.id ?? c.ticket.number}|${c.counter.id}`;

function toLine(c: CallDto): HallCall {
  return {
    key: lineKey(c),
    ticketId: c.ticket.id ?? null,
    number: c.ticket.number,
    areaId: c.ticket.areaId,
    ...(c.ticket.channel ? { channel: c.ticket.channel } : {}),
    counter: { ...c.counter },
    recall: c.recall,
    at: c.at,
  };
}

/** Newest first, one line per ticket and counter. */
function linesFrom(calls: CallDto[]): HallCall[] {
  const out: HallCall[] = [];
  for (const c of calls) {
    const line = toLine(c);
    if (!out.some((l) => l.key === line.key)) out.push(line);
    if (out.length >= MAX_CALLS) break;
  }
  return out;
}

const sortCounters = (list: CounterDto[]) => [...list].sort((a, b) => a.number - b.number);

export function hallReducer(s: HallState, a: HallAction): HallState {
  switch (a.type) {
    case 'snapshot': {
      // A call of a withdrawn line made at or before the withdrawal is stale (a recall before the transfer, too).
      const stale = (c: CallDto) => s.withdrawn.some((w) => w.key === lineKey(c) && c.at <= w.at);
      const calls = linesFrom(a.state.recentCalls.filter((c) => !stale(c)));
      const keys = a.state.recentCalls.map(callEventKey);
      const seen = [...s.seen, ...keys.filter((k) => !s.seen.includes(k))].slice(-MAX_SEEN);
      // A flash survives a resync only if that call is still on screen.
      const flash = s.flash && calls.some((c) => c.key === s.flash!.key) ? s.flash : null;
      return {
        ...s,
        counters: sortCounters(a.state.counters),
        waiting: Object.fromEntries(a.state.areas.map((x) => [x.id, x.waiting])),
        calls,
        flash,
        seen,
        synced: true,
        connected: true,
        businessDay: a.state.businessDay,
        clockOffsetMs: Number.isFinite(Date.parse(a.state.serverTime))
          ? Date.parse(a.state.serverTime) - a.now
          : s.clockOffsetMs,
      };
    }
    case 'called': {
      const key = callEventKey(a.call);
      if (s.seen.includes(key)) return s;
      const line = toLine(a.call);
      const calls = [line, ...s.calls.filter((l) => l.key !== line.key)].slice(0, MAX_CALLS);
      return {
        ...s,
        calls,
        flash: { key: line.key, until: a.now + FLASH_MS },
        seen: [...s.seen, key].slice(-MAX_SEEN),
      };
    }
    case 'counter': {
      const exists = s.counters.some((c) => c.id === a.counter.id);
      const counters = exists
        ? s.counters.map((c) => (c.id === a.counter.id ? a.counter : c))
        : [...s.counters, a.counter];
      return { ...s, counters: sortCounters(counters) };
    }
    case 'queue':
      return { ...s, waiting: { ...s.waiting, [a.areaId]: a.waiting } };
    case 'ticket': {
      if (a.ticket.status !== 'waiting') return s;
      const gone = s.calls.filter((l) => l.ticketId === a.ticket.id);
      if (gone.length === 0) return s;
      const withdrawn = [...s.withdrawn, ...gone.map((l) => ({ key: l.key, at: l.at }))].slice(-MAX_SEEN);
      const calls = s.calls.filter((l) => l.ticketId !== a.ticket.id);
      const flash = s.flash && calls.some((c) => c.key === s.flash!.key) ? s.flash : null;
      return { ...s, calls, flash, withdrawn };
    }
    case 'connection':
      return s.connected === a.connected ? s : { ...s, connected: a.connected };
  }
}

/** Reads device.settings loosely: an admin may have typed strings for numbers. */
export function parseHallFilter(settings: Record<string, unknown> | null | undefined): HallFilter {
  const f: HallFilter = {};
  const counters = settings?.counters;
  if (Array.isArray(counters)) {
    const nums = counters.map((x) => Number(x)).filter((n) => Number.isInteger(n) && n > 0);
    if (nums.length > 0) f.counters = nums;
  }
  const areas = settings?.areas;
  if (Array.isArray(areas)) {
    const ids = areas.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
    if (ids.length > 0) f.areas = ids;
  }
  return f;
}

const areaMatches = (f: HallFilter, area: { id: string; code?: string }) =>
  !f.areas ||
  f.areas.includes(area.id) ||
  (area.code !== undefined && f.areas.some((x) => x.toUpperCase() === area.code!.toUpperCase()));

/** Area ids the filter allows, given the area list (codes resolve to ids). */
function allowedAreaIds(f: HallFilter, areas: AreaDto[]): Set<string> | null {
  if (!f.areas) return null;
  const ids = new Set(f.areas);
  for (const a of areas) if (areaMatches(f, a)) ids.add(a.id);
  return ids;
}

export function counterInFilter(f: HallFilter, c: { number: number; areaIds?: string[] }, areas: AreaDto[]): boolean {
  if (f.counters && !f.counters.includes(c.number)) return false;
  const allowed = allowedAreaIds(f, areas);
  if (allowed && c.areaIds && !c.areaIds.some((id) => allowed.has(id))) return false;
  return true;
}

/** Counters to draw: open or paused ones the filter allows. */
export function visibleCounters(s: HallState, f: HallFilter, areas: AreaDto[]): CounterDto[] {
  return s.counters.filter((c) => c.status !== 'closed' && counterInFilter(f, c, areas));
}

/** Whether a call belongs on this display (and so is announced by it). */
export function callInFilter(
  f: HallFilter,
  call: { counter: { number: number; id: string }; ticket: { areaId: string } },
  s: HallState,
  areas: AreaDto[],
): boolean {
  const counter = s.counters.find((c) => c.id === call.counter.id);
  if (f.counters && !f.counters.includes(call.counter.number)) return false;
  const allowed = allowedAreaIds(f, areas);
  if (!allowed) return true;
  return allowed.has(call.ticket.areaId) || Boolean(counter && counter.areaIds.some((id) => allowed.has(id)));
}

export function visibleCalls(s: HallState, f: HallFilter, areas: AreaDto[]): HallCall[] {
  return s.calls.filter((c) => callInFilter(f, { counter: c.counter, ticket: { areaId: c.areaId } }, s, areas));
}

export interface AreaLine {
  id: string;
  name: string;
  waiting: number;
}

/** Waiting count per area the filter allows, in the center's order. */
export function visibleAreas(s: HallState, f: HallFilter, areas: AreaDto[]): AreaLine[] {
  return [...areas]
    .filter((a) => a.active && areaMatches(f, a))
    .sort((a, b) => a.sort - b.sort)
    .map((a) => ({ id: a.id, name: a.name, waiting: s.waiting[a.id] ?? a.waiting }));
}

export const isFlashing = (s: HallState, key: string, now: number) => s.flash?.key === key && now < s.flash.until;
