import { useState } from 'preact/hooks';

/** Shown on an unpaired display: the admin gives a pairing code (or opens the page with ?token=). */
export function PairingScreen(props: {
  title: string;
  error: string | null;
  onPair(code: string): Promise<string | null>;
}) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!code.trim() || busy) return;
    setBusy(true);
    setError(await props.onPair(code));
    setBusy(false);
  };
  return (
    <main class="pairing">
      <form class="pairing-card" onSubmit={submit}>
        <h1>{props.title}</h1>
        <p>Màn hình này chưa được ghép nối. Nhập mã ghép nối do quản trị viên cấp (trang Quản trị → Thiết bị).</p>
        <input
          aria-label="Mã ghép nối"
          value={code}
          onInput={(e) => setCode((e.target as HTMLInputElement).value)}
          placeholder="Mã ghép nối"
          autoFocus
          inputMode="numeric"
        />
        <button type="submit" disabled={busy || !code.trim()}>
          {busy ? 'Đang ghép nối…' : 'Ghép nối'}
        </button>
        {(error ?? props.error) && (
          <p class="pairing-error" role="alert">
            {error ?? props.error}
          </p>
        )}
      </form>
    </main>
  );
}
