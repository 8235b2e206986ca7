import { useEffect, useState } from 'preact/hooks';
import type { AdminApi, AuditEntry } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { formatDateTime } from '@ui/time.format';
import { Notice, Section } from '../admin.fields.tsx';

const ACTIONS: Record<string, string> = {
  'settings.update': 'Sửa cấu hình chung',
  'area.create': 'Thêm lĩnh vực',
  'area.update': 'Sửa lĩnh vực',
  'area.open': 'Mở cấp số',
  'area.close': 'Tạm ngừng cấp số',
  'department.create': 'Thêm sở, ngành',
  'department.update': 'Sửa sở, ngành',
  'counter.create': 'Thêm quầy',
  'counter.update': 'Sửa quầy',
  'user.create': 'Tạo người dùng',
  'user.update': 'Sửa người dùng',
  'device.create': 'Tạo thiết bị',
  'device.update': 'Sửa thiết bị',
  'device.revoke': 'Thu hồi thiết bị',
  'counter.open': 'Nhận quầy',
  'counter.close': 'Đóng quầy',
  'counter.pause': 'Tạm dừng quầy',
  'counter.resume': 'Tiếp tục quầy',
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập sai',
  'config.import': 'Nhập cấu hình',
  'backup.create': 'Sao lưu',
};
export const actionLabel = (a: string) => ACTIONS[a] ?? a;
const ENTITIES: Record<string, string> = {
  area: 'Lĩnh vực',
  counter: 'Quầy',
  department: 'Sở, ngành',
  device: 'Thiết bị',
  user: 'Người dùng',
  settings: 'Cấu hình',
  config: 'Cấu hình',
  backup: 'Sao lưu',
  ticket: 'Số thứ tự',
};

/** Who changed what, newest first; older pages on demand. */
export function AuditPanel(props: { api: AdminApi; timeZone: string }) {
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(true);
  const [error, setError] = useState('');
  const [names, setNames] = useState<Map<string, string>>(new Map());
  async function load(before?: number) {
    try {
      const page = await props.api.audit(before, 100);
      setRows((r) => (before ? [...r, ...page] : page));
      setMore(page.length === 100);
    } catch (e) {
      setError(errorText(e));
    }
  }
  useEffect(() => {
    void load();
    // Ids mean nothing to a reader: show usernames and device names where we can.
    Promise.all([props.api.users().catch(() => []), props.api.devices().catch(() => [])]).then(([u, d]) =>
      setNames(new Map([...u.map((x) => [x.id, x.username] as const), ...d.map((x) => [x.id, x.name] as const)])),
    );
  }, []);
  return (
    <Section
      title="Nhật ký thao tác"
      actions={
        <button class="btn btn-soft" onClick={() => load()}>
          Làm mới
        </button>
      }
    >
      {error && <Notice kind="error">{error}</Notice>}
      <table class="data-table compact">
        <thead>
          <tr>
            <th>Thời điểm</th>
            <th>Người / thiết bị</th>
            <th>Thao tác</th>
            <th>Đối tượng</th>
            <th>Chi tiết</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td class="nowrap">{formatDateTime(r.at, props.timeZone)}</td>
              <td>
                {r.actorKind === 'user' ? '' : `${r.actorKind === 'device' ? 'thiết bị' : r.actorKind}: `}
                {r.actorId ? (names.get(r.actorId) ?? r.actorId) : '—'}
              </td>
              <td>{actionLabel(r.action)}</td>
              <td>
                {r.entity ? (ENTITIES[r.entity] ?? r.entity) : ''}
                {r.entityId ? ` ${names.get(r.entityId) ?? r.entityId}` : ''}
              </td>
              <td class="audit-data">{r.data ? JSON.stringify(r.data).slice(0, 240) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && rows.length > 0 && (
        <button class="btn btn-soft" onClick={() => load(rows[rows.length - 1]!.id)}>
          Xem cũ hơn
        </button>
      )}
    </Section>
  );
}
