import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '@client/api.client';

/** An unpaired pad asks for the pairing code an administrator created for it. */
export function PairScreen({
  api,
  reason,
  onPaired,
}: {
  api: ApiClient;
  reason: string | null;
  onPaired: (token: string) => void;
}) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(reason);
  async function submit(e: Event) {
    e.preventDefault();
    if (busy || !code.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.pair(code.trim());
      if (res.device.kind !== 'rating') {
        setError('Mã này không dành cho thiết bị đánh giá.');
        return;
      }
      onPaired(res.token);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Không ghép nối được. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="pad pad-pair">
      <form class="pair-card" onSubmit={submit}>
        <h1>Ghép nối thiết bị đánh giá</h1>
        <p>Nhập mã ghép nối do quản trị viên cung cấp (trang Quản trị → Thiết bị).</p>
        <input
          name="code"
          inputMode="numeric"
          autoFocus
          value={code}
          placeholder="Mã ghép nối"
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        {error && (
          <div class="pair-error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Đang ghép nối…' : 'Ghép nối'}
        </button>
      </form>
    </div>
  );
}
