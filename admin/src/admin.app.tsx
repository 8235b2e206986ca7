import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PublicConfigDto, UserDto } from '@contract/dto';
import { ApiError } from '@client/api.client';
import { DEFAULT_TIME_ZONE } from '@ui/time.format';
import { createAdminApi } from './admin.api.ts';
import { AdminScreen } from './admin.screen.tsx';
import { AppBar } from '../../ui/src/app.bar.tsx';
import { navigate, pathOf, useRoute, type Route } from './admin.router.ts';
import { canSee, loadToken, ROLE_LABEL, saveToken } from './admin.session.ts';
import { LoginScreen } from './login.screen.tsx';
import { MonitorScreen } from './monitor/monitor.screen.tsx';
import { ReportsScreen } from './reports/reports.screen.tsx';
import { BookingsScreen } from './bookings/bookings.screen.tsx';

const NAV: [Route, string][] = [
  ['settings', 'Quản trị'],
  ['monitor', 'Phòng điều hành'],
  ['reports', 'Báo cáo'],
  ['bookings', 'Lịch hẹn'],
];

/** Login gate, role check per route, top bar and the three parts of the admin app. */
export function AdminApp(props: { storage: Storage; fetch?: typeof fetch }) {
  const [token, setToken] = useState<string | null>(() => loadToken(props.storage));
  const [user, setUser] = useState<UserDto | null>(null);
  const [config, setConfig] = useState<PublicConfigDto | null>(null);
  const [checking, setChecking] = useState(Boolean(token));
  const route = useRoute();
  // A token just returned by login is already known good: no second check, no flash of the loading page.
  const fresh = useRef<string | null>(null);
  const api = useMemo(() => createAdminApi(() => token, props.fetch), [token]);

  const loadConfig = () => {
    api.config().then(setConfig, () => undefined);
  };
  useEffect(loadConfig, []);
  useEffect(() => {
    if (!token) {
      setUser(null);
      setChecking(false);
      return;
    }
    if (fresh.current === token) return;
    setChecking(true);
    api.me().then(
      (me) => {
        setUser(me.user ?? null);
        setChecking(false);
      },
      (e) => {
        // Only a refused session logs out; a dead network keeps the token for the next try.
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
          saveToken(props.storage, null);
          setToken(null);
        }
        setChecking(false);
      },
    );
  }, [token]);

  async function login(username: string, password: string) {
    const r = await api.login(username, password);
    saveToken(props.storage, r.token);
    fresh.current = r.token;
    setUser(r.user);
    setToken(r.token);
    if (!canSee(r.user.role, route) && canSee(r.user.role, 'monitor')) navigate('monitor');
  }
  async function logout() {
    try {
      await api.logout();
    } catch {
      /* leaving anyway */
    }
    saveToken(props.storage, null);
    setToken(null);
    setUser(null);
  }

  const centerName = config?.centerName ?? 'Trung tâm Phục vụ hành chính công';
  const timeZone = config?.timeZone ?? DEFAULT_TIME_ZONE;
  const levels = config?.ratingLevels ?? [];
  if (checking) return <div class="loading-page">Đang kiểm tra đăng nhập…</div>;
  if (!token || !user) return <LoginScreen centerName={centerName} onLogin={login} />;

  return (
    <div class={`app route-${route}`}>
      <AppBar
        title={config?.shortName || centerName}
        subtitle="Hệ thống xếp hàng tự động"
        nav={NAV.filter(([r]) => canSee(user.role, r))}
        route={route}
        pathOf={pathOf}
        navigate={navigate}
        user={{ name: user.displayName, role: ROLE_LABEL[user.role] }}
        onLogout={logout}
      />
      {!canSee(user.role, route) ? (
        <div class="no-access" role="alert">
          <h1>Bạn không có quyền</h1>
          <p>
            Tài khoản <b>{user.username}</b> ({ROLE_LABEL[user.role]}) không được xem mục này.{' '}
            {route === 'settings'
              ? 'Phần quản trị chỉ dành cho quản trị viên.'
              : 'Phòng điều hành, báo cáo và lịch hẹn dành cho lãnh đạo và quản trị viên.'}
          </p>
          <p>Nếu cần, vui lòng liên hệ quản trị viên của Trung tâm.</p>
          {canSee(user.role, 'monitor') ? (
            <button class="btn btn-primary" onClick={() => navigate('monitor')}>
              Đến phòng điều hành
            </button>
          ) : (
            <button class="btn btn-primary" onClick={logout}>
              Đăng nhập tài khoản khác
            </button>
          )}
        </div>
      ) : route === 'settings' ? (
        <AdminScreen api={api} user={user} timeZone={timeZone} onConfigChanged={loadConfig} />
      ) : route === 'bookings' ? (
        <BookingsScreen api={api} timeZone={timeZone} />
      ) : route === 'monitor' ? (
        <MonitorScreen api={api} token={token} timeZone={timeZone} levels={levels} centerName={centerName} />
      ) : (
        <ReportsScreen api={api} timeZone={timeZone} levels={levels} centerName={centerName} />
      )}
    </div>
  );
}
