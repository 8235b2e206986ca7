import type { AreaDto } from '@contract/dto';
import { Field } from '../admin.fields.tsx';

/** What a hall display shows, as edited: counter numbers typed as text, areas ticked by id. Empty = everything. */
export interface DisplayFilter {
  counters: string;
  areaIds: string[];
}

export const EMPTY_FILTER: DisplayFilter = { counters: '', areaIds: [] };

/**
 * The `settings` sent for a display device. Both keys are always sent: PATCH replaces `settings` whole, so an
 * omitted key would silently drop a filter set earlier. Areas are stored by id, which survives a code rename
 * (the display also accepts codes, for settings typed by hand).
 */
export function displaySettings(f: DisplayFilter): { counters: number[]; areas: string[] } {
  const counters = f.counters
    .split(/[;, ]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return { counters, areas: [...f.areaIds] };
}

/** The editable form of stored settings; area codes written by hand are matched to ids so the boxes show ticked. */
export function filterFromSettings(settings: unknown, areas: Pick<AreaDto, 'id' | 'code'>[]): DisplayFilter {
  const s = (settings && typeof settings === 'object' ? settings : {}) as { counters?: unknown; areas?: unknown };
  const counters = Array.isArray(s.counters) ? s.counters.map(String).join(';') : '';
  const wanted = Array.isArray(s.areas)
    ? s.areas.filter((x): x is string => typeof x === 'string').map((x) => x.trim().toUpperCase())
    : [];
  const areaIds = areas
    .filter((a) => wanted.includes(a.id.toUpperCase()) || wanted.includes(a.code.toUpperCase()))
    .map((a) => a.id);
  return { counters, areaIds };
}

/** The counters box and the areas checklist of a hall display. */
export function DisplayFilterFields(props: {
  value: DisplayFilter;
  areas: AreaDto[];
  onChange: (f: DisplayFilter) => void;
}) {
  const { value, onChange } = props;
  const toggle = (id: string, on: boolean) =>
    onChange({ ...value, areaIds: on ? [...value.areaIds, id] : value.areaIds.filter((x) => x !== id) });
  return (
    <>
      <Field label="Chỉ hiện các quầy" hint="Ví dụ 1;2;3 — để trống: mọi quầy">
        <input
          name="displayCounters"
          value={value.counters}
          onInput={(e) => onChange({ ...value, counters: e.currentTarget.value })}
        />
      </Field>
      <fieldset class="field area-checks" aria-label="Chỉ hiện các lĩnh vực">
        <legend class="field-label">
          Chỉ hiện các lĩnh vực <span class="field-hint">(không chọn: mọi lĩnh vực)</span>
        </legend>
        {props.areas.length === 0 && <span class="muted">Chưa có lĩnh vực nào.</span>}
        {props.areas.map((a) => (
          <label class="inline" key={a.id} data-area={a.code}>
            <input
              type="checkbox"
              name="displayArea"
              value={a.id}
              checked={value.areaIds.includes(a.id)}
              onChange={(e) => toggle(a.id, e.currentTarget.checked)}
            />
            <span>
              <b>{a.code}</b> – {a.name}
              {!a.active && <span class="muted"> (ngừng sử dụng)</span>}
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
