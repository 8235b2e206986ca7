import { useEffect, useState } from 'preact/hooks';
import type { ProvinceLinkDto } from '@contract/dto';
import { formatDateTime } from '@ui/time.format';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Notice } from '../admin.fields.tsx';

const STATE: Record<ProvinceLinkDto['state'], string> = {
  off: 'Chưa kết nối',
  ok: 'Đang gửi bình thường',
  retrying: 'Mất kết nối, đang thử lại',
};

const lag = (s: number) =>
  s < 60 ? `${s} giây` : s < 3600 ? `${Math.round(s / 60)} phút` : `${Math.round(s / 3600)} giờ`;

/**
 * The link to the province hub (issue 14): its state and lag, refreshed every 15 s, and where it goes. The token
 * is write-only: the server only says whether one is set. Fields set by PROVINCE_URL/PROVINCE_TOKEN are read-only.
 */
export function ProvinceCard(props: { api: AdminApi; timeZone: string }) {
  const [link, setLink] = useState<ProvinceLinkDto | null>(null);
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  async function load() {
    try {
      setLink(await props.api.provinceLink());
    } catch {
      // An older server or a network blip: the card stays away rather than alarm beside the other sections.
      setLink(null);
    }
  }
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 15_000);
    return () => clearInterval(timer);
  }, []);
  async function save(e: Event) {
    e.preventDefault();
    try {
      const next = await props.api.saveProvinceLink({ url, ...(token ? { token } : {}) });
      setLink(next);
      setToken('');
      setEditing(false);
      setMsg({ kind: 'ok', text: 'Đã lưu kết nối tỉnh.' });
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }
  if (!link) return null;
  return (
    <div class="backup-card province-card" aria-label="Kết nối tỉnh">
      <div>
        <span class="muted">Kết nối tỉnh</span>
        <b data-state={link.state}>{STATE[link.state]}</b>
        {link.configured && (
          <span class="muted small">
            {link.pending > 0 ? `Chờ gửi ${link.pending} · trễ ${lag(link.lagSec)}` : 'Đã gửi hết'}
            {link.lastAckAt ? ` · lần cuối ${formatDateTime(Date.parse(link.lastAckAt), props.timeZone)}` : ''}
          </span>
        )}
        {link.lastError && <span class="muted small">{link.lastError}</span>}
      </div>
      {editing ? (
        <form onSubmit={save}>
          <label>
            Địa chỉ máy chủ tỉnh
            <input
              value={url}
              disabled={link.fromEnv.url}
              placeholder="https://tinh.example.vn"
              onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            Mã kết nối của trung tâm {link.tokenSet ? '(đã đặt; để trống: giữ nguyên)' : ''}
            <input
              type="password"
              value={token}
              disabled={link.fromEnv.token}
              autocomplete="off"
              onInput={(e) => setToken((e.target as HTMLInputElement).value)}
            />
          </label>
          <button class="btn btn-primary" type="submit">
            Lưu
          </button>
        </form>
      ) : (
        <button
          class="btn"
          onClick={() => {
            setUrl(link.url ?? '');
            setEditing(true);
          }}
        >
          Cấu hình
        </button>
      )}
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
    </div>
  );
}
