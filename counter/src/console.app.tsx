import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, createApiClient, type ApiClient } from '@client/api.client';
import { connectQueueSocket } from '@client/socket.client';
import { clearSession, loadSession, saveSession, type Session } from './console.session.ts';
import { ConsoleScreen } from './console.screen.tsx';
import { CounterPicker } from './counters.screen.tsx';
import { LoginScreen } from './login.screen.tsx';
import { OfflineBanner } from './offline.banner.tsx';
import { useQueueSocket } from '@ui/queue-socket.hook';

type View = { name: 'login' } | { name: 'checking' } | { name: 'pick' } | { name: 'console'; counterId: string };

/** Login → (take a counter) → console; a clerk who already holds a counter goes straight to it. */
export function ConsoleApp({
  makeApi = createApiClient,
  connect = connectQueueSocket,
}: {
  makeApi?: typeof createApiClient;
  connect?: typeof connectQueueSocket;
}) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const tokenRef = useRef<string | null>(session?.token ?? null);
  tokenRef.current = session?.token ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  /** Said on the counter list after the console let the counter go ("Đã đóng quầy 1 — Tư pháp…"). */
  const [pickNotice, setPickNotice] = useState<string | null>(null);
  const expired = useRef<() => void>(() => undefined);
  expired.current = () => {
    clearSession();
    setSession(null);
    setNotice('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
  };
  // Any 401 after login (session expired, user locked) sends the clerk back to the login form.
  const api: ApiClient = useMemo(
    () =>
      makeApi({
        getToken: () => tokenRef.current,
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          if (res.status === 401 && tokenRef.current && !String(input).endsWith('/auth/login')) expired.current();
          return res;
        },
      }),
    [makeApi],
  );
  const [view, setView] = useState<View>(session ? { name: 'checking' } : { name: 'login' });
  const [centerName, setCenterName] = useState('');
  const liveToken = session?.token ?? null;
  const { socket, status } = useQueueSocket(
    liveToken ? () => connect({ auth: { token: liveToken } }) : null,
    liveToken,
  );
  // Online until a loss is seen: the offline banner is for a link that broke, not one still opening.
  const online = status !== 'offline';

  useEffect(() => {
    api
      .config()
      .then((c) => setCenterName(c.centerName))
      .catch(() => undefined);
  }, [api]);

  useEffect(() => {
    if (!session) {
      setView({ name: 'login' });
      return;
    }
    let live = true;
    api
      .me()
      .then((me) => {
        if (!live) return;
        setView(me.counterId ? { name: 'console', counterId: me.counterId } : { name: 'pick' });
      })
      .catch((e) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) {
          clearSession();
          setSession(null);
        } else setView({ name: 'pick' });
      });
    return () => {
      live = false;
    };
  }, [session?.token]);

  function logout() {
    void api.logout().catch(() => undefined);
    clearSession();
    setSession(null);
  }

  const user = session?.user;
  return (
    <div class="app">
      <OfflineBanner online={online || !session} />
      {view.name === 'login' && (
        <LoginScreen
          api={api}
          centerName={centerName}
          notice={notice}
          onLoggedIn={(token, u) => {
            const s = { token, user: u };
            saveSession(s);
            tokenRef.current = token;
            setNotice(null);
            setSession(s);
          }}
        />
      )}
      {view.name === 'checking' && <div class="loading">Đang tải…</div>}
      {view.name === 'pick' && user && (
        <div class="picker-shell">
          <header class="topbar">
            <div class="topbar-left">
              <div class="brand-mark small">HCC</div>
              <div>
                <div class="topbar-center">{centerName}</div>
                <div class="topbar-counter">Quầy giao dịch</div>
              </div>
            </div>
            <div class="topbar-right">
              <span class="topbar-user">{user.displayName}</span>
              <button class="btn btn-ghost" onClick={logout}>
                Đăng xuất
              </button>
            </div>
          </header>
          <CounterPicker
            api={api}
            user={user}
            socket={socket}
            notice={pickNotice}
            onOpened={(id) => {
              setPickNotice(null);
              setView({ name: 'console', counterId: id });
            }}
          />
        </div>
      )}
      {view.name === 'console' && user && (
        <ConsoleScreen
          key={view.counterId}
          api={api}
          user={user}
          counterId={view.counterId}
          socket={socket}
          onReleased={(message) => {
            setPickNotice(message);
            setView({ name: 'pick' });
          }}
          onLogout={logout}
        />
      )}
    </div>
  );
}
