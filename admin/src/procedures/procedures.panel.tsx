import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AdminApi, Procedure } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Notice, Section } from '../admin.fields.tsx';
import type { Catalog } from '../catalog/catalog.hook.ts';
import { PAGE } from './procedure.diff.ts';
import { ProcedureForm } from './procedure.form.tsx';
import { ProcedureImport } from './procedure.import.tsx';
import {
  blankProcedure,
  draftOfProcedure,
  procedureBody,
  validateProcedure,
  type Errors,
  type ProcedureDraft,
} from './procedure.validate.ts';

/**
 * The catalogue of procedures (thủ tục hành chính): search as the admin types (the kiosk's own search), filter by
 * area, create, edit, withdraw, import a file. Only the answer to the latest query is shown.
 */
export function ProceduresPanel(props: { api: AdminApi; catalog: Catalog }) {
  const { api, catalog } = props;
  const [q, setQ] = useState('');
  const [areaId, setAreaId] = useState('');
  const [list, setList] = useState<Procedure[] | null>(null);
  const [draft, setDraft] = useState<ProcedureDraft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const rows = await api.procedures({ q: q.trim(), areaId, limit: PAGE });
      if (mine === seq.current) setList(rows);
    } catch (err) {
      if (mine === seq.current) setMsg({ kind: 'error', text: errorText(err) });
    }
  }, [api, q, areaId]);
  useEffect(() => {
    void load();
  }, [load]);

  const edit = (d: ProcedureDraft | null) => {
    setDraft(d);
    setErrors({});
    setMsg(null);
  };
  const set = (p: Partial<ProcedureDraft>) => setDraft((d) => (d ? { ...d, ...p } : d));

  async function save() {
    if (!draft) return;
    const errs = validateProcedure(draft, list ?? []);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body = procedureBody(draft);
    setBusy(true);
    try {
      await api.saveProcedure(body, draft.id);
      setMsg({ kind: 'ok', text: `Đã lưu thủ tục ${body.code} – ${body.name}.` });
      setDraft(null);
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  async function withdraw(p: Procedure) {
    const ask = `Ngừng áp dụng thủ tục ${p.code} – ${p.name}? Ki-ốt sẽ không còn hiển thị thủ tục này; các số đã cấp vẫn giữ thủ tục.`;
    if (!confirm(ask)) return;
    try {
      await api.withdrawProcedure(p.id);
      setMsg({ kind: 'ok', text: `Đã ngừng áp dụng thủ tục ${p.code}.` });
      if (draft?.id === p.id) setDraft(null);
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  const areaLabel = (p: Procedure) => `${p.areaCode} – ${p.areaName}`;
  /** The server marks, for the admin only, a procedure the public cannot see: its area or department is inactive. */
  const UNLISTED: Record<NonNullable<Procedure['unlisted']>, string> = {
    area_inactive: 'Lĩnh vực đã ngừng hoạt động: ki-ốt và công dân không thấy thủ tục này.',
    department_inactive: 'Sở, ngành đã ngừng hoạt động: ki-ốt và công dân không thấy thủ tục này.',
  };
  return (
    <>
      <Section
        title="Thủ tục hành chính"
        actions={
          <button class="btn btn-primary" onClick={() => edit(blankProcedure(areaId || catalog.areas[0]?.id))}>
            + Thêm thủ tục
          </button>
        }
      >
        {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
        {draft && (
          <ProcedureForm
            draft={draft}
            errors={errors}
            areas={catalog.areas}
            busy={busy}
            onChange={set}
            onSubmit={() => void save()}
            onCancel={() => setDraft(null)}
          />
        )}
        <div class="row-line" role="search">
          <label class="field wide">
            <span class="field-label">Tìm thủ tục</span>
            <input
              type="search"
              name="q"
              placeholder="Tên, mã hoặc từ khoá, ví dụ: khai sinh, so do, 2.000488"
              value={q}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span class="field-label">Lĩnh vực</span>
            <select name="areaFilter" value={areaId} onChange={(e) => setAreaId(e.currentTarget.value)}>
              <option value="">Tất cả lĩnh vực</option>
              {catalog.areas.map((a) => (
                <option value={a.id} key={a.id}>
                  {a.code} – {a.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        {list === null ? (
          <p class="muted">Đang tải…</p>
        ) : list.length === 0 ? (
          <p class="muted" data-testid="no-procedures">
            {q.trim() ? `Không tìm thấy thủ tục nào cho «${q.trim()}».` : 'Chưa có thủ tục nào.'}
          </p>
        ) : (
          <>
            <p class="muted" data-testid="procedure-count">
              {list.length >= PAGE
                ? `Hiển thị ${PAGE} thủ tục đầu tiên; hãy tìm hoặc lọc để thu hẹp.`
                : `${list.length} thủ tục.`}
            </p>
            <table class="data-table">
              <thead>
                <tr>
                  <th>Mã</th>
                  <th>Tên thủ tục</th>
                  <th>Lĩnh vực</th>
                  <th>Thời hạn</th>
                  <th>Phí, lệ phí</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id} data-procedure={p.code}>
                    <td>
                      <b>{p.code}</b>
                      {p.source === 'province' && (
                        <span
                          class="status-chip"
                          data-testid="from-province"
                          title="Danh mục của tỉnh: sửa tại máy chủ tỉnh"
                        >
                          Từ tỉnh
                        </span>
                      )}
                    </td>
                    <td>
                      {p.name}
                      {p.unlisted && (
                        <>
                          {' '}
                          <span class="status-chip warn" data-testid="unlisted" title={UNLISTED[p.unlisted]}>
                            Không hiển thị cho công dân
                          </span>
                          <div class="warn-text">{UNLISTED[p.unlisted]}</div>
                        </>
                      )}
                    </td>
                    <td>{areaLabel(p)}</td>
                    <td>{p.timeLimit || '—'}</td>
                    <td>{p.fee || '—'}</td>
                    <td class="row-actions">
                      <button class="btn btn-soft btn-sm" onClick={() => edit(draftOfProcedure(p))}>
                        Sửa
                      </button>{' '}
                      <button class="btn btn-ghost btn-sm" onClick={() => void withdraw(p)}>
                        Ngừng áp dụng
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Section>
      <ProcedureImport api={api} catalog={catalog} onImported={load} />
    </>
  );
}
