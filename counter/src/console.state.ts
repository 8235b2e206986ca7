import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AreaDto, CounterDto, PublicConfigDto, TicketDto } from '../../server/src/contract/dto.ts';
import { ApiError, type ApiClient } from '../../server/src/client/api.client.ts';
import type { QueueSocket } from '../../server/src/client/socket.client.ts';

export type Tally = Awaited<ReturnType<ApiClient['myTally']>>;
export interface StatusLine { kind: 'ok' | 'info' | 'error'; text: string; at: number }
export type TransferTarget = { areaId: string; label: string } | { counterId: string; label: string };

export interface ConsoleModel {
  counter: CounterDto | null;
  current: TicketDto | null;
  waiting: TicketDto[];
  noShows: TicketDto[];
  areas: AreaDto[];
  counters: CounterDto[];
  tally: Tally | null;
  config: PublicConfigDto | null;
  busy: boolean;
  status: StatusLine | null;
  /** Set once the counter was closed (by this clerk or a supervisor): back to the picker. */
  released: boolean;
  actions: ConsoleActions;
}

export interface ConsoleActions {
  callNext(): Promise<void>;
  recall(): Promise<void>;
  noShow(): Promise<void>;
  finish(): Promise<void>;
  transfer(to: TransferTarget): Promise<void>;
  togglePause(): Promise<void>;
  close(): Promise<void>;
  call(ticket: TicketDto): Promise<void>;
  annotate(dossierCode: string, note: string): Promise<void>;
  refresh(): Promise<void>;
}

const ACTIVE = new Set(['called', 'serving']);
const EVENT_DEBOUNCE_MS = 200;
const TALLY_POLL_MS = 60_000;

/**
 * Everything the console shows about one counter, kept whole from the server:
 * a full refetch on every `state:snapshot` (so a reconnect heals the screen), a debounced
 * queue refetch on queue events, and the result of every action as a status line.
 */
export function useConsole(api: ApiClient, counterId: string, socket: QueueSocket | null): ConsoleModel {
  const [counter, setCounter] = useState<CounterDto | null>(null);
  const [current, setCurrent] = useState<TicketDto | null>(null);
  const [queue, setQueue] = useState<{ waiting: TicketDto[]; noShows: TicketDto[] }>({ waiting: [], noShows: [] });
  const [areas, setAreas] = useState<AreaDto[]>([]);
  const [counters, setCounters] = useState<CounterDto[]>([]);
  const [tally, setTally] = useState<Tally | null>(null);
  const [config, setConfig] = useState<PublicConfigDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusLine | null>(null);
  const [released, setReleased] = useState(false);
  const currentId = useRef<string | null>(null);
  const busyRef = useRef(false);

  const say = (kind: StatusLine['kind'], text: string) => setStatus({ kind, text, at: Date.now() });

  const applyCurrent = useCallback((t: TicketDto | null) => {
    const live = t && ACTIVE.has(t.status) ? t : null;
    currentId.current = live?.id ?? null;
    setCurrent(live);
  }, []);

  /** Follows the counter's current ticket: fetches the full ticket only when it changed. */
  const applyCounter = useCallback(async (c: CounterDto) => {
    setCounter(c);
    if (c.status === 'closed' || (c.clerk === null)) setReleased(true);
    const id = c.currentTicket?.id ?? null;
    if (id === currentId.current) return;
    if (!id) { applyCurrent(null); return; }
    currentId.current = id;
    try { applyCurrent(await api.ticket(id)); } catch { /* the next event or snapshot fixes it */ }
  }, [api, applyCurrent]);

  const loadQueue = useCallback(async () => {
    const [q, a] = await Promise.all([api.counterQueue(counterId), api.areas()]);
    setQueue(q);
    setAreas(a);
  }, [api, counterId]);

  const loadTally = useCallback(async () => { try { setTally(await api.myTally()); } catch { /* keep the last one */ } }, [api]);

  const refresh = useCallback(async () => {
    try {
      const [cs, cfg] = await Promise.all([api.counters(), api.config()]);
      setCounters(cs);
      setConfig(cfg);
      const mine = cs.find((c) => c.id === counterId);
      if (mine) { currentId.current = '\u0000'; await applyCounter(mine); } // force a fresh current ticket after a gap
      await Promise.all([loadQueue(), loadTally()]);
    } catch (e) {
      if (e instanceof ApiError) say('error', e.message);
    }
  }, [api, counterId, applyCounter, loadQueue, loadTally]);

  useEffect(() => { void refresh(); }, [refresh]);

  useEffect(() => {
    const t = setInterval(() => void loadTally(), TALLY_POLL_MS);
    return () => clearInterval(t);
  }, [loadTally]);

  useEffect(() => {
    if (!socket) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Bursts (a call changes a ticket, a counter and a queue at once) become one refetch.
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => { timer = null; void loadQueue().catch(() => undefined); }, EVENT_DEBOUNCE_MS);
    };
    const onCounter = ({ counter: c }: { counter: CounterDto }) => {
      setCounters((list) => (list.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [...list, c]));
      if (c.id === counterId) void applyCounter(c);
      soon();
    };
    const onTicket = ({ ticket }: { ticket: TicketDto }) => {
      if (ticket.id === currentId.current) applyCurrent(ticket);
      soon();
    };
    const onSnapshot = () => { void refresh(); };
    // A citizen just rated at this counter: the tally updates at once (the poll is only a fallback).
    const onRated = ({ counterId: at }: { counterId: string }) => { if (at === counterId) void loadTally(); };
    // One table for subscribe and unsubscribe, so the two can never drift apart.
    const handlers: [string, (p: never) => void][] = [
      ['state:snapshot', onSnapshot], ['config:updated', onSnapshot], ['rating:recorded', onRated],
      ['counter:updated', onCounter], ['ticket:updated', onTicket], ['ticket:issued', soon], ['queue:updated', soon],
    ];
    const bus = socket as unknown as { on(e: string, f: (p: never) => void): void; off(e: string, f: (p: never) => void): void };
    for (const [event, fn] of handlers) bus.on(event, fn);
    return () => {
      if (timer) clearTimeout(timer);
      for (const [event, fn] of handlers) bus.off(event, fn);
    };
  }, [socket, counterId, applyCounter, applyCurrent, loadQueue, loadTally, refresh]);

  /** One action at a time; the answer becomes the status line, an error its Vietnamese message. */
  const run = useCallback(async (work: () => Promise<string>, after: { tally?: boolean } = {}) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      say('ok', await work());
    } catch (e) {
      say('error', e instanceof ApiError ? e.message : 'Đã có lỗi. Vui lòng thử lại.');
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
    void loadQueue().catch(() => undefined);
    if (after.tally) void loadTally();
  }, [loadQueue, loadTally]);

  const numberOf = () => current?.number ?? '';
  const actions: ConsoleActions = {
    callNext: () => run(async () => {
      const { ticket } = await api.callNext(counterId);
      applyCurrent(ticket);
      return ticket ? `Đã gọi số ${ticket.number}` : 'Không còn ai đang chờ';
    }, { tally: true }),
    recall: () => run(async () => { const { ticket } = await api.recall(counterId); applyCurrent(ticket); return `Đã gọi lại số ${ticket.number} (lần ${ticket.recalls})`; }),
    noShow: () => run(async () => { const n = numberOf(); await api.noShow(counterId); applyCurrent(null); return `Số ${n} được ghi vắng mặt`; }, { tally: true }),
    finish: () => run(async () => { const n = numberOf(); await api.finish(counterId); applyCurrent(null); return `Đã hoàn thành số ${n}`; }, { tally: true }),
    transfer: (to) => run(async () => {
      const n = numberOf();
      await api.transfer(counterId, 'areaId' in to ? { areaId: to.areaId } : { counterId: to.counterId });
      applyCurrent(null);
      return `Đã chuyển số ${n} sang ${to.label}`;
    }),
    togglePause: () => run(async () => {
      const paused = counter?.status === 'paused';
      const { counter: c } = paused ? await api.resume(counterId) : await api.pause(counterId);
      setCounter(c);
      return paused ? 'Quầy tiếp tục phục vụ' : 'Quầy đang tạm dừng';
    }),
    close: () => run(async () => {
      const { counter: c } = await api.closeCounter(counterId);
      setCounter(c);
      setReleased(true);
      return 'Đã đóng quầy';
    }),
    call: (t) => run(async () => { const { ticket } = await api.call(counterId, t.id); applyCurrent(ticket); return `Đã gọi số ${ticket.number}`; }, { tally: true }),
    annotate: (dossierCode, note) => run(async () => {
      if (!current) throw new ApiError(409, 'counter.no_current_ticket', 'Chưa có số đang phục vụ để ghi mã hồ sơ.');
      const { ticket } = await api.annotate(current.id, { dossierCode: dossierCode.trim() || null, note: note.trim() || null });
      applyCurrent(ticket);
      return `Đã lưu thông tin hồ sơ cho số ${ticket.number}`;
    }),
    refresh,
  };

  return { counter, current, waiting: queue.waiting, noShows: queue.noShows, areas, counters, tally, config, busy, status, released, actions };
}
