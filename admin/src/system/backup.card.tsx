import { useEffect, useState } from 'preact/hooks';
import type { AdminApi, BackupInfo } from '../admin.api.ts';
import { errorText, isUnsupported } from '../admin.errors.ts';
import { formatDateTime } from '@ui/time.format';
import { bytes } from '@ui/number.format';
import { Notice } from '../admin.fields.tsx';

/** The last backup and a button to take one now. */
export function BackupCard(props: { api: AdminApi; timeZone: string }) {
  const [last, setLast] = useState<BackupInfo | null | undefined>(undefined);
  const [count, setCount] = useState(0);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function load() {
    try {
      const r = await props.api.backups();
      setLast(r.lastBackup);
      setCount(r.backups?.length ?? 0);
    } catch (e) {
      setLast(null);
      setMsg({
        kind: isUnsupported(e) ? 'info' : 'error',
        text: isUnsupported(e) ? 'Máy chủ chưa hỗ trợ sao lưu từ giao diện (chưa hỗ trợ).' : errorText(e),
      });
    }
  }
  useEffect(() => {
    void load();
  }, []);
  async function run() {
    setBusy(true);
    // Reload first: "done" must never show beside the previous backup's date.
    try {
      await props.api.runBackup();
      await load();
      setMsg({ kind: 'ok', text: 'Đã sao lưu xong.' });
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="backup-card">
      <div>
        <span class="muted">Sao lưu gần nhất</span>
        <b>
          {last === undefined
            ? '…'
            : last
              ? `${formatDateTime(last.at, props.timeZone)} · ${bytes(last.bytes)}`
              : 'Chưa có'}
        </b>
        {last && (
          <span class="muted small">
            {last.file}
            {count > 1 ? ` · ${count} bản` : ''}
          </span>
        )}
      </div>
      <button class="btn btn-primary" onClick={run} disabled={busy}>
        {busy ? 'Đang sao lưu…' : 'Sao lưu ngay'}
      </button>
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
    </div>
  );
}
