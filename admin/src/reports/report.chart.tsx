import type { ReportRow } from '@contract/dto';
import type { GroupBy } from '../admin.api.ts';
import { rowLabel } from './report.format.ts';

/** Axis labels stay short: codes for areas and departments, the full name in the tooltip. */
const shortLabel = (r: ReportRow, g: GroupBy) =>
  g === 'area' || g === 'department' ? r.key : g === 'counter' ? `Quầy ${r.key}` : rowLabel(r, g).slice(0, 18);

/** Issued vs served per row as grouped SVG bars: no chart library, prints sharp, works offline. */
export function ReportChart(props: { rows: ReportRow[]; groupBy: GroupBy }) {
  const rows = props.rows.slice(0, 40);
  if (!rows.length) return null;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.issued, r.served)));
  const W = 1000;
  const H = 240;
  const pad = { l: 48, r: 10, t: 16, b: 54 };
  const slot = (W - pad.l - pad.r) / rows.length;
  const bw = Math.min(28, slot * 0.36);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  return (
    <figure class="report-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Biểu đồ số đã cấp và đã phục vụ">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} class="grid" />
            <text x={pad.l - 6} y={y(t) + 4} text-anchor="end" class="tick">
              {t}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x = pad.l + slot * i + slot / 2;
          return (
            <g key={r.key}>
              <rect x={x - bw - 1} y={y(r.issued)} width={bw} height={y(0) - y(r.issued)} class="bar-issued">
                <title>{`Đã cấp: ${r.issued}`}</title>
              </rect>
              <rect x={x + 1} y={y(r.served)} width={bw} height={y(0) - y(r.served)} class="bar-served">
                <title>{`Đã phục vụ: ${r.served}`}</title>
              </rect>
              <text
                x={x}
                y={H - pad.b + 16}
                text-anchor="end"
                transform={`rotate(-30 ${x} ${H - pad.b + 16})`}
                class="xlabel"
              >
                {shortLabel(r, props.groupBy)}
                <title>{rowLabel(r, props.groupBy)}</title>
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="swatch issued" /> Đã cấp <span class="swatch served" /> Đã phục vụ
      </figcaption>
    </figure>
  );
}
