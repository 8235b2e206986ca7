import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RatingLevel, ReportRow } from '@contract/dto';
import { int, mmss, percent } from './number.format.ts';
import { periodRange, ROMAN } from './report.format.ts';
import { formatDay } from './time.format.ts';

/** The national name and motto heading every administrative document (Nghị định 30/2020/NĐ-CP). */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

type Period = { from: string; to: string };
type ClerkReport = { rows: ReportRow[]; totals: ReportRow };

/**
 * The year and quarter (0: the whole year) a printed clerk summary covers, and its report, asked again whenever
 * either changes: `load` asks the center or the hub for the per-clerk report of that period.
 */
export function useClerkPeriod<R extends ClerkReport>(
  start: { year: number; quarter: number },
  load: (p: Period) => Promise<R>,
  onError: (e: unknown) => void,
) {
  const [year, setYear] = useState(start.year);
  const [quarter, setQuarter] = useState(start.quarter);
  const [report, setReport] = useState<R | null>(null);
  const period = periodRange(year, quarter);
  useEffect(() => {
    setReport(null);
    load({ from: period.from, to: period.to }).then(setReport, onError);
  }, [year, quarter]);
  return { year, quarter, setYear, setQuarter, period, report };
}
export type ClerkPeriod = ReturnType<typeof useClerkPeriod>;

/** A column naming the clerk (the center, the name, the username), between the row number and the figures. */
export interface WhoColumn {
  label: string;
  value: (r: ReportRow) => string;
}

/**
 * The per-clerk quarterly / yearly summary (Thông tư 01/2018/TT-VPCP asks for per-clerk results by quarter and
 * year), laid out for A4 landscape printing with the national heading and the signature block. The center's and
 * the hub's differ only in the organisation, the title and the columns naming the clerk.
 */
export function ClerkPaper(props: {
  class?: string;
  orgName: string;
  title: string;
  who: WhoColumn[];
  levels: RatingLevel[];
  paper: ClerkPeriod;
  onBack: () => void;
  notice?: ComponentChildren;
}) {
  const { paper: p, levels, who } = props;
  const figures = (r: ReportRow) => (
    <>
      <td class="n">{int(r.served)}</td>
      <td class="n">{int(r.noShow)}</td>
      <td class="n">{int(r.transferred)}</td>
      <td class="n">{mmss(r.avgServiceSec)}</td>
      {levels.map((l) => (
        <td class="n" key={l.key}>
          {int(r.ratings[l.key] ?? 0)}
        </td>
      ))}
      <td class="n">{int(r.ratedCount)}</td>
      <td class="n">{percent(r.satisfiedShare)}</td>
    </>
  );
  return (
    <div class={props.class ? `clerk-summary ${props.class}` : 'clerk-summary'}>
      <div class="no-print toolbar">
        <button class="btn btn-ghost" onClick={props.onBack}>
          ← Về báo cáo
        </button>
        <label class="inline">
          Năm{' '}
          <input
            type="number"
            class="w-sm"
            name="year"
            value={p.year}
            onInput={(e) => p.setYear(Number(e.currentTarget.value) || p.year)}
          />
        </label>
        <label class="inline">
          Kỳ{' '}
          <select name="quarter" value={p.quarter} onChange={(e) => p.setQuarter(Number(e.currentTarget.value))}>
            {ROMAN.map((r, i) => (
              <option value={i + 1} key={r}>
                Quý {r}
              </option>
            ))}
            <option value={0}>Cả năm</option>
          </select>
        </label>
        <button class="btn btn-primary" onClick={() => print()}>
          In bảng tổng hợp
        </button>
      </div>
      {props.notice}
      <article class="paper">
        <header class="paper-head">
          <div class="paper-org">{props.orgName.toUpperCase()}</div>
          {/* Quốc hiệu and tiêu ngữ as Nghị định 30/2020/NĐ-CP (Phụ lục I) spells them: "HÒA", hyphens with spaces,
              a solid line under the motto as long as it. */}
          <div class="paper-nation">
            <b class="paper-nation-name">{NATIONAL_NAME}</b>
            <b class="paper-motto">{NATIONAL_MOTTO}</b>
          </div>
        </header>
        <h1 class="paper-title">
          {props.title} — {p.period.title}
        </h1>
        <p class="paper-sub">
          Từ ngày {formatDay(p.period.from)} đến ngày {formatDay(p.period.to)}
        </p>
        <table class="paper-table">
          <thead>
            <tr>
              <th>STT</th>
              {who.map((w) => (
                <th key={w.label}>{w.label}</th>
              ))}
              <th>Đã phục vụ</th>
              <th>Vắng mặt</th>
              <th>Chuyển</th>
              <th>Phục vụ TB</th>
              {levels.map((l) => (
                <th key={l.key}>{l.label}</th>
              ))}
              <th>Lượt đánh giá</th>
              <th>Tỉ lệ hài lòng</th>
            </tr>
          </thead>
          <tbody>
            {p.report?.rows.map((r, i) => (
              <tr key={r.key} data-key={r.key}>
                <td class="c">{i + 1}</td>
                {who.map((w) => (
                  <td key={w.label}>{w.value(r)}</td>
                ))}
                {figures(r)}
              </tr>
            ))}
            {p.report && !p.report.rows.length && (
              <tr>
                <td colSpan={7 + who.length + levels.length} class="c">
                  Không có số liệu trong kỳ.
                </td>
              </tr>
            )}
          </tbody>
          {p.report && (
            <tfoot>
              <tr>
                <td />
                <td colSpan={who.length}>
                  <b>Tổng cộng</b>
                </td>
                {figures(p.report.totals)}
              </tr>
            </tfoot>
          )}
        </table>
        <p class="paper-date">……………, ngày …… tháng …… năm ……</p>
        <div class="signatures">
          <div>
            <b>Người lập biểu</b>
            <i>(Ký, ghi rõ họ tên)</i>
          </div>
          <div>
            <b>Thủ trưởng đơn vị</b>
            <i>(Ký tên, đóng dấu)</i>
          </div>
        </div>
      </article>
    </div>
  );
}
