import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { ApiError, createApiClient } from '@client/api.client';
import { connectQueueSocket } from '@client/socket.client';
import type { CounterDto, PublicConfigDto } from '@contract/dto';
import { forgetDeviceToken, saveDeviceToken, takeDeviceToken } from '../../ui/src/device-token.ts';
import { OfflineBanner } from './offline.banner.tsx';
import { PairScreen } from './pair.screen.tsx';
import { RatingView } from './rating.screen.tsx';
import { IDLE, keypadEvent, padReducer, phaseTimeoutMs } from './rating.state.ts';
import { useQueueSocket, useSocketEvents } from '@ui/queue-socket.hook';

export const RATING_TOKEN_KEY = 'hcc.rating.token';

/** Polite words for a refused rating: the citizen did nothing wrong. */
export function refusalText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'rating.duplicate') return 'Số này đã được đánh giá. Xin cảm ơn Quý khách!';
    if (e.code === 'rating.not_allowed') return 'Phiên đánh giá cho số này đã kết thúc.';
    return e.message;
  }
  return 'Chưa gửi được đánh giá. Xin lỗi Quý khách vì sự bất tiện.';
}

export function RatingApp({
  makeApi = createApiClient,
  connect = connectQueueSocket,
  initialToken,
}: {
  makeApi?: typeof createApiClient;
  connect?: typeof connectQueueSocket;
  initialToken?: string | null;
}) {
  const [token, setToken] = useState<string | null>(() =>
    initialToken !== undefined ? initialToken : takeDeviceToken(RATING_TOKEN_KEY),
  );
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const api = useMemo(() => makeApi({ getToken: () => tokenRef.current }), [makeApi]);
  const [pairReason, setPairReason] = useState<string | null>(null);
  const [config, setConfig] = useState<PublicConfigDto | null>(null);
  const [counterId, setCounterId] = useState<string | null>(null);
  const [counter, setCounter] = useState<CounterDto | null>(null);
  const [state, dispatch] = useReducer(padReducer, IDLE);
  const liveToken = token;
  const { socket, status } = useQueueSocket(
    liveToken ? () => connect({ auth: { token: liveToken } }) : null,
    liveToken,
  );
  // Online until a loss is seen: the offline banner is for a link that broke, not one still opening.
  const online = status !== 'offline';

  async function load() {
    try {
      const [cfg, me] = await Promise.all([api.config(), api.me()]);
      setConfig(cfg);
      if (me.kind !== 'device' || me.device?.kind !== 'rating') {
        setPairReason('Mã này không phải của thiết bị đánh giá.');
        forgetDeviceToken(RATING_TOKEN_KEY);
        setToken(null);
        return;
      }
      const id = me.device.counterId;
      setCounterId(id);
      const cs = await api.counters();
      setCounter(cs.find((c) => c.id === id) ?? null);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
        forgetDeviceToken(RATING_TOKEN_KEY);
        setPairReason('Thiết bị chưa được ghép nối hoặc mã đã bị thu hồi.');
        setToken(null);
      }
    }
  }
  useEffect(() => {
    if (token) void load();
  }, [token]);

  const onSnapshot = () => void load();
  useSocketEvents(socket, {
    'rating:requested': (p) => {
      if (counterId && p.counterId !== counterId) return;
      // A question sent again on connect (after a reload) has only the time it has left.
      const timeoutMs =
        typeof p.remainingSeconds === 'number' && p.remainingSeconds > 0 ? p.remainingSeconds * 1000 : undefined;
      dispatch({
        type: 'requested',
        ticket: { id: p.ticket.id, number: p.ticket.number },
        clerkName: p.clerkName,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
    },
    'rating:closed': (p) => dispatch({ type: 'closed', ticketId: p.ticketId }),
    'config:updated': onSnapshot,
    'state:snapshot': onSnapshot,
  });

  // Sending is a state, so a double tap cannot send twice.
  useEffect(() => {
    if (state.phase !== 'sending') return;
    api
      .rate({ ticketId: state.ticket.id, level: state.level, reasons: state.reasons, comment: state.comment || null })
      .then(() => dispatch({ type: 'sent' }))
      .catch((e) => dispatch({ type: 'failed', text: refusalText(e) }));
  }, [state.phase === 'sending' ? state.ticket.id : null]);

  // Each screen (and each touch, which changes the state) restarts its own countdown back to idle.
  useEffect(() => {
    const ms = phaseTimeoutMs(state, config?.ratingTimeoutSeconds ?? 30);
    if (ms === null) return;
    const t = setTimeout(() => dispatch({ type: 'timeout' }), ms);
    return () => clearTimeout(t);
  }, [state, config?.ratingTimeoutSeconds]);

  // USB keypad: digits choose, Enter sends.
  const keyState = useRef({ state, config });
  keyState.current = { state, config };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { state: s, config: c } = keyState.current;
      if (!c) return;
      const typing = e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;
      if (typing && e.key !== 'Enter') return;
      const key = e.key.length === 1 || e.key === 'Enter' ? e.key : e.code.replace(/^Numpad/, '');
      const ev = keypadEvent(
        s,
        key === 'NumpadEnter' ? 'Enter' : key,
        c.ratingLevels,
        c.ratingReasons,
        c.ratingReasonLevels,
      );
      if (ev) {
        e.preventDefault();
        dispatch(ev);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!token) {
    return (
      <PairScreen
        api={api}
        reason={pairReason}
        onPaired={(t) => {
          saveDeviceToken(RATING_TOKEN_KEY, t);
          setPairReason(null);
          setToken(t);
        }}
      />
    );
  }
  return (
    <>
      <OfflineBanner online={online} />
      <RatingView state={state} config={config} counter={counter} dispatch={dispatch} />
    </>
  );
}
