import { useEffect, useState } from 'preact/hooks';
import type { RatingLevel } from '@contract/dto';
import { ApiError } from '@client/api.client';
import type { AdminApi, GroupBy, Report } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { businessDay } from '@ui/time.format';
import { GROUP_LABEL, PRESET_LABEL, quarterOf, reportColumns, type Preset } from '@ui/report.format';
import { Notice, saveBlob } from '../admin.fields.tsx';
import { ReportControls, useReportQuery } from '../../../ui/src/report.controls.tsx';
import { ReportCard } from '../../../ui/src/report.table.tsx';
import { ClerkSummary } from './clerk.summary.tsx';
import { ReportChart } from './report.chart.tsx';

const PRESETS = Object.keys(PRESET_LABEL) as Preset[];

/** Reports: a date range, a grouping, the table, a chart, CSV/XLSX export, and the printable per-clerk summary. */
export function ReportsScreen(props: { api: AdminApi; timeZone: string; levels: RatingLevel[]; centerName: string }) {
  const today = businessDay(Date.now(), props.timeZone);
  const query = useReportQuery<GroupBy>(today, 'area');
  const { range, groupBy } = query;
  const [report, setReport] = useState<Report | null>(null);
  const [msg, setMsg] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [clerkView, setClerkView] = useState(false);

  useEffect(() => {
    if (query.orderError) {
      setMsg({ kind: 'error', text: query.orderError });
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
      <ReportControls query={query} presets={PRESETS} groups={GROUP_LABEL}>
        <button class="btn btn-soft" onClick={() => exportFile('csv')}>
          Xuất CSV
        </button>
        <button class="btn btn-soft" onClick={() => exportFile('xlsx')}>
          Xuất Excel
        </button>
        <button class="btn btn-primary" onClick={() => setClerkView(true)}>
          Tổng hợp cán bộ (quý/năm)
        </button>
      </ReportControls>
      {query.badDateText && <Notice kind="error">{query.badDateText}</Notice>}
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      {report && (
        <ReportCard heading={`Báo cáo theo ${GROUP_LABEL[groupBy].toLowerCase()}`} report={report} cols={cols}>
          <ReportChart rows={report.rows} groupBy={groupBy} />
        </ReportCard>
      )}
    </div>
  );
}
