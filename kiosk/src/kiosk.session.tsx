import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '@client/api.client';
import type { QueueSocket } from '@client/socket.client';
import { UNKNOWN_SCAN } from './citizen.words.ts';
import { currentChoice, KioskBody } from './kiosk.body.tsx';
import { IdleCountdown } from './kiosk.countdown.tsx';
import { TextContext, translator } from './kiosk.i18n.ts';
import { useIdleCountdown, type IdleClock } from './kiosk.idle.ts';
import { TOKEN_REFUSED, useKioskIssue } from './kiosk.issue.ts';
import { ConnectionBanner } from './kiosk.layout.tsx';
import { useKioskLive } from './kiosk.live.ts';
import { IssueOverlay } from './kiosk.overlay.tsx';
import { usePrinterWarning } from './kiosk.printer.ts';
import { canTap, deviceOptions, initialKioskState, kioskReducer, type KioskState } from './kiosk.state.ts';
import { createProcedureSearch, SEARCH_LIMIT, type Scheduler } from './procedure.search.ts';
import { useScanner } from './scanner.hook.ts';

export { TOKEN_REFUSED };
export const NOT_A_KIOSK = 'Mã thiết bị này không phải của ki-ốt. Vui lòng nhập mã ghép nối của một ki-ốt.';

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

  const { issue, checkIn } = useKioskIssue({
    api,
    state,
    dispatch,
    printer,
    onUnauthorized,
    reloadAreas: () => void reloadAreas(),
  });

  // The scanner types on every screen: a booking's code checks in, a card waits for the next choice.
  useScanner((scan) => {
    const now = state.current;
    // A look-up kiosk issues nothing, so it has no use for a code or a card.
    if (!now.config || now.issuing || now.mode === 'lookup') return;
    if (scan.kind === 'booking') return void checkIn(scan.code);
    if (scan.kind === 'unknown') {
      dispatch({ type: 'issueFailed', message: UNKNOWN_SCAN, keepPending: true });
      return;
    }
    if (now.screen === 'ticket') dispatch({ type: 'home' });
    const citizen = scan.kind === 'card' ? { citizenQr: scan.qr } : { citizenId: scan.citizenId };
    dispatch({ type: 'citizen', citizen });
    // On the card step the choice is made: the card is all that was missing.
    const choice = now.screen === 'card' ? currentChoice(now) : null;
    if (choice) void issue(choice, { citizen });
  });

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

  const idleSeconds = s.config?.kioskIdleSeconds || 30;
  // A card read on the first screen is a touch too: the countdown forgets it if nobody goes on.
  const untouched = s.screen === 'home' && s.history.length === 0 && s.lang === 'vi' && !s.large && !s.citizen;
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

  const overlay = (
    <IssueOverlay
      issuing={s.issuing}
      error={s.error}
      canRetry={!!s.pending}
      disabled={!canTap(s)}
      onRetry={() => {
        const q = s.pending;
        if (q)
          void issue({
            areaId: q.areaId,
            procedureId: q.procedureId ?? null,
            priority: q.priority,
            priorityGroup: q.priorityGroup,
          });
      }}
      onClose={() => dispatch({ type: 'dismissError' })}
    />
  );
  const config = s.config;
  const body = (
    <KioskBody
      s={{ ...s, config }}
      dispatch={dispatch}
      clockOffset={clockOffset}
      printerWarning={printerWarning}
      counters={counters}
      idleSeconds={idleSeconds}
      issue={(c, extra) => void issue(c, extra)}
    />
  );
  return (
    <TextContext.Provider value={text}>
      {body}
      {overlay}
      <IdleCountdown secondsLeft={idleLeft} />
    </TextContext.Provider>
  );
}
