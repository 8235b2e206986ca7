import { useCallback, useEffect, useReducer, useRef } from 'preact/hooks';
import type { CounterDto, TicketDto } from '@contract/dto';
import { ApiError, type ApiClient } from '@client/api.client';
import type { QueueSocket } from '@client/socket.client';
import { useSocketEvents } from '@ui/queue-socket.hook';
import {
  consoleReducer,
  initialConsoleState,
  liveTicket,
  type ConsoleState,
  type StatusLine,
  type TransferTarget,
} from './console.reducer.ts';
import { createPressGuard } from './press.guard.ts';

export type { StatusLine, Tally, TransferConfirm, TransferTarget } from './console.reducer.ts';

/** The console's state (console.reducer.ts) and what the clerk can do. */
export interface ConsoleModel extends ConsoleState {
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
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const { counter, current } = state;
  // The current ticket's id as of the last answer, read by async work that outlives a render.
  const currentId = useRef<string | null>(null);
  const busyRef = useRef(false);
  const guard = useRef(createPressGuard(opts.now)).current;

  const setStatus = (status: StatusLine) => dispatch({ type: 'status', status });
  const say = (kind: StatusLine['kind'], text: string) => setStatus({ kind, text, at: Date.now() });

  const applyCurrent = useCallback((t: TicketDto | null) => {
    currentId.current = liveTicket(t)?.id ?? null;
    dispatch({ type: 'current', ticket: t });
  }, []);

  /** Follows the counter's current ticket: fetches the full ticket only when it changed. */
  const applyCounter = useCallback(
    async (c: CounterDto) => {
      dispatch({ type: 'counter', counter: c });
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
    const [q, areas] = await Promise.all([api.counterQueue(counterId), api.areas()]);
    dispatch({ type: 'queue', waiting: q.waiting, noShows: q.noShows, areas });
  }, [api, counterId]);

  const loadTally = useCallback(async () => {
    try {
      dispatch({ type: 'tally', tally: await api.myTally() });
    } catch {
      /* keep the last one */
    }
  }, [api]);

  const refresh = useCallback(async () => {
    try {
      const [cs, config] = await Promise.all([api.counters(), api.config()]);
      dispatch({ type: 'counters', counters: cs, config });
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

  // Bursts (a call changes a ticket, a counter and a queue at once) become one refetch.
  const queueTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const soon = () => {
    if (queueTimer.current) clearTimeout(queueTimer.current);
    queueTimer.current = setTimeout(() => {
      queueTimer.current = null;
      void loadQueue().catch(() => undefined);
    }, EVENT_DEBOUNCE_MS);
  };
  useEffect(
    () => () => {
      if (queueTimer.current) clearTimeout(queueTimer.current);
    },
    [socket],
  );
  const onSnapshot = () => void refresh();
  useSocketEvents(socket, {
    'state:snapshot': onSnapshot,
    'config:updated': onSnapshot,
    // A citizen just rated at this counter: the tally updates at once (the poll is only a fallback).
    'rating:recorded': ({ counterId: at }) => {
      if (at === counterId) void loadTally();
    },
    'counter:updated': ({ counter: c }) => {
      dispatch({ type: 'counterUpdated', counter: c });
      if (c.id === counterId) void applyCounter(c);
      soon();
    },
    'ticket:updated': ({ ticket }) => {
      if (ticket.id === currentId.current) applyCurrent(ticket);
      soon();
    },
    'ticket:issued': soon,
    'queue:updated': soon,
  });

  /**
   * One action at a time (nothing while a request is in flight), a repeat of the same action inside the guard's
   * window ignored, and the answer as the status line: an error its Vietnamese message. A stale view (the
   * counter changed under the clerk) refetches everything so the screen shows what is true.
   */
  const run = useCallback(
    async (action: string, work: () => Promise<string | StatusLine>, after: { tally?: boolean } = {}) => {
      if (busyRef.current || !guard.accept(action)) return;
      busyRef.current = true;
      dispatch({ type: 'busy', busy: true });
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
        dispatch({ type: 'busy', busy: false });
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
        dispatch({ type: 'confirm', confirm: null });
        const target = 'areaId' in to ? { areaId: to.areaId } : { counterId: to.counterId };
        try {
          const { warning } = await api.transfer(counterId, { ...target, ...view, ...(force ? { force: true } : {}) });
          applyCurrent(null);
          const done = `Đã chuyển số ${n} sang ${to.label}`;
          return warning ? { kind: 'warn', text: `${done}. Lưu ý: ${warning.message}`, at: Date.now() } : done;
        } catch (e) {
          // Closed counter: nobody would call the citizen there. Ask the clerk before sending it anyway.
          if (!force && e instanceof ApiError && e.code === 'counter.closed' && 'counterId' in to) {
            dispatch({ type: 'confirm', confirm: { to, message: e.message } });
            return { kind: 'warn', text: e.message, at: Date.now() };
          }
          throw e;
        }
      }),
    dismissConfirm: () => dispatch({ type: 'confirm', confirm: null }),
    togglePause: () =>
      run('pause', async () => {
        const paused = counter?.status === 'paused';
        const { counter: c } = paused ? await api.resume(counterId) : await api.pause(counterId);
        dispatch({ type: 'counter', counter: c });
        return paused ? 'Quầy tiếp tục phục vụ' : 'Quầy đang tạm dừng';
      }),
    close: () =>
      run('close', async () => {
        const { counter: c } = await api.closeCounter(counterId);
        dispatch({ type: 'counter', counter: c });
        dispatch({ type: 'released' });
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

  return { ...state, actions };
}
