import type { ComponentChildren } from 'preact';
import type { ReportRow } from '@contract/dto';
import type { Column } from './report.format.ts';
import { formatDay } from './time.format.ts';

/** What a report screen shows: the days it covers, one row per group, the totals (a center's or the hub's). */
export interface ReportLike {
  from: string;
  to: string;
  rows: ReportRow[];
  totals: ReportRow;
}

/**
 * A report as the center's and the hub's screens show it: a heading naming the grouping and the days, whatever the
 * screen puts above the table (the center's chart), then the table with its totals row.
 */
export function ReportCard(props: {
  heading: string;
  report: ReportLike;
  cols: Column[];
  children?: ComponentChildren;
}) {
  const { report, cols } = props;
  const num = (c: Column) => (c.num ? 'num' : '');
  return (
    <section class="card">
      <header class="card-head">
        <h2>
          {props.heading} ·{' '}
          {report.from === report.to ? formatDay(report.from) : `${formatDay(report.from)} – ${formatDay(report.to)}`}
        </h2>
      </header>
      {props.children}
      <div class="table-scroll">
        <table class="data-table report-table">
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c.key} class={num(c)}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                {cols.map((c) => (
                  <td key={c.key} class={num(c)}>
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
                <td key={c.key} class={num(c)}>
                  {i === 0 ? 'Tổng cộng' : c.value(report.totals)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
