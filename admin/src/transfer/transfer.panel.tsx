import { useState } from 'preact/hooks';
import type { AdminApi, ConfigDoc } from '../admin.api.ts';
import { errorText, isUnsupported } from '../admin.errors.ts';
import { Notice, saveBlob, Section } from '../admin.fields.tsx';
import { businessDay } from '@ui/time.format';
import type { Catalog } from '../catalog/catalog.hook.ts';
import { parseCsv, toCsv } from './csv.parse.ts';
import { flatRows, planImport, type ImportPlan, type SheetRows } from './import.parse.ts';
import { ImportPreview } from './import.preview.tsx';
import type { ImportResultDto } from '@contract/dto';

/** The layout as the import/export document, built from what the screens already loaded. */
export function docFromCatalog(c: Catalog): ConfigDoc {
  const deptCode = new Map(c.departments.map((d) => [d.id, d.code]));
  const areaCode = new Map(c.areas.map((a) => [a.id, a.code]));
  return {
    departments: c.departments.map((d) => ({ code: d.code, name: d.name })),
    areas: c.areas.map((a) => ({
      code: a.code,
      department: deptCode.get(a.departmentId) ?? a.departmentCode,
      name: a.name,
      numberStart: a.numberStart,
      numberEnd: a.numberEnd,
      dailyLimit: a.dailyLimit,
      targetWaitMinutes: a.targetWaitMinutes,
    })),
    counters: c.counters.map((x) => ({
      number: x.number,
      name: x.name,
      areas: x.areaIds.map((id) => areaCode.get(id)).filter((v): v is string => Boolean(v)),
    })),
  };
}

export async function readSheets(files: File[]): Promise<SheetRows[]> {
  const out: SheetRows[] = [];
  for (const f of files) {
    if (/\.xlsx$/i.test(f.name)) {
      // Loaded on demand: most visits to the admin never import a spreadsheet.
      const { default: readXlsxFile } = await import('read-excel-file/browser');
      for (const s of await readXlsxFile(f))
        out.push({
          name: `${f.name} › ${s.sheet}`,
          rows: s.data.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))),
        });
    } else out.push({ name: f.name, rows: parseCsv(await f.text()) });
  }
  return out;
}

/** Import the layout from CSV/XLSX (preview, errors per row, then send) and export it as JSON or CSV. */
export function TransferPanel(props: { api: AdminApi; catalog: Catalog; reload: () => Promise<void> }) {
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  /** The server's dry run of this plan: every row and field it would change. Nothing is sent without it. */
  const [preview, setPreview] = useState<ImportResultDto | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function pick(e: Event) {
    const files = [...((e.currentTarget as HTMLInputElement).files ?? [])];
    if (!files.length) return;
    setMsg(null);
    setPreview(null);
    setPreviewError(null);
    let next: ImportPlan;
    try {
      // Planned against the server's catalog as it is now, never the screen's copy: a file picked before the
      // page had loaded it would otherwise rename every counter of a flat sheet to "Quầy N".
      const [departments, areas, counters] = await Promise.all([
        props.api.departments(true),
        props.api.areas(true),
        props.api.counters(true),
      ]);
      const c: Catalog = { departments, areas, counters };
      next = planImport(await readSheets(files), {
        departments: c.departments.map((d) => d.code),
        areas: c.areas.map((a) => a.code),
        counterNames: Object.fromEntries(c.counters.map((x) => [x.number, x.name])),
        blocks: c.areas.filter((a) => a.active),
      });
      setPlan(next);
    } catch (err) {
      setPlan(null);
      setMsg({ kind: 'error', text: `Không đọc được tệp: ${errorText(err)}` });
      return;
    }
    if (next.errors.length) return;
    // The server says what would change (same checks, same transaction, rolled back): before → after per row.
    try {
      setPreview(await props.api.importConfig(next.doc, { dryRun: true }));
    } catch (err) {
      setPreviewError(errorText(err));
    }
  }

  async function send() {
    if (!plan || plan.errors.length || !preview) return;
    setBusy(true);
    try {
      const r = await props.api.importConfig(plan.doc);
      const n = (o: Record<string, number> | undefined) =>
        `${o?.departments ?? 0} sở ngành, ${o?.areas ?? 0} lĩnh vực, ${o?.counters ?? 0} quầy`;
      setMsg({
        kind: 'ok',
        text: `Đã nhập. Tạo mới: ${n(r.created)}. Thay đổi: ${n(r.updated)}. Giữ nguyên: ${n(r.unchanged)}.`,
      });
      setPlan(null);
      setPreview(null);
      await props.reload();
    } catch (err) {
      setMsg({ kind: 'error', text: `Chưa nhập gì. ${errorText(err)}` });
    } finally {
      setBusy(false);
    }
  }

  async function exportDoc(): Promise<ConfigDoc> {
    try {
      return await props.api.exportConfig();
    } catch (err) {
      if (!isUnsupported(err)) throw err;
      setMsg({
        kind: 'info',
        text: 'Máy chủ chưa hỗ trợ xuất cấu hình (chưa hỗ trợ): tệp được lập từ dữ liệu đang hiển thị, không gồm cấu hình chung.',
      });
      return docFromCatalog(props.catalog);
    }
  }
  const day = businessDay(Date.now());
  async function exportJson() {
    try {
      saveBlob(
        new Blob([JSON.stringify(await exportDoc(), null, 2)], { type: 'application/json' }),
        `cau-hinh-${day}.json`,
      );
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }
  async function exportCsv() {
    try {
      saveBlob(
        new Blob([toCsv(flatRows(await exportDoc()))], { type: 'text/csv;charset=utf-8' }),
        `cau-hinh-${day}.csv`,
      );
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  return (
    <Section title="Nhập / xuất cấu hình">
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      <div class="grid-2">
        <div class="sub-card">
          <h3>Xuất cấu hình</h3>
          <p class="muted">Sở, ngành, lĩnh vực và quầy — để lưu trữ hoặc chuyển sang máy chủ khác.</p>
          <div class="row-line">
            <button class="btn btn-soft" onClick={exportJson}>
              Tải tệp JSON
            </button>
            <button class="btn btn-soft" onClick={exportCsv}>
              Tải tệp CSV
            </button>
          </div>
        </div>
        <div class="sub-card">
          <h3>Nhập từ CSV hoặc Excel (.xlsx)</h3>
          <p class="muted">
            Một bảng phẳng, hoặc mỗi bảng một loại (sở ngành, lĩnh vực, quầy). Mục đã có (cùng mã, cùng số quầy) được
            cập nhật; trước khi nhập, máy chủ cho xem mọi thay đổi (trước → sau).{' '}
            <a href="/admin/mau-nhap-lieu.csv" download>
              Tải tệp mẫu
            </a>
          </p>
          <label class="btn btn-soft file-btn">
            Chọn tệp CSV / Excel…
            <input type="file" accept=".csv,.xlsx,text/csv" multiple onChange={pick} aria-label="Chọn tệp nhập liệu" />
          </label>
        </div>
      </div>
      {plan && (
        <div class="import-preview">
          <p>
            <b>Đã đọc:</b> {plan.kinds.join(' · ')} — {plan.doc.departments.length} sở ngành, {plan.doc.areas.length}{' '}
            lĩnh vực, {plan.doc.counters.length} quầy.
          </p>
          {plan.errors.length > 0 && (
            <div class="notice notice-error" role="alert">
              <b>{plan.errors.length} lỗi — sửa tệp rồi chọn lại:</b>
              <ul>
                {plan.errors.slice(0, 50).map((e, i) => (
                  <li key={i}>
                    {e.row ? `${e.sheet}, dòng ${e.row}: ` : ''}
                    {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {previewError && (
            <div class="notice notice-error" role="alert">
              <b>Máy chủ từ chối tệp này, chưa nhập gì:</b> {previewError}
            </div>
          )}
          {!plan.errors.length && !previewError && !preview && (
            <p class="muted">Đang hỏi máy chủ những gì sẽ thay đổi…</p>
          )}
          {preview && <ImportPreview result={preview} />}
          <div class="form-actions">
            <button
              class="btn btn-primary"
              disabled={busy || plan.errors.length > 0 || !preview || preview.changes.length === 0}
              onClick={send}
            >
              {busy ? 'Đang nhập…' : 'Nhập vào hệ thống'}
            </button>
            <button
              class="btn btn-ghost"
              onClick={() => {
                setPlan(null);
                setPreview(null);
                setPreviewError(null);
              }}
            >
              Huỷ
            </button>
          </div>
        </div>
      )}
    </Section>
  );
}
