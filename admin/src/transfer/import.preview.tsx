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

/** One changed row of a preview: its id (the rows' data-change), its name, whether it is new, each field's change. */
export interface ChangeRow {
  id: string;
  title: string;
  action: 'create' | 'update';
  fields: FieldChange[];
}

/**
 * Every changed field of every changed row, before → after (nothing "before" on a row the import creates), the
 * row named once beside its fields: the config import's preview and the procedure import's.
 */
export function ChangeTable(props: {
  head: string;
  rows: ChangeRow[];
  label: (field: string) => string;
  value: (field: string, v: unknown) => string;
  testId?: string;
}) {
  return (
    <table class="data-table compact" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.head}</th>
          <th>Trường</th>
          <th>Trước</th>
          <th>Sau</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((c) =>
          c.fields.map((f, i) => (
            <tr key={`${c.id}:${f.field}`} data-change={c.id}>
              {i === 0 && (
                <td rowSpan={c.fields.length}>
                  <b>{c.title}</b>{' '}
                  <span class={`status-chip ${c.action === 'create' ? 'ok' : 'warn'}`}>
                    {c.action === 'create' ? 'mới' : 'thay đổi'}
                  </span>
                </td>
              )}
              <td>{props.label(f.field)}</td>
              <td class="before">{c.action === 'create' ? '' : props.value(f.field, f.before)}</td>
              <td class="after">{props.value(f.field, f.after)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
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
        <ChangeTable
          head="Mục"
          rows={changes.map((c) => ({
            ...c,
            id: `${c.entity}:${c.key}`,
            title: `${ENTITY[c.entity]} ${c.entity === 'settings' ? '' : c.key}`.trim(),
          }))}
          label={(f) => FIELD[f] ?? f}
          value={showValue}
        />
      )}
    </div>
  );
}
