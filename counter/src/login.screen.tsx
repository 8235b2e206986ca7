import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '@client/api.client';
import type { UserDto } from '@contract/dto';

export function LoginScreen({
  api,
  centerName,
  notice = null,
  onLoggedIn,
}: {
  api: ApiClient;
  centerName: string;
  notice?: string | null;
  onLoggedIn: (token: string, user: UserDto) => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.login(username.trim(), password);
      onLoggedIn(res.token, res.user);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Không đăng nhập được. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="login-page">
      <form class="login-card" onSubmit={submit}>
        <div class="login-brand">
          <div class="brand-mark">HCC</div>
          <div>
            <div class="login-center">{centerName || 'Trung tâm Phục vụ hành chính công'}</div>
            <h1>Quầy giao dịch — Đăng nhập cán bộ</h1>
          </div>
        </div>
        <label>
          Tên đăng nhập
          <input
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            required
          />
        </label>
        <label>
          Mật khẩu
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </label>
        {notice && !error && (
          <div class="form-notice" role="status">
            {notice}
          </div>
        )}
        {error && (
          <div class="form-error" role="alert">
            {error}
          </div>
        )}
        <button class="btn btn-primary btn-block" type="submit" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </div>
  );
}
