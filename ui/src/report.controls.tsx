import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DayInput } from './day.input.tsx';
import { badDateText, PRESET_LABEL, presetRange, type Preset } from './report.format.ts';

type Which = 'from' | 'to';

/**
 * What a report screen asks for, as it holds it: the grouping, the preset pressed, the days typed, and what is
 * wrong with them in words. Starts at today (a YYYY-MM-DD in the center's or the province's zone).
 */
export function useReportQuery<G extends string>(today: string, firstGroup: G) {
  const [groupBy, setGroupBy] = useState<G>(firstGroup);
  const [range, setRange] = useState(() => presetRange('today', today));
  // The preset chosen, not every preset whose range happens to match: on the 1st of a month "Hôm nay" and
  // "Tháng này" are the same range, and only the one pressed is lit. Typing a date clears it.
  const [preset, setPreset] = useState<Preset | null>('today');
  // Date fields holding text that is no real day (31/02, 2026-13-01…): said in words, not only in red.
  const [badDates, setBadDates] = useState<{ from?: string; to?: string }>({});
  return {
    range,
    groupBy,
    setGroupBy,
    preset,
    /** Why no report is asked for: the range runs backwards (null when it does not). */
    orderError: range.from > range.to ? 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' : null,
    /** What is wrong with the typed days, in Vietnamese (null when nothing is). */
    badDateText: badDates.from !== undefined || badDates.to !== undefined ? badDateText(badDates) : null,
    choose(p: Preset) {
      setPreset(p);
      setBadDates({});
      setRange(presetRange(p, today));
    },
    type(which: Which, day: string) {
      setPreset(null);
      setRange((r) => ({ ...r, [which]: day }));
    },
    invalid(which: Which, text: string | null) {
      setBadDates((b) => ({ ...b, [which]: text ?? undefined }));
    },
  };
}
export type ReportQuery<G extends string> = ReturnType<typeof useReportQuery<G>>;

/**
 * The bar above a report: quick ranges, the two days (dd/mm/yyyy), the grouping (offered in the order of
 * `groups`, a label by grouping), then the screen's own buttons (its downloads, its printed summary) at the right.
 */
export function ReportControls<G extends string>(props: {
  query: ReportQuery<G>;
  presets: Preset[];
  groups: Record<G, string>;
  children: ComponentChildren;
}) {
  const r = props.query;
  return (
    <div class="card toolbar report-controls">
      <div class="presets" role="group" aria-label="Khoảng thời gian">
        {props.presets.map((p) => (
          <button
            key={p}
            class={`pill ${p === r.preset ? 'on' : ''}`}
            aria-pressed={p === r.preset}
            onClick={() => r.choose(p)}
          >
            {PRESET_LABEL[p]}
          </button>
        ))}
      </div>
      {(['from', 'to'] as const).map((which) => (
        <label class="inline" key={which}>
          {which === 'from' ? 'Từ' : 'đến'}{' '}
          <DayInput
            name={which}
            value={r.range[which]}
            onChange={(d) => r.type(which, d)}
            onInvalid={(text) => r.invalid(which, text)}
          />
        </label>
      ))}
      <label class="inline">
        Theo{' '}
        <select name="groupBy" value={r.groupBy} onChange={(e) => r.setGroupBy(e.currentTarget.value as G)}>
          {(Object.keys(props.groups) as G[]).map((g) => (
            <option key={g} value={g}>
              {props.groups[g]}
            </option>
          ))}
        </select>
      </label>
      <span class="spacer" />
      {props.children}
    </div>
  );
}
