import { useMemo, useState } from 'preact/hooks';
import { DEFAULT_TIME_ZONE } from '@ui/time.format';
import { LoginScreen } from '../../../admin/src/login.screen.tsx';
import { ControlRoom } from './control/control.screen.tsx';
import { createProvinceApi } from './province.api.ts';
import { AppBar } from '../../../ui/src/app.bar.tsx';
import { navigate, pathOf, useRoute, type Route } from './province.router.ts';
import { loadSession, ROLE_LABEL, saveSession, type Session } from './province.session.ts';
import { ProvinceReports } from './reports/province.reports.screen.tsx';

const NAV: [Route, string][] = [
  ['control', 'Phòng điều hành'],
  ['reports', 'Báo cáo'],
];
export const PROVINCE_NAME = 'Trung tâm Phục vụ hành chính công tỉnh';

/** Login gate, top bar and the hub's two screens; any 401 from the hub sends the person back to the login. */
export function ProvinceApp(props: { storage: Storage; fetch?: typeof fetch; now?: () => number; pollMs?: number }) {
  const [session, setSession] = useState<Session | null>(() => loadSession(props.storage));
  const route = useRoute();
  const api = useMemo(() => createProvinceApi(() => session?.token ?? null, props.fetch), [session?.token]);
  const timeZone = DEFAULT_TIME_ZONE;

  async function login(username: string, password: string) {
    const r = await api.login(username, password);
    const s = { token: r.token, user: r.user };
    saveSession(props.storage, s);
    setSession(s);
  }
  function signedOut() {
    saveSession(props.storage, null);
    setSession(null);
  }
  async function logout() {
    try {
      await api.logout();
    } catch {
      /* leaving anyway */
    }
    signedOut();
  }

  if (!session) return <LoginScreen centerName={`${PROVINCE_NAME} — phòng điều hành tỉnh`} onLogin={login} />;
  const { user } = session;
  return (
    <div class={`app pv-app route-${route}`}>
      <AppBar
        title="Phòng điều hành tỉnh"
        subtitle="Hệ thống xếp hàng tự động · các trung tâm trong tỉnh"
        nav={NAV}
        route={route}
        pathOf={pathOf}
        navigate={navigate}
        user={{ name: user.displayName, role: ROLE_LABEL[user.role] ?? user.role }}
        onLogout={logout}
      />
      <main class="pv-main">
        {route === 'control' ? (
          <ControlRoom
            api={api}
            timeZone={timeZone}
            onUnauthorized={signedOut}
            {...(props.now ? { now: props.now } : {})}
            {...(props.pollMs ? { pollMs: props.pollMs } : {})}
          />
        ) : (
          <ProvinceReports
            api={api}
            timeZone={timeZone}
            provinceName={PROVINCE_NAME}
            onUnauthorized={signedOut}
            {...(props.now ? { now: props.now } : {})}
          />
        )}
      </main>
    </div>
  );
}
