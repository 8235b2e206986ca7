import { useState } from 'preact/hooks';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Field, FormActions, Notice, Section } from '../admin.fields.tsx';
import type { Catalog } from './catalog.hook.ts';
import { validateDepartment, type Errors } from './catalog.validate.ts';

type Draft = { id?: string; code: string; name: string; sort: number; active: boolean };

/** Departments (sở, ngành): the first choice citizens make at the kiosk. */
export function DepartmentsPanel(props: { api: AdminApi; catalog: Catalog; reload: () => Promise<void> }) {
  const { catalog } = props;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const errs = validateDepartment(draft, catalog.departments);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMsg(null); // the field errors are the news now: an older "Đã lưu …" beside them would contradict them
      return;
    }
    try {
      await props.api.saveDepartment(
        { code: draft.code.trim(), name: draft.name.trim(), sort: draft.sort, active: draft.active },
        draft.id,
      );
      setMsg({ kind: 'ok', text: `Đã lưu ${draft.name.trim()}.` });
      setDraft(null);
      await props.reload();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  const areasOf = (id: string) => catalog.areas.filter((a) => a.departmentId === id).length;
  return (
    <Section
      title="Sở, ngành"
      actions={
        <button
          class="btn btn-primary"
          onClick={() => {
            setDraft({ code: '', name: '', sort: catalog.departments.length, active: true });
            setErrors({});
            setMsg(null);
          }}
        >
          + Thêm sở, ngành
        </button>
      }
    >
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      {draft && (
        <form class="edit-box" onSubmit={save} noValidate aria-label="Sở, ngành">
          <div class="grid-4">
            <Field label="Mã" error={errors.code}>
              <input
                name="code"
                value={draft.code}
                onInput={(e) => setDraft({ ...draft, code: e.currentTarget.value })}
              />
            </Field>
            <Field label="Tên sở, ngành" error={errors.name} wide>
              <input
                name="name"
                value={draft.name}
                onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              />
            </Field>
            <Field label="Thứ tự">
              <input
                type="number"
                value={draft.sort}
                onInput={(e) => setDraft({ ...draft, sort: Number(e.currentTarget.value) || 0 })}
              />
            </Field>
          </div>
          <label class="inline">
            <input
              type="checkbox"
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
            />{' '}
            Còn sử dụng (bỏ chọn để ẩn khỏi ki-ốt)
          </label>
          <FormActions save="Lưu" onCancel={() => setDraft(null)} />
        </form>
      )}
      <table class="data-table">
        <thead>
          <tr>
            <th>Mã</th>
            <th>Tên sở, ngành</th>
            <th class="num">Số lĩnh vực</th>
            <th class="num">Thứ tự</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {catalog.departments.map((d) => (
            <tr key={d.id}>
              <td>
                <b>{d.code}</b>
              </td>
              <td>{d.name}</td>
              <td class="num">{areasOf(d.id)}</td>
              <td class="num">{d.sort}</td>
              <td>
                <button
                  class="btn btn-soft btn-sm"
                  onClick={() => {
                    setDraft({ id: d.id, code: d.code, name: d.name, sort: d.sort, active: d.active });
                    setErrors({});
                    setMsg(null);
                  }}
                >
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
