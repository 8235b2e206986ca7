import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AreaDto, CounterDto, PublicConfigDto, TicketDto } from '../../server/src/contract/dto.ts';
import { ApiError, type ApiClient } from '../../server/src/client/api.client.ts';
import type { QueueSocket } from '../../server/src/client/socket.client.ts';
import { createPressGuard } from './press.guard.ts';

export type Tally = Awaited<ReturnType<ApiClient['myTally']>>;
export interface StatusLine {
  kind: 'ok' | 'info' | 'warn' | 'error';
  text: string;
  at: number;
}
/** A transfer the server refused because the target counter is closed: the clerk may confirm it (force). */
export interface TransferConfirm {
  to: TransferTarget;
  message: string;
}
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
  /** A transfer waiting for the clerk's "Vẫn chuyển" (the target counter is closed). */
  confirm: TransferConfirm | null;
  actions: ConsoleActions;
}

export interface ConsoleActions {
  callNext(): Promise<void>;
  recall(): Promise<void>;
  noShow(): Promise<void>;
  finish(): Promise<void>;
  transfer(to: TransferTarget, force?: boolean): Promise<void>;
  dismissConfirm(): void;
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
export interface ConsoleOptions {
  /** The clock of the repeat guard (tests step it). */ now?: () => number;
}

export function useConsole(
  api: ApiClient,
  counterId: string,
  socket: QueueSocket | null,
  opts: ConsoleOptions = {},
): ConsoleModel {
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
  const [confirm, setConfirm] = useState<TransferConfirm | null>(null);
  const currentId = useRef<string | null>(null);
  const busyRef = useRef(false);
  const guard = useRef(createPressGuard(opts.now)).current;

  const say = (kind: StatusLine['kind'], text: string) => setStatus({ kind, text, at: Date.now() });

  const applyCurrent = useCallback((t: TicketDto | null) => {
    const live = t && ACTIVE.has(t.status) ? t : null;
    currentId.current = live?.id ?? null;
    setCurrent(live);
  }, []);

  /** Follows the counter's current ticket: fetches the full ticket only when it changed. */
  const applyCounter = useCallback(
    async (c: CounterDto) => {
      setCounter(c);
      if (c.status === 'closed' || c.clerk === null) setReleased(true);
      const id = c.currentTicket?.id ?? null;
      if (id === currentId.current) return;
      if (!id) {
        applyCurrent(null);
        return;
      }
      currentId.current = id;
      try {
        applyCurrent(await api.ticket(id));
      } catch {
        /* the next event or snapshot fixes it */
      }
    },
    [api, applyCurrent],
  );

  const loadQueue = useCallback(async () => {
    const [q, a] = await Promise.all([api.counterQueue(counterId), api.areas()]);
    setQueue(q);
    setAreas(a);
  }, [api, counterId]);

  const loadTally = useCallback(async () => {
    try {
      setTally(await api.myTally());
    } catch {
      /* keep the last one */
    }
  }, [api]);

  const refresh = useCallback(async () => {
    try {
      const [cs, cfg] = await Promise.all([api.counters(), api.config()]);
      setCounters(cs);
      setConfig(cfg);
      const mine = cs.find((c) => c.id === counterId);
      if (mine) {
        currentId.current = '\u0000';
        await applyCounter(mine);
      } // force a fresh current ticket after a gap
      await Promise.all([loadQueue(), loadTally()]);
    } catch (e) {
      if (e instanceof ApiError) say('error', e.message);
    }
  }, [api, counterId, applyCounter, loadQueue, loadTally]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

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
      timer = setTimeout(() => {
        timer = null;
        void loadQueue().catch(() => undefined);
      }, EVENT_DEBOUNCE_MS);
    };
    const onCounter = ({ counter: c }: { counter: CounterDto }) => {
      setCounters((list) =>
        list.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [...list, c],
      );
      if (c.id === counterId) void applyCounter(c);
      soon();
    };
    const onTicket = ({ ticket }: { ticket: TicketDto }) => {
      if (ticket.id === currentId.current) applyCurrent(ticket);
      soon();
    };
    const onSnapshot = () => {
      void refresh();
    };
    // A citizen just rated at this counter: the tally updates at once (the poll is only a fallback).
    const onRated = ({ counterId: at }: { counterId: string }) => {
      if (at === counterId) void loadTally();
    };
    // One table for subscribe and unsubscribe, so the two can never drift apart.
    const handlers: [string, (p: never) => void][] = [
      ['state:snapshot', onSnapshot],
      ['config:updated', onSnapshot],
      ['rating:recorded', onRated],
      ['counter:updated', onCounter],
      ['ticket:updated', onTicket],
      ['ticket:issued', soon],
      ['queue:updated', soon],
    ];
    const bus = socket as unknown as {
      on(e: string, f: (p: never) => void): void;
      off(e: string, f: (p: never) => void): void;
    };
    for (const [event, fn] of handlers) bus.on(event, fn);
    return () => {
      if (timer) clearTimeout(timer);
      for (const [event, fn] of handlers) bus.off(event, fn);
    };
  }, [socket, counterId, applyCounter, applyCurrent, loadQueue, loadTally, refresh]);

  /**
   * One action at a time (nothing while a request is in flight), a repeat of the same action inside the guard's
   * window ignored, and the answer as the status line: an error its Vietnamese message. A stale view (the
   * counter changed under the clerk) refetches everything so the screen shows what is true.
   */
  const run = useCallback(
    async (action: string, work: () => Promise<string | StatusLine>, after: { tally?: boolean } = {}) => {
      if (busyRef.current || !guard.accept(action)) return;
      busyRef.current = true;
      setBusy(true);
      let stale = false;
      try {
        const r = await work();
        if (typeof r === 'string') say('ok', r);
        else setStatus(r);
      } catch (e) {
        stale = e instanceof ApiError && e.code === 'counter.stale_view';
        say('error', e instanceof ApiError ? e.message : 'Đã có lỗi. Vui lòng thử lại.');
      } finally {
        busyRef.current = false;
        guard.settled(action);
        setBusy(false);
      }
      if (stale) {
        void refresh();
        return;
      }
      void loadQueue().catch(() => undefined);
      if (after.tally) void loadTally();
    },
    [loadQueue, loadTally, refresh, guard],
  );

  const numberOf = () => current?.number ?? '';
  // What the clerk sees, sent with every ticket action: the server refuses it once it is no longer true.
  const view = { expectedTicketId: current?.id ?? null };
  const actions: ConsoleActions = {
    callNext: () =>
      run(
        'callNext',
        async () => {
          const { ticket } = await api.callNext(counterId, view);
          applyCurrent(ticket);
          return ticket ? `Đã gọi số ${ticket.number}` : 'Không còn ai đang chờ';
        },
        { tally: true },
      ),
    recall: () =>
      run('recall', async () => {
        const { ticket } = await api.recall(counterId, view);
        applyCurrent(ticket);
        return `Đã gọi lại số ${ticket.number} (lần ${ticket.recalls})`;
      }),
    noShow: () =>
      run(
        'noShow',
        async () => {
          const n = numberOf();
          await api.noShow(counterId, view);
          applyCurrent(null);
          return `Số ${n} được ghi vắng mặt`;
        },
        { tally: true },
      ),
    finish: () =>
      run(
        'finish',
        async () => {
          const n = numberOf();
          await api.finish(counterId, view);
          applyCurrent(null);
          return `Đã hoàn thành số ${n}`;
        },
        { tally: true },
      ),
    // A confirmed transfer is a second decision, not a repeat: its own key in the repeat guard.
    transfer: (to, force = false) =>
      run(force ? 'transfer:force' : 'transfer', async () => {
        const n = numberOf();
        setConfirm(null);
        const target = 'areaId' in to ? { areaId: to.areaId } : { counterId: to.counterId };
        try {
          const { warning } = await api.transfer(counterId, { ...target, ...view, ...(force ? { force: true } : {}) });
          applyCurrent(null);
          const done = `Đã chuyển số ${n} sang ${to.label}`;
          return warning ? { kind: 'warn', text: `${done}. Lưu ý: ${warning.message}`, at: Date.now() } : done;
        } catch (e) {
          // Closed counter: nobody would call the citizen there. Ask the clerk before sending it anyway.
          if (!force && e instanceof ApiError && e.code === 'counter.closed' && 'counterId' in to) {
            setConfirm({ to, message: e.message });
            return { kind: 'warn', text: e.message, at: Date.now() };
          }
          throw e;
        }
      }),
    dismissConfirm: () => setConfirm(null),
    togglePause: () =>
      run('pause', async () => {
        const paused = counter?.status === 'paused';
        const { counter: c } = paused ? await api.resume(counterId) : await api.pause(counterId);
        setCounter(c);
        return paused ? 'Quầy tiếp tục phục vụ' : 'Quầy đang tạm dừng';
      }),
    close: () =>
      run('close', async () => {
        const { counter: c } = await api.closeCounter(counterId);
        setCounter(c);
        setReleased(true);
        return 'Đã đóng quầy';
      }),
    call: (t) =>
      run(
        'call',
        async () => {
          const { ticket } = await api.call(counterId, t.id, view);
          applyCurrent(ticket);
          return `Đã gọi số ${ticket.number}`;
        },
        { tally: true },
      ),
    annotate: (dossierCode, note) =>
      run('annotate', async () => {
        if (!current) throw new ApiError(409, 'counter.no_current_ticket', 'Chưa có số đang phục vụ để ghi mã hồ sơ.');
        const { ticket } = await api.annotate(current.id, {
          dossierCode: dossierCode.trim() || null,
          note: note.trim() || null,
        });
        applyCurrent(ticket);
        return `Đã lưu thông tin hồ sơ cho số ${ticket.number}`;
      }),
    refresh,
  };

  return {
    counter,
    current,
    waiting: queue.waiting,
    noShows: queue.noShows,
    areas,
    counters,
    tally,
    config,
    busy,
    status,
    released,
    confirm,
    actions,
  };
}
