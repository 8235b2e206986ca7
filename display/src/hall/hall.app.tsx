/** The hall display wired to the server: session, live state, voice. */
import { useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { useNow } from '../shared/clock.view.tsx';
import { DEFAULT_TIME_ZONE } from '@ui/time.format';
import { useDisplaySession, type DisplaySession } from '../shared/display.session.ts';
import { PairingScreen } from '../shared/pairing.screen.tsx';
import { connectQueueSocket } from '@client/socket.client';
import { useQueueSocket } from '@ui/queue-socket.hook';
import { StartingScreen } from '../shared/starting.screen.tsx';
import { HallScreen } from './hall.screen.tsx';
import { useHallSound } from './hall.sound.hook.ts';
import {
  callInFilter,
  hallReducer,
  initialHallState,
  isFlashing,
  parseHallFilter,
  visibleAreas,
  visibleCalls,
  visibleCounters,
} from './hall.state.ts';

export function HallApp() {
  const { view, pair, reload, recheck } = useDisplaySession();
  if (view.phase === 'unpaired') return <PairingScreen title="Màn hình sảnh" error={view.error} onPair={pair} />;
  if (view.phase === 'starting') return <StartingScreen offline={view.offline} />;
  return <HallLive session={view.session} reload={reload} recheck={recheck} />;
}

function HallLive({ session, reload, recheck }: { session: DisplaySession; reload(): void; recheck(): void }) {
  const [state, dispatch] = useReducer(hallReducer, undefined, initialHallState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const filter = useMemo(() => parseHallFilter(session.device.settings), [session.device.settings]);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const { sound, view: soundView, unlock } = useHallSound(session.config);
  const auth = useMemo(() => ({ token: session.token }), [session.token]);

  const [connectFailed, setConnectFailed] = useState(false);
  // `auth` is memoised per token (ticket): a re-render with the same one keeps the socket.
  const { status } = useQueueSocket(auth && (() => connectQueueSocket({ auth })), auth, {
    connect_error: () => {
      setConnectFailed(true);
      recheck();
    },
    'state:snapshot': (st) => {
      // Calls in a snapshot were said before (or while this screen was away): never say them now.
      for (const c of st.recentCalls) sound.markSeen(c);
      const resync = stateRef.current.synced;
      dispatch({ type: 'snapshot', state: st, now: Date.now() });
      if (resync) reload(); // settings or names may have changed while we were away
    },
    'ticket:called': (call) => {
      dispatch({ type: 'called', call, now: Date.now() });
      if (callInFilter(filterRef.current, call, stateRef.current, sessionRef.current.areas)) sound.announce(call);
    },
    'counter:updated': ({ counter }) => dispatch({ type: 'counter', counter }),
    // A transfer sends the ticket back to a queue: it leaves the big box at the old counter.
    'ticket:updated': ({ ticket }) => dispatch({ type: 'ticket', ticket }),
    'queue:updated': ({ areaId, waiting }) => dispatch({ type: 'queue', areaId, waiting }),
    'config:updated': () => reload(),
  });
  const connected = status === 'online';

  const tick = useNow();
  const calls = visibleCalls(state, filter, session.areas);
  const flashKey = calls.find((c) => isFlashing(state, c.key, tick))?.key ?? null;
  return (
    <HallScreen
      centerName={session.config.centerName}
      timeZone={session.config.timeZone || DEFAULT_TIME_ZONE}
      now={tick + state.clockOffsetMs}
      notice={session.config.notice ?? ''}
      calls={calls}
      flashKey={flashKey}
      counters={visibleCounters(state, filter, session.areas)}
      areas={visibleAreas(state, filter, session.areas)}
      offline={!connected && (state.synced || connectFailed)}
      portrait={typeof matchMedia === 'function' && matchMedia('(orientation: portrait)').matches}
      sound={soundView}
      onUnlock={unlock}
    />
  );
}
