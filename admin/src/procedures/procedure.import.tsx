import { useState } from 'preact/hooks';
import { ApiError } from '@client/api.client';
import type { AdminApi, ProcedureImportResult } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Notice, Section } from '../admin.fields.tsx';
import type { Catalog } from '../catalog/catalog.hook.ts';
import { readSheets } from '../transfer/transfer.panel.tsx';
import { ChangeTable, showValue } from '../transfer/import.preview.tsx';
import { diffProcedures, loadAllProcedures, procedureRows, type ProcedureChange } from './procedure.diff.ts';
import { PROCEDURE_COLUMNS } from '@contract/procedure.columns';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const contentTypeOf = (f: File) => (/\.xlsx$/i.test(f.name) ? XLSX : 'text/csv; charset=utf-8');

const FIELD: Record<string, string> = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  areaCode: 'Lĩnh vực',
  area: 'Lĩnh vực',
  areaId: 'Lĩnh vực',
  timeLimit: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  documents: 'Thành phần hồ sơ',
  keywords: 'Từ khoá',
  active: 'Đang áp dụng',
};
interface RowError {
  row: number;
  message: string;
}
const rowErrorsOf = (e: unknown): RowError[] | null =>
  e instanceof ApiError && e.code === 'import.invalid' && Array.isArray(e.details)
    ? (e.details as Partial<RowError>[]).map((d) => ({ row: Number(d.row ?? 0), message: String(d.message ?? '') }))
    : null;

/**
 * Import a CSV or XLSX file of procedures: the file goes to the server's dry run first (the same checks, nothing
 * changed), the preview lists every row it would create or change, field by field, and "Nhập" sends the same bytes.
 * A server that answers only the counts (all the contract promises) gets the before → after computed here.
 */
export function ProcedureImport(props: { api: AdminApi; catalog: Catalog; onImported: () => Promise<void> }) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ProcedureImportResult | null>(null);
  const [changes, setChanges] = useState<ProcedureChange[]>([]);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setResult(null);
    setChanges([]);
    setRowErrors([]);
    setMsg(null);
  };

  async function pick(e: Event) {
    const f = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!f) return;
    reset();
    setFile(f);
    setBusy(true);
    try {
      const r = await props.api.importProcedures(f, contentTypeOf(f), { dryRun: true });
      setResult(r);
      setChanges(Array.isArray(r.changes) ? r.changes : await localDiff(f));
    } catch (err) {
      const rows = rowErrorsOf(err);
      if (rows) setRowErrors(rows);
      // Row errors are listed in their table below; the notice keeps to the one sentence.
      setMsg({ kind: 'error', text: `Chưa nhập gì. ${rows && err instanceof Error ? err.message : errorText(err)}` });
    } finally {
      setBusy(false);
    }
  }

  /** Before → after against what the server lists now (area by area, the same lists the kiosk reads). */
  async function localDiff(f: File): Promise<ProcedureChange[]> {
    try {
      const [sheet] = await readSheets([f]);
      const { all, full } = await loadAllProcedures(props.api, props.catalog.areas);
      if (!full)
        setMsg({ kind: 'info', text: 'Có lĩnh vực hơn 200 thủ tục: phần so sánh trước → sau có thể chưa đầy đủ.' });
      return sheet ? diffProcedures(procedureRows(sheet), all) : [];
    } catch (err) {
      // The server accepted the file; only the comparison is missing, and the counts still say what changes.
      setMsg({ kind: 'info', text: `Không so sánh được trước → sau (${errorText(err)}); số đếm ở trên vẫn đúng.` });
      return [];
    }
  }

  async function apply() {
    if (!file || !result || rowErrors.length) return;
    setBusy(true);
    try {
      const r = await props.api.importProcedures(file, contentTypeOf(file));
      reset();
      setFile(null);
      setMsg({
        kind: 'ok',
        text: `Đã nhập ${file.name}. Tạo mới: ${r.created}. Cập nhật: ${r.updated}. Giữ nguyên: ${r.unchanged}.`,
      });
      await props.onImported();
    } catch (err) {
      // The catalogue may have changed since the preview: the server's row errors replace it.
      const rows = rowErrorsOf(err);
      if (rows) {
        setRowErrors(rows);
        setResult(null);
      }
      setMsg({ kind: 'error', text: `Chưa nhập gì. ${rows && err instanceof Error ? err.message : errorText(err)}` });
    } finally {
      setBusy(false);
    }
  }

  const shown = changes.filter((c) => c.fields.length > 0);
  // The server's own preview names the area by id: shown as the admin knows it.
  const value = (field: string, v: unknown) => {
    const a = field === 'areaId' ? props.catalog.areas.find((x) => x.id === v) : undefined;
    return showValue(field, a ? `${a.code} – ${a.name}` : v);
  };
  return (
    <Section
      title="Nhập danh mục thủ tục"
      actions={
        <a class="btn btn-soft" href="/admin/mau-thu-tuc.csv" download="mau-thu-tuc.csv">
          Tải tệp mẫu
        </a>
      }
    >
      <p class="field-hint">
        Tệp CSV (UTF-8, phân cách bằng dấu , hoặc ;) hoặc Excel (XLSX), dòng đầu là tên cột:{' '}
        {Object.values(PROCEDURE_COLUMNS).join(', ')}. Thủ tục được so theo «Mã thủ tục»: mã mới được thêm, mã đã có
        được cập nhật. Một dòng lỗi thì không nhập dòng nào.
      </p>
      <label class="field">
        <span class="field-label">Chọn tệp</span>
        <input
          type="file"
          name="procedureFile"
          accept=".csv,.xlsx,text/csv"
          onChange={(e) => void pick(e)}
          aria-label="Chọn tệp thủ tục"
        />
      </label>
      {busy && <p class="muted">Đang kiểm tra tệp…</p>}
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      {rowErrors.length > 0 && (
        <table class="data-table compact" data-testid="import-errors">
          <thead>
            <tr>
              <th class="num">Dòng</th>
              <th>Lỗi</th>
            </tr>
          </thead>
          <tbody>
            {rowErrors.map((r, i) => (
              <tr key={i} data-row={r.row}>
                <td class="num">{r.row}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result && (
        <div class="import-diff" aria-live="polite">
          <p data-testid="import-summary">
            Xem trước {file?.name}: tạo mới {result.created}, cập nhật {result.updated}, giữ nguyên {result.unchanged}.
          </p>
          {shown.length > 0 && (
            <ChangeTable
              head="Thủ tục"
              testId="import-changes"
              rows={shown.map((c) => ({ ...c, id: c.code, title: c.code }))}
              label={(f) => FIELD[f] ?? f}
              value={value}
            />
          )}
          <div class="form-actions">
            <button class="btn btn-primary" disabled={busy} onClick={() => void apply()}>
              Nhập
            </button>
            <button class="btn btn-ghost" onClick={reset}>
              Huỷ
            </button>
          </div>
        </div>
      )}
    </Section>
  );
}
