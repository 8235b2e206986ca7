import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '@client/api.client';
import { businessDay, formatDay } from '@ui/time.format';
import { DayInput, Notice } from '../../../../admin/src/admin.fields.tsx';
import { errorText } from '../../../../admin/src/admin.errors.ts';
import { PRESET_LABEL, presetRange, quarterOf, type Preset } from '../../../../admin/src/reports/report.format.ts';
import { reportPath, type HubGroupBy, type HubReport, type ProvinceApi } from '../province.api.ts';
import { HUB_GROUP_LABEL, hubColumns, levelsOf } from './hub.report.format.ts';
import { ProvinceClerkEvaluation } from './province.clerks.tsx';

const PRESETS: Preset[] = ['today', 'month', 'quarter', 'year'];
const GROUPS: HubGroupBy[] = ['center', 'area', 'procedure', 'clerk'];

/** The province's reports: the center's report over every center, by center, area, procedure or clerk. */
export function ProvinceReports(props: {
  api: ProvinceApi;
  timeZone: string;
  provinceName: string;
  onUnauthorized: () => void;
  now?: () => number;
}) {
  const today = businessDay((props.now ?? Date.now)(), props.timeZone);
  const [range, setRange] = useState(() => presetRange('today', today));
  const [groupBy, setGroupBy] = useState<HubGroupBy>('center');
  const [report, setReport] = useState<HubReport | null>(null);
  const [error, setError] = useState('');
  const [clerkView, setClerkView] = useState(false);
  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) props.onUnauthorized();
    else setError(errorText(e));
  };

  useEffect(() => {
    if (range.from > range.to) {
      setError('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
      return;
    }
    setError('');
    props.api.report({ ...range, groupBy }).then(setReport, fail);
  }, [range.from, range.to, groupBy]);

  if (clerkView)
    return (
      <ProvinceClerkEvaluation
        api={props.api}
        provinceName={props.provinceName}
        year={Number(today.slice(0, 4))}
        quarter={quarterOf(today)}
        onBack={() => setClerkView(false)}
        onError={fail}
      />
    );
  const levels = levelsOf(report?.totals);
  const cols = hubColumns(groupBy, levels);
  const q = { ...range, groupBy };
  return (
    <div class="reports pv-reports">
      <div class="card toolbar report-controls">
        <div class="presets" role="group" aria-label="Khoảng thời gian">
          {PRESETS.map((p) => {
            const r = presetRange(p, today);
            return (
              <button
                key={p}
                class={`pill ${r.from === range.from && r.to === range.to ? 'on' : ''}`}
                onClick={() => setRange(r)}
              >
                {PRESET_LABEL[p]}
              </button>
            );
          })}
        </div>
        <label class="inline">
          Từ <DayInput name="from" value={range.from} onChange={(d) => setRange({ ...range, from: d })} />
        </label>
        <label class="inline">
          đến <DayInput name="to" value={range.to} onChange={(d) => setRange({ ...range, to: d })} />
        </label>
        <label class="inline">
          Theo{' '}
          <select name="groupBy" value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value as HubGroupBy)}>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {HUB_GROUP_LABEL[g]}
              </option>
            ))}
          </select>
        </label>
        <span class="spacer" />
        {/* Plain links: the session cookie goes with them, and the browser saves the file the hub names. */}
        <a class="btn btn-soft" href={`/api${reportPath(q, 'csv')}`} download data-format="csv">
          Xuất CSV
        </a>
        <a class="btn btn-soft" href={`/api${reportPath(q, 'xlsx')}`} download data-format="xlsx">
          Xuất Excel
        </a>
        <button class="btn btn-primary" onClick={() => setClerkView(true)}>
          Đánh giá cán bộ toàn tỉnh (quý/năm)
        </button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {report && (
        <section class="card">
          <header class="card-head">
            <h2>
              Báo cáo toàn tỉnh theo {HUB_GROUP_LABEL[groupBy].toLowerCase()} ·{' '}
              {report.from === report.to
                ? formatDay(report.from)
                : `${formatDay(report.from)} – ${formatDay(report.to)}`}
            </h2>
          </header>
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
