import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '@client/api.client';
import { businessDay } from '@ui/time.format';
import { quarterOf, type Preset } from '@ui/report.format';
import { Notice } from '../../../../admin/src/admin.fields.tsx';
import { errorText } from '../../../../admin/src/admin.errors.ts';
import { ReportControls, useReportQuery } from '../../../../ui/src/report.controls.tsx';
import { ReportCard } from '../../../../ui/src/report.table.tsx';
import { reportPath, type HubGroupBy, type HubReport, type ProvinceApi } from '../province.api.ts';
import { HUB_GROUP_LABEL, hubColumns, levelsOf } from './hub.report.format.ts';
import { ProvinceClerkEvaluation } from './province.clerks.tsx';

const PRESETS: Preset[] = ['today', 'month', 'quarter', 'year'];

/** The province's reports: the center's report over every center, by center, area, procedure or clerk. */
export function ProvinceReports(props: {
  api: ProvinceApi;
  timeZone: string;
  provinceName: string;
  onUnauthorized: () => void;
  now?: () => number;
}) {
  const today = businessDay((props.now ?? Date.now)(), props.timeZone);
  const query = useReportQuery<HubGroupBy>(today, 'center');
  const { range, groupBy } = query;
  const [report, setReport] = useState<HubReport | null>(null);
  const [error, setError] = useState('');
  const [clerkView, setClerkView] = useState(false);
  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) props.onUnauthorized();
    else setError(errorText(e));
  };

  useEffect(() => {
    if (query.orderError) {
      setError(query.orderError);
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
      <ReportControls query={query} presets={PRESETS} groups={HUB_GROUP_LABEL}>
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
      </ReportControls>
      {query.badDateText && <Notice kind="error">{query.badDateText}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {report && (
        <ReportCard
          heading={`Báo cáo toàn tỉnh theo ${HUB_GROUP_LABEL[groupBy].toLowerCase()}`}
          report={report}
          cols={cols}
        />
      )}
    </div>
  );
}
