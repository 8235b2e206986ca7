import type { FieldChange, ImportChange, ImportResultDto } from '@contract/dto';

/**
 * What an import would change, as the server computed it on a dry run: every changed row, every changed field,
 * before → after. A sample file once rewired two counters while the old preview said only "3 quầy … cập nhật"
 * (issue 11, defect 19); nothing is changed that this list does not show.
 */
const ENTITY: Record<ImportChange['entity'], string> = {
  department: 'Sở, ngành',
  area: 'Lĩnh vực',
  counter: 'Quầy',
  procedure: 'Thủ tục',
  settings: 'Cấu hình chung',
};
const FIELD: Record<string, string> = {
  name: 'Tên',
  department: 'Sở, ngành',
  numberStart: 'Số bắt đầu',
  numberEnd: 'Số kết thúc',
  dailyLimit: 'Giới hạn mỗi ngày',
  targetWaitMinutes: 'Thời gian chờ mục tiêu (phút)',
  areas: 'Lĩnh vực phục vụ',
  active: 'Đang sử dụng',
  // A procedure's fields (config documents carry the catalogue of procedures too).
  area: 'Lĩnh vực',
  timeLimit: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  documents: 'Thành phần hồ sơ',
  keywords: 'Từ khoá',
};

export function showValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return field === 'dailyLimit' ? 'không giới hạn' : '—';
  if (Array.isArray(v))
    return v.length ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : '(không có)';
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

const plural = (n: number, what: string) => `${n} ${what}`;
function summary(r: ImportResultDto): string {
  const part = (o: ImportResultDto['created']) =>
    [
      plural(o.departments, 'sở ngành'),
      plural(o.areas, 'lĩnh vực'),
      plural(o.counters, 'quầy'),
      ...(o.procedures ? [plural(o.procedures, 'thủ tục')] : []),
    ].join(', ');
  const settings = r.changes.some((c) => c.entity === 'settings') ? '; cấu hình chung thay đổi' : '';
  return `Tạo mới: ${part(r.created)}. Thay đổi: ${part(r.updated)}${settings}. Giữ nguyên: ${part(r.unchanged)}.`;
}

function FieldRows({ change }: { change: ImportChange }) {
  const title = `${ENTITY[change.entity]} ${change.entity === 'settings' ? '' : change.key}`.trim();
  return (
    <>
      {change.fields.map((f: FieldChange, i) => (
        <tr key={`${change.entity}:${change.key}:${f.field}`} data-change={`${change.entity}:${change.key}`}>
          {i === 0 && (
            <td rowSpan={change.fields.length}>
              <b>{title}</b>{' '}
              {change.action === 'create' ? (
                <span class="status-chip ok">mới</span>
              ) : (
                <span class="status-chip warn">thay đổi</span>
              )}
            </td>
          )}
          <td>{FIELD[f.field] ?? f.field}</td>
          <td class="before">{change.action === 'create' ? '' : showValue(f.field, f.before)}</td>
          <td class="after">{showValue(f.field, f.after)}</td>
        </tr>
      ))}
    </>
  );
}

export function ImportPreview({ result }: { result: ImportResultDto }) {
  const changes = result.changes.filter((c) => c.fields.length > 0 || c.action === 'create');
  return (
    <div class="import-diff" aria-live="polite">
      <p data-testid="import-summary">{summary(result)}</p>
      {changes.length === 0 ? (
        <p class="muted">Tệp này không thay đổi gì so với hệ thống.</p>
      ) : (
        <table class="data-table compact">
          <thead>
            <tr>
              <th>Mục</th>
              <th>Trường</th>
              <th>Trước</th>
              <th>Sau</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <FieldRows key={`${c.entity}:${c.key}`} change={c} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
