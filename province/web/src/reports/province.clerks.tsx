import { useEffect, useState } from 'preact/hooks';
import { formatDay } from '@ui/time.format';
import { int, mmss, percent } from '../../../../admin/src/admin.format.ts';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../../../../admin/src/reports/clerk.summary.tsx';
import { periodRange, ROMAN } from '../../../../admin/src/reports/report.format.ts';
import type { HubReport, ProvinceApi } from '../province.api.ts';
import { levelsOf, splitClerkKey } from './hub.report.format.ts';

/**
 * The quarterly / yearly evaluation of every clerk of the province (Thông tư 01/2018/TT-VPCP asks for per-clerk
 * results by quarter and year): the center's printed summary (admin/src/reports/clerk.summary.tsx) with the
 * clerk's center beside the name, for A4 landscape with the signature block.
 */
export function ProvinceClerkEvaluation(props: {
  api: ProvinceApi;
  provinceName: string;
  year: number;
  quarter: number;
  onBack: () => void;
  onError: (e: unknown) => void;
}) {
  const [year, setYear] = useState(props.year);
  const [quarter, setQuarter] = useState(props.quarter);
  const [report, setReport] = useState<HubReport | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const period = periodRange(year, quarter);
  useEffect(() => {
    props.api.centers().then((list) => setNames(new Map(list.map((c) => [c.code, c.name]))), props.onError);
  }, []);
  useEffect(() => {
    setReport(null);
    props.api.report({ from: period.from, to: period.to, groupBy: 'clerk' }).then(setReport, props.onError);
  }, [year, quarter]);
  const levels = levelsOf(report?.totals);

  return (
    <div class="clerk-summary pv-clerks">
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
            value={year}
            onInput={(e) => setYear(Number(e.currentTarget.value) || year)}
          />
        </label>
        <label class="inline">
          Kỳ{' '}
          <select name="quarter" value={quarter} onChange={(e) => setQuarter(Number(e.currentTarget.value))}>
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
      <article class="paper">
        <header class="paper-head">
          <div class="paper-org">{props.provinceName.toUpperCase()}</div>
          <div class="paper-nation">
            <b>{NATIONAL_NAME}</b>
            <span>{NATIONAL_MOTTO}</span>
          </div>
        </header>
        <h1 class="paper-title">BẢNG TỔNG HỢP KẾT QUẢ PHỤC VỤ CỦA CÁN BỘ TOÀN TỈNH — {period.title}</h1>
        <p class="paper-sub">
          Từ ngày {formatDay(period.from)} đến ngày {formatDay(period.to)}
        </p>
        <table class="paper-table">
          <thead>
            <tr>
              <th>STT</th>
              <th>Trung tâm</th>
              <th>Cán bộ</th>
              <th>Tên đăng nhập</th>
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
            {report?.rows.map((r, i) => {
              const k = splitClerkKey(r.key);
              return (
                <tr key={r.key} data-key={r.key}>
                  <td class="c">{i + 1}</td>
                  <td>{names.get(k.center) ?? k.center}</td>
                  <td>{r.label && r.label !== r.key ? r.label : k.username}</td>
                  <td>{k.username}</td>
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
                </tr>
              );
            })}
            {report && !report.rows.length && (
              <tr>
                <td colSpan={10 + levels.length} class="c">
                  Không có số liệu trong kỳ.
                </td>
              </tr>
            )}
          </tbody>
          {report && (
            <tfoot>
              <tr>
                <td />
                <td colSpan={3}>
                  <b>Tổng cộng</b>
                </td>
                <td class="n">{int(report.totals.served)}</td>
                <td class="n">{int(report.totals.noShow)}</td>
                <td class="n">{int(report.totals.transferred)}</td>
                <td class="n">{mmss(report.totals.avgServiceSec)}</td>
                {levels.map((l) => (
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
