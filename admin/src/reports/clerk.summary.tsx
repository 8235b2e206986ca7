import { useEffect, useState } from 'preact/hooks';
import type { RatingLevel } from '@contract/dto';
import type { AdminApi, Report } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { formatDay } from '@ui/time.format';
import { int, mmss, percent } from '../admin.format.ts';
import { Notice } from '../admin.fields.tsx';
import { periodRange, ROMAN } from './report.format.ts';

/** The national name and motto heading every administrative document (Nghị định 30/2020/NĐ-CP). */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * The per-clerk quarterly / yearly summary (Thông tư 01/2018/TT-VPCP asks for per-clerk results by quarter and year),
 * laid out for A4 landscape printing with the signature block.
 */
export function ClerkSummary(props: {
  api: AdminApi;
  levels: RatingLevel[];
  centerName: string;
  year: number;
  quarter: number;
  onBack: () => void;
}) {
  const [year, setYear] = useState(props.year);
  const [quarter, setQuarter] = useState(props.quarter);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState('');
  const period = periodRange(year, quarter);
  useEffect(() => {
    setReport(null);
    props.api
      .report({ from: period.from, to: period.to, groupBy: 'clerk' })
      .then(setReport, (e) => setError(errorText(e)));
  }, [year, quarter]);

  return (
    <div class="clerk-summary">
      <div class="no-print toolbar">
        <button class="btn btn-ghost" onClick={props.onBack}>
          ← Về báo cáo
        </button>
        <label class="inline">
          Năm{' '}
          <input
            type="number"
            class="w-sm"
            value={year}
            onInput={(e) => setYear(Number(e.currentTarget.value) || year)}
          />
        </label>
        <label class="inline">
          Kỳ{' '}
          <select value={quarter} onChange={(e) => setQuarter(Number(e.currentTarget.value))}>
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
      {error && <Notice kind="error">{error}</Notice>}
      <article class="paper">
        <header class="paper-head">
          <div class="paper-org">{props.centerName.toUpperCase()}</div>
          {/* Quốc hiệu and tiêu ngữ as Nghị định 30/2020/NĐ-CP (Phụ lục I) spells them: "HÒA", hyphens with spaces,
              a solid line under the motto as long as it. */}
          <div class="paper-nation">
            <b class="paper-nation-name">{NATIONAL_NAME}</b>
            <b class="paper-motto">{NATIONAL_MOTTO}</b>
          </div>
        </header>
        <h1 class="paper-title">BẢNG TỔNG HỢP KẾT QUẢ PHỤC VỤ CỦA CÁN BỘ — {period.title}</h1>
        <p class="paper-sub">
          Từ ngày {formatDay(period.from)} đến ngày {formatDay(period.to)}
        </p>
        <table class="paper-table">
          <thead>
            <tr>
              <th>STT</th>
              <th>Cán bộ</th>
              <th>Tên đăng nhập</th>
              <th>Đã phục vụ</th>
              <th>Vắng mặt</th>
              <th>Chuyển</th>
              <th>Phục vụ TB</th>
              {props.levels.map((l) => (
                <th key={l.key}>{l.label}</th>
              ))}
              <th>Lượt đánh giá</th>
              <th>Tỉ lệ hài lòng</th>
            </tr>
          </thead>
          <tbody>
            {report?.rows.map((r, i) => (
              <tr key={r.key}>
                <td class="c">{i + 1}</td>
                <td>{r.label || r.key}</td>
                <td>{r.key}</td>
                <td class="n">{int(r.served)}</td>
                <td class="n">{int(r.noShow)}</td>
                <td class="n">{int(r.transferred)}</td>
                <td class="n">{mmss(r.avgServiceSec)}</td>
                {props.levels.map((l) => (
                  <td class="n" key={l.key}>
                    {int(r.ratings[l.key] ?? 0)}
                  </td>
                ))}
                <td class="n">{int(r.ratedCount)}</td>
                <td class="n">{percent(r.satisfiedShare)}</td>
              </tr>
            ))}
            {report && !report.rows.length && (
              <tr>
                <td colSpan={9 + props.levels.length} class="c">
                  Không có số liệu trong kỳ.
                </td>
              </tr>
            )}
          </tbody>
          {report && (
            <tfoot>
              <tr>
                <td />
                <td colSpan={2}>
                  <b>Tổng cộng</b>
                </td>
                <td class="n">{int(report.totals.served)}</td>
                <td class="n">{int(report.totals.noShow)}</td>
                <td class="n">{int(report.totals.transferred)}</td>
                <td class="n">{mmss(report.totals.avgServiceSec)}</td>
                {props.levels.map((l) => (
                  <td class="n" key={l.key}>
                    {int(report.totals.ratings[l.key] ?? 0)}
                  </td>
                ))}
                <td class="n">{int(report.totals.ratedCount)}</td>
                <td class="n">{percent(report.totals.satisfiedShare)}</td>
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
