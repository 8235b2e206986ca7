/** /display/counter/:number wired to the server (display token). */
import { useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { useNow } from '../shared/clock.view.tsx';
import { DEFAULT_TIME_ZONE } from '@ui/time.format';
import { useDisplaySession, type DisplaySession } from '../shared/display.session.ts';
import { PairingScreen } from '../shared/pairing.screen.tsx';
import { connectQueueSocket } from '@client/socket.client';
import { useQueueSocket } from '@ui/queue-socket.hook';
import { StartingScreen } from '../shared/starting.screen.tsx';
import { hallReducer, initialHallState, isFlashing } from '../hall/hall.state.ts';
import { SignScreen } from './sign.screen.tsx';

export function SignApp({ number }: { number: number }) {
  const { view, pair, reload, recheck } = useDisplaySession();
  if (view.phase === 'unpaired')
    return <PairingScreen title={`Bảng quầy số ${number}`} error={view.error} onPair={pair} />;
  if (view.phase === 'starting') return <StartingScreen offline={view.offline} />;
  return <SignLive number={number} session={view.session} reload={reload} recheck={recheck} />;
}

function SignLive({
  number,
  session,
  reload,
  recheck,
}: {
  number: number;
  session: DisplaySession;
  reload(): void;
  recheck(): void;
}) {
  const [state, dispatch] = useReducer(hallReducer, undefined, initialHallState);
  const syncedRef = useRef(false);
  syncedRef.current = state.synced;
  const [connectFailed, setConnectFailed] = useState(false);
  const auth = useMemo(() => ({ token: session.token }), [session.token]);
  // `auth` is memoised per token (ticket): a re-render with the same one keeps the socket.
  const { status } = useQueueSocket(auth && (() => connectQueueSocket({ auth })), auth, {
    connect_error: () => {
      setConnectFailed(true);
      recheck();
    },
    'state:snapshot': (st) => {
      const resync = syncedRef.current;
      dispatch({ type: 'snapshot', state: st, now: Date.now() });
      if (resync) reload();
    },
    'ticket:called': (call) => dispatch({ type: 'called', call, now: Date.now() }),
    'counter:updated': ({ counter }) => dispatch({ type: 'counter', counter }),
    'config:updated': () => reload(),
  });
  const connected = status === 'online';
  const tick = useNow();
  const counter = state.counters.find((c) => c.number === number) ?? null;
  const latest = counter ? state.calls.find((c) => c.counter.id === counter.id) : undefined;
  return (
    <SignScreen
      number={number}
      counter={counter}
      synced={state.synced}
      flashing={Boolean(
        latest && isFlashing(state, latest.key, tick) && latest.number === counter?.currentTicket?.number,
      )}
      offline={!connected && (state.synced || connectFailed)}
      now={tick + state.clockOffsetMs}
      timeZone={session.config.timeZone || DEFAULT_TIME_ZONE}
      centerName={session.config.centerName}
    />
  );
}
