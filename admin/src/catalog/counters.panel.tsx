import { useState } from 'preact/hooks';
import type { CounterDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Field, FormActions, intOrNull, Notice, Section } from '../admin.fields.tsx';
import { uncoveredBy, uncoveredWarning } from './catalog.coverage.ts';
import type { Catalog } from './catalog.hook.ts';
import { moveItem, validateCounter, type CounterDraft, type Errors } from './catalog.validate.ts';

const STATUS: Record<CounterDto['status'], string> = { open: 'Đang mở', paused: 'Tạm dừng', closed: 'Đóng' };

/** Counters: number, name and the ordered areas the counter calls from. */
export function CountersPanel(props: { api: AdminApi; catalog: Catalog; reload: () => Promise<void> }) {
  const { catalog } = props;
  const [draft, setDraft] = useState<CounterDraft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pick, setPick] = useState('');
  // Said after a save that left areas with no counter (the kiosk stops issuing there; their waiting are stranded).
  const [warning, setWarning] = useState<string | null>(null);
  const uncovered = draft ? uncoveredBy(draft, catalog.counters, catalog.areas) : [];
  const areaLabel = (id: string) => {
    const a = catalog.areas.find((x) => x.id === id);
    return a ? `${a.code} – ${a.name}` : id;
  };

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const errs = validateCounter(draft, catalog.counters);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMsg(null); // the field errors are the news now: an older "Đã lưu …" beside them would contradict them
      return;
    }
    try {
      await props.api.saveCounter(
        { number: draft.number!, name: draft.name.trim(), areaIds: draft.areaIds, active: draft.active },
        draft.id,
      );
      setMsg({ kind: 'ok', text: `Đã lưu quầy số ${draft.number}.` });
      setWarning(uncovered.length ? `Lưu ý: ${uncoveredWarning(uncovered)}` : null);
      setDraft(null);
      await props.reload();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  const nextNumber = catalog.counters.reduce((m, c) => Math.max(m, c.number), 0) + 1;
  return (
    <Section
      title="Quầy"
      actions={
        <button
          class="btn btn-primary"
          onClick={() => {
            setDraft({ number: nextNumber, name: `Quầy ${nextNumber}`, areaIds: [], active: true });
            setErrors({});
            setMsg(null);
            setWarning(null);
          }}
        >
          + Thêm quầy
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
        <form class="edit-box" onSubmit={save} noValidate aria-label="Quầy">
          <h3>{draft.id ? `Sửa quầy số ${draft.number}` : 'Quầy mới'}</h3>
          <div class="grid-4">
            <Field label="Số quầy" error={errors.number}>
              <input
                name="number"
                inputMode="numeric"
                value={draft.number ?? ''}
                onInput={(e) => setDraft({ ...draft, number: intOrNull(e.currentTarget.value) })}
              />
            </Field>
            <Field label="Tên quầy" error={errors.name} wide>
              <input
                name="name"
                value={draft.name}
                onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              />
            </Field>
            <label class="inline">
              <input
                type="checkbox"
                checked={draft.active}
                onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
              />{' '}
              Còn sử dụng
            </label>
          </div>
          <h4>Lĩnh vực phục vụ (gọi số theo thứ tự ưu tiên từ trên xuống)</h4>
          {errors.areaIds && <span class="field-error">{errors.areaIds}</span>}
          <ol class="ordered-list">
            {draft.areaIds.map((id, i) => (
              <li key={id}>
                <span>{areaLabel(id)}</span>
                <button
                  type="button"
                  class="btn btn-ghost btn-sm"
                  aria-label="Lên"
                  disabled={i === 0}
                  onClick={() => setDraft({ ...draft, areaIds: moveItem(draft.areaIds, i, -1) })}
                >
                  ▲
                </button>
                <button
                  type="button"
                  class="btn btn-ghost btn-sm"
                  aria-label="Xuống"
                  disabled={i === draft.areaIds.length - 1}
                  onClick={() => setDraft({ ...draft, areaIds: moveItem(draft.areaIds, i, 1) })}
                >
                  ▼
                </button>
                <button
                  type="button"
                  class="btn btn-ghost btn-sm"
                  aria-label="Bỏ"
                  onClick={() => setDraft({ ...draft, areaIds: draft.areaIds.filter((x) => x !== id) })}
                >
                  ✕
                </button>
              </li>
            ))}
            {!draft.areaIds.length && <li class="muted">Chưa chọn lĩnh vực nào.</li>}
          </ol>
          <div class="row-line">
            <select name="addArea" value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
              <option value="">— Chọn lĩnh vực để thêm —</option>
              {catalog.areas
                .filter((a) => !draft.areaIds.includes(a.id))
                .map((a) => (
                  <option value={a.id} key={a.id}>
                    {a.code} – {a.name}
                  </option>
                ))}
            </select>
            <button
              type="button"
              class="btn btn-soft"
              disabled={!pick}
              onClick={() => {
                setDraft({ ...draft, areaIds: [...draft.areaIds, pick] });
                setPick('');
              }}
            >
              + Thêm lĩnh vực
            </button>
          </div>
          {uncovered.length > 0 && (
            <p class="field-hint warn-text" role="alert" data-testid="uncovered">
              {uncoveredWarning(uncovered)}
            </p>
          )}
          <FormActions save="Lưu quầy" onCancel={() => setDraft(null)} />
        </form>
      )}
      <table class="data-table">
        <thead>
          <tr>
            <th class="num">Số</th>
            <th>Tên quầy</th>
            <th>Lĩnh vực (theo thứ tự)</th>
            <th>Trạng thái</th>
            <th>Cán bộ</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {catalog.counters.map((c) => (
            <tr key={c.id} data-counter={c.number}>
              <td class="num">
                <b>{c.number}</b>
              </td>
              <td>{c.name}</td>
              <td>{c.areaIds.map((id) => catalog.areas.find((a) => a.id === id)?.code ?? '?').join(' → ') || '—'}</td>
              <td>
                <span class={`status-chip ${c.status === 'open' ? 'ok' : c.status === 'paused' ? 'warn' : 'off'}`}>
                  {STATUS[c.status]}
                </span>
              </td>
              <td>{c.clerk?.displayName ?? '—'}</td>
              <td>
                <button
                  class="btn btn-soft btn-sm"
                  onClick={() => {
                    setDraft({
                      id: c.id,
                      number: c.number,
                      name: c.name,
                      areaIds: [...c.areaIds],
                      active: (c as { active?: boolean }).active ?? true,
                    });
                    setErrors({});
                    setMsg(null);
                    setWarning(null);
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
