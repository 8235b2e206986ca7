import type { IssuingHours } from '../admin.api.ts';
import { DayInput } from '../../../ui/src/day.input.tsx';

export const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

/** Issuing hours as rows: the weekdays it applies to, from, to. */
export function HoursEditor(props: {
  value: IssuingHours;
  onChange: (v: IssuingHours) => void;
  errors?: Record<string, string>;
  prefix?: string;
}) {
  const { value, onChange } = props;
  const set = (i: number, patch: Partial<IssuingHours[number]>) =>
    onChange(value.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <div class="rows-editor">
      {value.map((h, i) => (
        <div class="row-line" key={i}>
          <div class="day-pills" role="group" aria-label="Ngày trong tuần">
            {[1, 2, 3, 4, 5, 6, 0].map((d) => (
              <button
                type="button"
                class={`pill ${h.days.includes(d) ? 'on' : ''}`}
                aria-pressed={h.days.includes(d)}
                key={d}
                onClick={() =>
                  set(i, { days: h.days.includes(d) ? h.days.filter((x) => x !== d) : [...h.days, d].sort() })
                }
              >
                {WEEKDAYS[d]}
              </button>
            ))}
          </div>
          <label class="inline">
            Từ{' '}
            <input
              class="w-time"
              inputMode="numeric"
              maxLength={5}
              placeholder="07:30"
              aria-label="Từ giờ"
              value={h.from}
              onInput={(e) => set(i, { from: e.currentTarget.value })}
            />
          </label>
          <label class="inline">
            đến{' '}
            <input
              class="w-time"
              inputMode="numeric"
              maxLength={5}
              placeholder="11:30"
              aria-label="Đến giờ"
              value={h.to}
              onInput={(e) => set(i, { to: e.currentTarget.value })}
            />
          </label>
          <button
            type="button"
            class="btn btn-ghost"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label="Xoá khung giờ"
          >
            ✕
          </button>
          {props.errors?.[`${props.prefix ?? 'issuingHours'}.${i}`] && (
            <span class="field-error">{props.errors[`${props.prefix ?? 'issuingHours'}.${i}`]}</span>
          )}
        </div>
      ))}
      <button
        type="button"
        class="btn btn-soft"
        onClick={() => onChange([...value, { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }])}
      >
        + Thêm khung giờ
      </button>
    </div>
  );
}

/** A list of short texts (reasons, priority groups, holidays). */
export function TextListEditor(props: {
  value: string[];
  onChange: (v: string[]) => void;
  placeholder?: string;
  type?: 'text' | 'date';
  addLabel: string;
}) {
  const { value, onChange } = props;
  return (
    <div class="rows-editor">
      {value.map((v, i) => (
        <div class="row-line" key={i}>
          {props.type === 'date' ? (
            <DayInput value={v} label="Ngày nghỉ" onChange={(d) => onChange(value.map((x, j) => (j === i ? d : x)))} />
          ) : (
            <input
              value={v}
              placeholder={props.placeholder}
              onInput={(e) => onChange(value.map((x, j) => (j === i ? e.currentTarget.value : x)))}
            />
          )}
          <button
            type="button"
            class="btn btn-ghost"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label="Xoá dòng"
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" class="btn btn-soft" onClick={() => onChange([...value, ''])}>
        {props.addLabel}
      </button>
    </div>
  );
}

type Level = { key: string; label: string };

/** Rating levels from best to worst, each with a key (kept in reports) and a label (shown on the pad). */
export function LevelsEditor(props: {
  value: Level[];
  reasonLevels: string[];
  onChange: (v: Level[], reasonLevels: string[]) => void;
}) {
  const { value, reasonLevels, onChange } = props;
  const move = (i: number, d: number) => {
    const next = [...value];
    const j = i + d;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next, reasonLevels);
  };
  return (
    <div class="rows-editor">
      {value.map((l, i) => (
        <div class="row-line" key={i}>
          <span class="muted">{i + 1}.</span>
          <input
            class="w-sm"
            value={l.key}
            aria-label="Mã mức"
            onInput={(e) =>
              onChange(
                value.map((x, j) => (j === i ? { ...x, key: e.currentTarget.value } : x)),
                reasonLevels,
              )
            }
          />
          <input
            value={l.label}
            aria-label="Tên mức"
            onInput={(e) =>
              onChange(
                value.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)),
                reasonLevels,
              )
            }
          />
          <label class="inline">
            <input
              type="checkbox"
              checked={reasonLevels.includes(l.key)}
              onChange={(e) =>
                onChange(
                  value,
                  e.currentTarget.checked ? [...reasonLevels, l.key] : reasonLevels.filter((k) => k !== l.key),
                )
              }
            />{' '}
            hỏi lý do
          </label>
          <button type="button" class="btn btn-ghost" onClick={() => move(i, -1)} aria-label="Lên">
            ▲
          </button>
          <button type="button" class="btn btn-ghost" onClick={() => move(i, 1)} aria-label="Xuống">
            ▼
          </button>
          <button
            type="button"
            class="btn btn-ghost"
            onClick={() =>
              onChange(
                value.filter((_, j) => j !== i),
                reasonLevels.filter((k) => k !== l.key),
              )
            }
            aria-label="Xoá mức"
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        class="btn btn-soft"
        onClick={() => onChange([...value, { key: `muc_${value.length + 1}`, label: '' }], reasonLevels)}
      >
        + Thêm mức
      </button>
    </div>
  );
}
