import { useEffect, useState } from 'preact/hooks';
import type { RatingLevel } from '@contract/dto';
import { ApiError } from '@client/api.client';
import type { AdminApi, GroupBy, Report } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { businessDay, formatDay } from '@ui/time.format';
import { DayInput, Notice, saveBlob } from '../admin.fields.tsx';
import { ClerkSummary } from './clerk.summary.tsx';
import { ReportChart } from './report.chart.tsx';
import {
  badDateText,
  GROUP_LABEL,
  PRESET_LABEL,
  presetRange,
  quarterOf,
  reportColumns,
  type Preset,
} from './report.format.ts';

/** Reports: a date range, a grouping, the table, a chart, CSV/XLSX export, and the printable per-clerk summary. */
export function ReportsScreen(props: { api: AdminApi; timeZone: string; levels: RatingLevel[]; centerName: string }) {
  const today = businessDay(Date.now(), props.timeZone);
  const [range, setRange] = useState(() => presetRange('today', today));
  // The preset chosen, not every preset whose range happens to match: on the 1st of a month "Hôm nay" and
  // "Tháng này" are the same range, and only the one pressed is lit. Typing a date clears it.
  const [preset, setPreset] = useState<Preset | null>('today');
  // Date fields holding text that is no real day (31/02, 2026-13-01…): said in words, not only in red.
  const [badDates, setBadDates] = useState<{ from?: string; to?: string }>({});
  const [groupBy, setGroupBy] = useState<GroupBy>('area');
  const [report, setReport] = useState<Report | null>(null);
  const [msg, setMsg] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [clerkView, setClerkView] = useState(false);

  useEffect(() => {
    if (range.from > range.to) {
      setMsg({ kind: 'error', text: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' });
      return;
    }
    setMsg(null);
    props.api.report({ ...range, groupBy }).then(setReport, (e) => setMsg({ kind: 'error', text: errorText(e) }));
  }, [range.from, range.to, groupBy]);

  async function exportFile(format: 'csv' | 'xlsx') {
    try {
      const f = await props.api.download(
        `/reports/summary?from=${range.from}&to=${range.to}&groupBy=${groupBy}&format=${format}`,
        `bao-cao-${groupBy}-${range.from}_${range.to}.${format}`,
      );
      saveBlob(f.blob, f.name);
    } catch (e) {
      // Until the server knows format=xlsx it refuses the value (422) or the route (404).
      const unsupported = format === 'xlsx' && e instanceof ApiError && [404, 405, 422].includes(e.status);
      setMsg(
        unsupported
          ? {
              kind: 'info',
              text: 'Máy chủ chưa hỗ trợ xuất Excel (chưa hỗ trợ). Hãy dùng “Xuất CSV” — Excel mở được tệp CSV có dấu tiếng Việt.',
            }
          : { kind: 'error', text: errorText(e) },
      );
    }
  }

  if (clerkView)
    return (
      <ClerkSummary
        api={props.api}
        levels={props.levels}
        centerName={props.centerName}
        year={Number(today.slice(0, 4))}
        quarter={quarterOf(today)}
        onBack={() => setClerkView(false)}
      />
    );
  const cols = reportColumns(groupBy, props.levels);
  return (
    <div class="reports">
      <div class="card toolbar report-controls">
        <div class="presets" role="group" aria-label="Khoảng thời gian">
          {(Object.keys(PRESET_LABEL) as Preset[]).map((p) => {
            const r = presetRange(p, today);
            return (
              <button
                key={p}
                class={`pill ${p === preset ? 'on' : ''}`}
                aria-pressed={p === preset}
                onClick={() => {
                  setPreset(p);
                  setBadDates({});
                  setRange(r);
                }}
              >
                {PRESET_LABEL[p]}
              </button>
            );
          })}
        </div>
        <label class="inline">
          Từ{' '}
          <DayInput
            name="from"
            value={range.from}
            onChange={(d) => {
              setPreset(null);
              setRange({ ...range, from: d });
            }}
            onInvalid={(text) => setBadDates((b) => ({ ...b, from: text ?? undefined }))}
          />
        </label>
        <label class="inline">
          đến{' '}
          <DayInput
            name="to"
            value={range.to}
            onChange={(d) => {
              setPreset(null);
              setRange({ ...range, to: d });
            }}
            onInvalid={(text) => setBadDates((b) => ({ ...b, to: text ?? undefined }))}
          />
        </label>
        <label class="inline">
          Theo{' '}
          <select name="groupBy" value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value as GroupBy)}>
            {(['department', 'area', 'counter', 'clerk', 'procedure', 'channel', 'hour', 'day'] as GroupBy[]).map(
              (g) => (
                <option key={g} value={g}>
                  {GROUP_LABEL[g]}
                </option>
              ),
            )}
          </select>
        </label>
        <span class="spacer" />
        <button class="btn btn-soft" onClick={() => exportFile('csv')}>
          Xuất CSV
        </button>
        <button class="btn btn-soft" onClick={() => exportFile('xlsx')}>
          Xuất Excel
        </button>
        <button class="btn btn-primary" onClick={() => setClerkView(true)}>
          Tổng hợp cán bộ (quý/năm)
        </button>
      </div>
      {(badDates.from !== undefined || badDates.to !== undefined) && (
        <Notice kind="error">{badDateText(badDates)}</Notice>
      )}
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      {report && (
        <section class="card">
          <header class="card-head">
            <h2>
              Báo cáo theo {GROUP_LABEL[groupBy].toLowerCase()} ·{' '}
              {report.from === report.to
                ? formatDay(report.from)
                : `${formatDay(report.from)} – ${formatDay(report.to)}`}
            </h2>
          </header>
          <ReportChart rows={report.rows} groupBy={groupBy} />
          <div class="table-scroll">
            <table class="data-table report-table">
              <thead>
                <tr>
                  {cols.map((c) => (
                    <th key={c.key} class={c.num ? 'num' : ''}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.key} data-key={r.key}>
                    {cols.map((c) => (
                      <td key={c.key} class={c.num ? 'num' : ''}>
                        {c.value(r)}
                      </td>
                    ))}
                  </tr>
                ))}
                {!report.rows.length && (
                  <tr>
                    <td colSpan={cols.length} class="muted">
                      Không có số liệu trong khoảng thời gian này.
                    </td>
                  </tr>
                )}
              </tbody>
              <tfoot>
                <tr>
                  {cols.map((c, i) => (
                    <td key={c.key} class={c.num ? 'num' : ''}>
                      {i === 0 ? 'Tổng cộng' : c.value(report.totals)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
