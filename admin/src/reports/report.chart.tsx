import type { ReportRow } from '@contract/dto';
import type { GroupBy } from '../admin.api.ts';
import { rowLabel } from '@ui/report.format';

/** Axis labels stay short: codes for areas and departments, the full name in the tooltip. */
const shortLabel = (r: ReportRow, g: GroupBy) =>
  g === 'area' || g === 'department' ? r.key : g === 'counter' ? `Quầy ${r.key}` : rowLabel(r, g).slice(0, 18);

/**
 * The value axis: whole numbers in a "nice" step (1, 2 or 5 × a power of ten), from 0 to the first step at or above
 * the largest bar, at most about five ticks. Never skips a value a person would expect (the old axis rounded
 * quarters of the maximum: 0, 1, 3, 4, 5).
 */
export function axisTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const raw = top / 5;
  const pow = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow);
  const ticks: number[] = [];
  for (let t = 0; t < top + step; t += step) ticks.push(t);
  return ticks;
}

/** Issued vs served per row as grouped SVG bars: no chart library, prints sharp, works offline. */
export function ReportChart(props: { rows: ReportRow[]; groupBy: GroupBy }) {
  const rows = props.rows.slice(0, 40);
  if (!rows.length) return null;
  const ticks = axisTicks(Math.max(...rows.map((r) => Math.max(r.issued, r.served))));
  const max = ticks[ticks.length - 1]!;
  const W = 1000;
  const H = 240;
  const pad = { l: 48, r: 10, t: 16, b: 54 };
  const slot = (W - pad.l - pad.r) / rows.length;
  const bw = Math.min(28, slot * 0.36);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
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
