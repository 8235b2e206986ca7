/** /t/:ticketId wired to the server: no login, a socket that only hears about this ticket. */
import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { ApiError, createApiClient } from '@client/api.client';
import { DEFAULT_TIME_ZONE } from '@ui/time.format';
import { connectQueueSocket } from '@client/socket.client';
import { useQueueSocket } from '@ui/queue-socket.hook';
import { TrackScreen } from './track.screen.tsx';
import { trackReducer, type TrackState } from './track.state.ts';

const RETRY_MS = 4000;

export function TrackApp({ ticketId }: { ticketId: string | null }) {
  const api = useMemo(() => createApiClient({ timeoutMs: 8000 }), []);
  const [state, dispatch] = useReducer(trackReducer, undefined, (): TrackState =>
    ticketId ? { phase: 'loading' } : { phase: 'notfound' },
  );
  const [center, setCenter] = useState({ name: '', timeZone: DEFAULT_TIME_ZONE });

  useEffect(() => {
    api.config().then(
      (c) => setCenter({ name: c.centerName, timeZone: c.timeZone || DEFAULT_TIME_ZONE }),
      () => undefined,
    );
  }, [api]);

  useEffect(() => {
    if (!ticketId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      api.ticket(ticketId).then(
        (ticket) => {
          if (!stopped) dispatch({ type: 'loaded', ticket, now: Date.now() });
        },
        (err: unknown) => {
          if (stopped) return;
          if (err instanceof ApiError && err.status === 404) return dispatch({ type: 'notfound' });
          dispatch({ type: 'failed', message: err instanceof ApiError ? err.message : 'Mất kết nối tới máy chủ.' });
          timer = setTimeout(load, RETRY_MS);
        },
      );
    load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, ticketId]);

  // The socket starts once the ticket is known: an unknown id must not retry forever.
  const ready = state.phase === 'ready';
  const auth = useMemo(() => (ready && ticketId ? { ticketId } : null), [ready, ticketId]);
  const [connectFailed, setConnectFailed] = useState(false);
  // `auth` is memoised per token (ticket): a re-render with the same one keeps the socket.
  const { status } = useQueueSocket(auth && (() => connectQueueSocket({ auth })), auth, {
    connect_error: () => setConnectFailed(true),
    'state:snapshot': (s) => dispatch({ type: 'snapshot', state: s, now: Date.now() }),
    'ticket:updated': ({ ticket }) => dispatch({ type: 'updated', ticket, now: Date.now() }),
    'ticket:called': (call) => dispatch({ type: 'called', call, now: Date.now() }),
  });
  const connected = status === 'online';

  const liveCalls = state.phase === 'ready' ? state.liveCalls : 0;
  useEffect(() => {
    if (liveCalls === 0) return;
    // Where the browser allows it (Android Chrome after a tap; iOS ignores it).
    try {
      navigator.vibrate?.([400, 150, 400, 150, 800]);
    } catch {
      /* not allowed */
    }
  }, [liveCalls]);

  const title =
    state.phase === 'ready'
      ? state.ticket.status === 'called' && state.ticket.counter
        ? `🔔 Mời đến quầy ${state.ticket.counter.number}`
        : `Số ${state.ticket.number}`
      : 'Theo dõi số thứ tự';
  useEffect(() => {
    document.title = title;
  }, [title]);

  const [everConnected, setEverConnected] = useState(false);
  useEffect(() => {
    if (connected) setEverConnected(true);
  }, [connected]);
  // Says on the page whether live events arrive (tests wait for it instead of sleeping; a kiosk-mode
  // browser's devtools show it too).
  useEffect(() => {
    document.documentElement.dataset.live = connected ? '1' : '0';
  }, [connected]);
  // "Offline" only after a connection was lost or refused, not in the instant before the first one.
  const offline = ready && !connected && (everConnected || connectFailed);
  return <TrackScreen state={state} centerName={center.name} timeZone={center.timeZone} offline={offline} />;
}
