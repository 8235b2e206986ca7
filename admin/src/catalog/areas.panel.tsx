import { useState } from 'preact/hooks';
import type { AreaDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Field, FormActions, intOrNull, Notice, Section } from '../admin.fields.tsx';
import { countText, useProcedureCounts } from '../procedures/procedure.counts.ts';
import { HoursEditor } from '../settings/list.editors.tsx';
import { noCounterWarning, unservedArea } from './catalog.coverage.ts';
import type { Catalog } from './catalog.hook.ts';
import { validateArea, type AreaDraft, type Errors } from './catalog.validate.ts';
import { areaDraftOf, blankArea, hoursKnown } from './area.draft.ts';

/** Areas (lĩnh vực): number block, daily limit, target wait, own hours, open/closed, active. */
export function AreasPanel(props: { api: AdminApi; catalog: Catalog; reload: () => Promise<void> }) {
  const { catalog } = props;
  const [draft, setDraft] = useState<AreaDraft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // Said after a save that leaves the area with no counter: the kiosk will not issue there (area.no_counter).
  const [warning, setWarning] = useState<string | null>(null);
  const set = (p: Partial<AreaDraft>) => setDraft((d) => (d ? { ...d, ...p } : d));
  // Procedures per area (the kiosk's search finds an area only through its procedures); null: not known.
  const procedureCounts = useProcedureCounts(props.api, catalog.areas);

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const errs = validateArea(draft, catalog.areas);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMsg(null); // the field errors are the news now: an older "Đã lưu …" beside them would contradict them
      return;
    }
    const body = {
      code: draft.code.trim(),
      departmentId: draft.departmentId,
      name: draft.name.trim(),
      numberStart: draft.numberStart!,
      numberEnd: draft.numberEnd!,
      dailyLimit: draft.dailyLimit,
      targetWaitMinutes: draft.targetWaitMinutes,
      hours: draft.hours && draft.hours.length ? draft.hours : null,
      open: draft.open,
      active: draft.active,
    };
    try {
      const saved = await props.api.saveArea(body, draft.id);
      setMsg({ kind: 'ok', text: `Đã lưu lĩnh vực ${body.code} – ${body.name}.` });
      setWarning(
        unservedArea({ id: saved?.id ?? draft.id ?? '', active: body.active }, catalog.counters)
          ? noCounterWarning(body)
          : null,
      );
      setDraft(null);
      await props.reload();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  const edit = (d: AreaDraft) => {
    setDraft(d);
    setErrors({});
    setMsg(null);
    setWarning(null);
  };

  async function toggleOpen(a: AreaDto) {
    try {
      await props.api.setAreaOpen(a.id, !a.open);
      await props.reload();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  const deptName = (id: string) => catalog.departments.find((d) => d.id === id)?.name ?? '—';
  return (
    <Section
      title="Lĩnh vực"
      actions={
        <button class="btn btn-primary" onClick={() => edit(blankArea(catalog.departments[0]?.id))}>
          + Thêm lĩnh vực
        </button>
      }
    >
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      {warning && (
        <div class="notice notice-info" role="alert" data-testid="coverage-warning">
          {warning}
        </div>
      )}
      {draft && (
        <form class="edit-box" onSubmit={save} noValidate aria-label="Lĩnh vực">
          <h3>{draft.id ? `Sửa lĩnh vực ${draft.code}` : 'Lĩnh vực mới'}</h3>
          <div class="grid-4">
            <Field label="Mã" error={errors.code}>
              <input name="code" value={draft.code} onInput={(e) => set({ code: e.currentTarget.value })} />
            </Field>
            <Field label="Tên lĩnh vực" error={errors.name} wide>
              <input name="name" value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />
            </Field>
            <Field label="Sở, ngành" error={errors.departmentId}>
              <select
                name="departmentId"
                value={draft.departmentId}
                onChange={(e) => set({ departmentId: e.currentTarget.value })}
              >
                <option value="">— Chọn —</option>
                {catalog.departments.map((d) => (
                  <option value={d.id} key={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Số bắt đầu" error={errors.numberStart}>
              <input
                name="numberStart"
                inputMode="numeric"
                value={draft.numberStart ?? ''}
                onInput={(e) => set({ numberStart: intOrNull(e.currentTarget.value) })}
              />
            </Field>
            <Field label="Số kết thúc" error={errors.numberEnd}>
              <input
                name="numberEnd"
                inputMode="numeric"
                value={draft.numberEnd ?? ''}
                onInput={(e) => set({ numberEnd: intOrNull(e.currentTarget.value) })}
              />
            </Field>
            <Field label="Giới hạn số/ngày" error={errors.dailyLimit} hint="Để trống: không giới hạn">
              <input
                name="dailyLimit"
                inputMode="numeric"
                value={draft.dailyLimit ?? ''}
                onInput={(e) => set({ dailyLimit: intOrNull(e.currentTarget.value) })}
              />
            </Field>
            <Field label="Thời gian chờ mục tiêu (phút)" error={errors.targetWaitMinutes}>
              <input
                name="targetWaitMinutes"
                inputMode="numeric"
                value={draft.targetWaitMinutes ?? ''}
                onInput={(e) => set({ targetWaitMinutes: intOrNull(e.currentTarget.value) })}
              />
            </Field>
          </div>
          <div class="row-line">
            <label class="inline">
              <input type="checkbox" checked={draft.open} onChange={(e) => set({ open: e.currentTarget.checked })} />{' '}
              Đang cấp số
            </label>
            <label class="inline">
              <input
                type="checkbox"
                checked={draft.active}
                onChange={(e) => set({ active: e.currentTarget.checked })}
              />{' '}
              Còn sử dụng
            </label>
            <label class="inline">
              <input
                type="checkbox"
                checked={draft.hours !== null}
                onChange={(e) =>
                  set({
                    hours: e.currentTarget.checked ? [{ days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }] : null,
                  })
                }
              />{' '}
              Giờ cấp số riêng
            </label>
          </div>
          {draft.hours && (
            <HoursEditor value={draft.hours} prefix="hours" errors={errors} onChange={(v) => set({ hours: v })} />
          )}
          {draft.id && draft.hours === null && (
            <p class="field-hint">Không đặt giờ riêng: lĩnh vực theo giờ cấp số chung của Trung tâm.</p>
          )}
          {draft.id && !hoursKnown(catalog.areas.find((a) => a.id === draft.id)) && (
            <p class="field-hint warn-text">
              Lưu ý: máy chủ chưa cho biết giờ cấp số riêng hiện có của lĩnh vực này; khi lưu, giờ riêng sẽ được đặt
              theo ô trên.
            </p>
          )}
          <FormActions save="Lưu lĩnh vực" onCancel={() => setDraft(null)} />
        </form>
      )}
      <table class="data-table">
        <thead>
          <tr>
            <th>Mã</th>
            <th>Tên lĩnh vực</th>
            <th>Sở, ngành</th>
            <th class="num">Dãy số</th>
            <th class="num">Giới hạn/ngày</th>
            <th class="num">Chờ mục tiêu</th>
            <th class="num">Đã cấp hôm nay</th>
            <th class="num">Thủ tục</th>
            <th>Trạng thái</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {catalog.areas.map((a) => (
            <tr key={a.id} data-area={a.code}>
              <td>
                <b>{a.code}</b>
              </td>
              <td>{a.name}</td>
              <td>{deptName(a.departmentId)}</td>
              <td class="num">
                {a.numberStart}–{a.numberEnd}
              </td>
              <td class="num">{a.dailyLimit ?? '∞'}</td>
              <td class="num">{a.targetWaitMinutes ? `${a.targetWaitMinutes} phút` : '—'}</td>
              <td class="num">{a.issuedToday}</td>
              <td class="num" data-testid="procedure-count">
                {procedureCounts ? countText(procedureCounts.get(a.id)) : '—'}
              </td>
              <td>
                <button
                  class={`status-chip ${a.open ? 'ok' : 'off'}`}
                  onClick={() => toggleOpen(a)}
                  title="Bấm để mở/tạm ngừng cấp số"
                >
                  {a.open ? 'Đang cấp số' : 'Tạm ngừng'}
                </button>
                {unservedArea(a, catalog.counters) && (
                  <>
                    {' '}
                    <span
                      class="status-chip warn"
                      data-testid="no-counter"
                      title="Ki-ốt không cấp số cho lĩnh vực này cho đến khi một quầy được gán"
                    >
                      Chưa có quầy phục vụ
                    </span>
                  </>
                )}
                {a.active && procedureCounts?.get(a.id) === 0 && (
                  <>
                    {' '}
                    <span
                      class="status-chip warn"
                      data-testid="no-procedure"
                      title="Người dân tìm theo thủ tục trên ki-ốt sẽ không thấy lĩnh vực này (mục Thủ tục hành chính)"
                    >
                      Chưa có thủ tục
                    </span>
                  </>
                )}
              </td>
              <td>
                <button class="btn btn-soft btn-sm" onClick={() => edit(areaDraftOf(a))}>
                  Sửa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
