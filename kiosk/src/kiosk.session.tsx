import { printInBrowser } from './browser.print.ts';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '@client/api.client';
import type { QueueSocket } from '@client/socket.client';
import type { TicketDto } from '@contract/dto';
import { AreasScreen } from './areas.screen.tsx';
import { HomeScreen } from './home.screen.tsx';
import { isTransient, issueErrorMessage, issueWithRetry, newIdempotencyKey } from './issue.flow.ts';
import { IdleCountdown } from './kiosk.countdown.tsx';
import { TextContext, translator } from './kiosk.i18n.ts';
import { useIdleCountdown, type IdleClock } from './kiosk.idle.ts';
import { ConnectionBanner, KioskFrame } from './kiosk.layout.tsx';
import { useKioskLive } from './kiosk.live.ts';
import { IssueOverlay } from './kiosk.overlay.tsx';
import { usePrinterWarning } from './kiosk.printer.ts';
import {
  areasOf,
  canTap,
  departmentsWithAreas,
  deviceOptions,
  initialKioskState,
  kioskReducer,
  type KioskState,
} from './kiosk.state.ts';
import { PriorityScreen } from './priority.screen.tsx';
import { createProcedureSearch, SEARCH_LIMIT, type Scheduler } from './procedure.search.ts';
import { SearchScreen } from './search.screen.tsx';
import { TakeScreen } from './take.screen.tsx';
import { TicketScreen } from './ticket.screen.tsx';

export const NOT_A_KIOSK = 'Mã thiết bị này không phải của ki-ốt. Vui lòng nhập mã ghép nối của một ki-ốt.';
export const TOKEN_REFUSED =
  'Ki-ốt chưa được ghép nối hoặc mã thiết bị đã bị thu hồi. Vui lòng nhập mã ghép nối mới do quản trị viên cấp.';

const is401 = (e: unknown) => (e as { status?: number })?.status === 401;

/** A paired kiosk: loads the center's catalogue, stays live over the socket and walks a citizen to a ticket. */
export function KioskSession(p: {
  api: ApiClient;
  connect: () => QueueSocket;
  onUnauthorized: (message: string) => void;
  /** Injected in tests: the idle countdown's clock and the search's debounce timer. */
  idleClock?: IdleClock;
  schedule?: Scheduler;
}) {
  const [s, dispatch] = useReducer(kioskReducer, undefined, initialKioskState);
  const [clockOffset, setClockOffset] = useState(0);
  const state = useRef<KioskState>(s);
  state.current = s;
  const busy = useRef(false);
  const printer = useRef<string | null>(null);
  const [counters, setCounters] = useState<{ number: number; areaIds: string[] }[]>([]);
  const { api, onUnauthorized } = p;

  const fail = useCallback(
    (e: unknown) => {
      if (is401(e)) onUnauthorized(TOKEN_REFUSED);
    },
    [onUnauthorized],
  );

  const reloadAll = useCallback(async () => {
    try {
      const me = await api.me();
      if (me.kind !== 'device' || me.device?.kind !== 'kiosk') {
        onUnauthorized(NOT_A_KIOSK);
        return;
      }
      printer.current = me.device.printer;
      // printChecklist is read too, but printing the papers on the ticket waits for the print job to carry them.
      const { mode } = deviceOptions(me.device.settings);
      const [config, departments, areas] = await Promise.all([api.config(), api.departments(), api.areas()]);
      setClockOffset(Date.parse(config.serverTime) - Date.now());
      dispatch({ type: 'loaded', config, departments, areas, mode });
      // A look-up kiosk says which counters serve an area; a kiosk that cannot list them just says none.
      if (mode === 'lookup') setCounters(await api.counters().catch(() => []));
    } catch (e) {
      fail(e);
    } // a network failure is retried by the next (re)connect
  }, [api, fail, onUnauthorized]);

  const reloadAreas = useCallback(async () => {
    try {
      dispatch({ type: 'loaded', areas: await api.areas() });
    } catch (e) {
      fail(e);
    }
  }, [api, fail]);

  useEffect(() => {
    void reloadAll();
  }, [reloadAll]);

  const printerWarning = usePrinterWarning(api);

  useKioskLive({
    connect: p.connect,
    dispatch,
    reloadAll: () => void reloadAll(),
    reloadAreas: () => void reloadAreas(),
    onRefused: () => {
      api.me().catch(fail);
    },
  });

  const followPrint = useCallback(
    (t: TicketDto) => {
      if (printer.current === 'browser') {
        void printInBrowser(t.id).then((ok) => {
          if (state.current.ticket?.id !== t.id) return;
          const print = ok
            ? { status: 'printed' as const }
            : { status: 'failed' as const, message: 'Không in được phiếu. Số của bạn vẫn hợp lệ.' };
          dispatch({ type: 'issued', ticket: { ...state.current.ticket, print } });
        });
        return;
      }
      // A queued print (print agent) gets its final status within the printer timeout: look once more.
      if (t.print?.status !== 'queued') return;
      setTimeout(async () => {
        try {
          const fresh = await api.ticket(t.id);
          if (fresh.print && state.current.ticket?.id === t.id)
            dispatch({ type: 'issued', ticket: { ...state.current.ticket, print: fresh.print } });
        } catch {
          /* the ticket stays valid; the message already says so */
        }
      }, 4000);
    },
    [api],
  );

  const issue = useCallback(
    async (areaId: string, procedureId: string | null, priority: boolean, priorityGroup: string | null) => {
      // The ref, not the state: two taps in one frame both see the old state. A look-up kiosk issues nothing.
      if (busy.current || !canTap(state.current) || state.current.mode === 'lookup') return;
      busy.current = true;
      const prev = state.current.pending;
      const same =
        prev &&
        prev.areaId === areaId &&
        (prev.procedureId ?? null) === procedureId &&
        prev.priority === priority &&
        prev.priorityGroup === priorityGroup;
      const pending = { key: same ? prev.key : newIdempotencyKey(), areaId, procedureId, priority, priorityGroup };
      dispatch({ type: 'issuing', pending });
      try {
        const ticket = await issueWithRetry((i) => api.issueTicket(i), {
          areaId,
          ...(procedureId ? { procedureId } : {}),
          priority,
          priorityGroup,
          idempotencyKey: pending.key,
        });
        dispatch({ type: 'issued', ticket });
        followPrint(ticket);
        void reloadAreas();
      } catch (e) {
        if (is401(e)) {
          onUnauthorized(TOKEN_REFUSED);
          return;
        }
        dispatch({ type: 'issueFailed', message: issueErrorMessage(e), keepPending: isTransient(e) });
        if (!isTransient(e)) void reloadAreas(); // e.g. the area just closed: show it greyed
      } finally {
        busy.current = false;
      }
    },
    [api, followPrint, onUnauthorized, reloadAreas],
  );

  // Results as the citizen types: debounced, and an answer to an older query never replaces a newer one.
  const searcher = useMemo(
    () =>
      createProcedureSearch({
        fetch: (q) => api.procedures({ q, limit: SEARCH_LIMIT }),
        onResult: (result) => dispatch({ type: 'results', result }),
        schedule: p.schedule,
      }),
    [api, p.schedule],
  );
  useEffect(() => () => searcher.dispose(), [searcher]);
  useEffect(() => {
    if (s.screen === 'search') searcher.query(s.query);
  }, [s.screen, s.query, searcher]);

  // Large text scales every rem of the kiosk's CSS from the root.
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk-large', s.large);
  }, [s.large]);

  const groups = s.config?.priorityGroups ?? [];
  const idleSeconds = s.config?.kioskIdleSeconds || 30;
  const untouched = s.screen === 'home' && s.history.length === 0 && s.lang === 'vi' && !s.large;
  const idleLeft = useIdleCountdown(
    !untouched && s.screen !== 'ticket' && !s.issuing && !!s.config,
    idleSeconds,
    () => dispatch({ type: 'home' }),
    `${s.screen}:${s.history.length}`,
    { clock: p.idleClock },
  );
  const text = useMemo(() => ({ lang: s.lang, t: translator(s.lang) }), [s.lang]);

  if (!s.config) {
    return (
      <div class="loading" data-screen="loading">
        <ConnectionBanner connection={s.connection} />
        <div class="spinner" aria-hidden="true" />
        <p>Đang khởi động ki-ốt…</p>
      </div>
    );
  }

  const t = text.t;
  const lookup = s.mode === 'lookup';
  const disabled = !canTap(s);
  const home = () => dispatch({ type: 'home' });
  const back = () => dispatch({ type: 'back' });
  const frame = {
    centerName: s.config.centerName,
    timeZone: s.config.timeZone,
    clockOffsetMs: clockOffset,
    connection: s.connection,
    onBack: back,
    onHome: home,
    navDisabled: s.issuing,
    large: s.large,
    onLarge: (large: boolean) => dispatch({ type: 'large', large }),
    onLang: () => dispatch({ type: 'lang', lang: s.lang === 'vi' ? 'en' : 'vi' }),
  };
  const area = s.areas.find((a) => a.id === s.areaId) ?? null;
  const dept = s.departments.find((d) => d.id === s.departmentId);
  const overlay = (
    <IssueOverlay
      issuing={s.issuing}
      error={s.error}
      canRetry={!!s.pending}
      disabled={disabled}
      onRetry={() => {
        const q = s.pending;
        if (q) void issue(q.areaId, q.procedureId ?? null, q.priority, q.priorityGroup);
      }}
      onClose={() => dispatch({ type: 'dismissError' })}
    />
  );

  let body;
  switch (s.screen) {
    case 'home': {
      const first = s.history.length === 0;
      body = (
        <KioskFrame
          {...frame}
          onBack={first ? undefined : back}
          onHome={first ? undefined : home}
          screen="home"
          title={lookup ? t('lookupTitle') : `${t('welcome')} ${s.config.centerName}`}
        >
          <HomeScreen
            departments={departmentsWithAreas(s)}
            areas={s.areas}
            disabled={disabled}
            lookup={lookup}
            priorityGroup={s.priorityGroup}
            notice={s.config.notice}
            printerWarning={printerWarning}
            offline={s.connection === 'offline'}
            onSearch={() => dispatch({ type: 'search' })}
            onPriority={() => dispatch({ type: 'priorityEntry' })}
            onDepartment={(id) => dispatch({ type: 'department', departmentId: id })}
          />
        </KioskFrame>
      );
      break;
    }
    case 'areas':
      body = (
        <KioskFrame {...frame} screen="areas" title={t('chooseArea')} subtitle={dept?.name}>
          <AreasScreen
            areas={areasOf(s, s.departmentId)}
            disabled={disabled}
            onChoose={(id) => dispatch({ type: 'area', areaId: id })}
          />
        </KioskFrame>
      );
      break;
    case 'search':
      body = (
        <KioskFrame {...frame} screen="search" title={t('searchTitle')} subtitle={t('searchSub')}>
          <SearchScreen
            areas={s.areas}
            query={s.query}
            results={s.results}
            disabled={disabled}
            onQuery={(q) => dispatch({ type: 'query', query: q })}
            onProcedure={(procedure) => dispatch({ type: 'procedure', procedure })}
            onArea={(id) => dispatch({ type: 'area', areaId: id })}
          />
        </KioskFrame>
      );
      break;
    case 'priority':
      body = (
        <KioskFrame {...frame} screen="priority" title={t('priorityTitle')} subtitle={t('prioritySub')}>
          <PriorityScreen
            groups={groups}
            disabled={disabled}
            onChoose={(group) => dispatch({ type: 'priorityGroup', group })}
          />
        </KioskFrame>
      );
      break;
    case 'take':
      body = (
        <KioskFrame {...frame} screen="take" title={lookup ? t('lookupTitle') : t('takeTitle')}>
          <TakeScreen
            area={area}
            procedure={s.procedure}
            priorityGroup={s.priorityGroup}
            lookup={lookup}
            counters={counters.filter((c) => s.areaId && c.areaIds.includes(s.areaId)).map((c) => c.number)}
            disabled={disabled}
            onTake={() => {
              if (s.areaId) void issue(s.areaId, s.procedure?.id ?? null, !!s.priorityGroup, s.priorityGroup);
            }}
          />
        </KioskFrame>
      );
      break;
    case 'ticket':
      // The ticket screen carries its own Back / Done (with the countdown) instead of the bottom bar, to keep everything in view.
      body = s.ticket && (
        <KioskFrame {...frame} onBack={undefined} onHome={undefined} screen="ticket">
          <TicketScreen
            ticket={s.ticket}
            timeZone={s.config.timeZone}
            instruction={s.config.ticketInstruction}
            thanks={s.config.ticketThanks}
            autoReturnSeconds={Math.max(idleSeconds, 20)}
            onDone={home}
            onBack={back}
          />
        </KioskFrame>
      );
      break;
  }
  return (
    <TextContext.Provider value={text}>
      {body}
      {overlay}
      <IdleCountdown secondsLeft={idleLeft} />
    </TextContext.Provider>
  );
}
