import type { ReportRow } from '../../../server/src/contract/dto.ts';
import { AppError } from '../../../server/src/contract/errors.ts';
import { centerSettingsSchema } from '../../../server/src/contract/settings.schema.ts';
import {
  mergeTotals,
  rowsFromTotals,
  toRow,
  type ReportContext,
} from '../../../server/src/core/reports/report.aggregate.ts';
import { isDay } from '../../../server/src/core/time/zoned-time.ts';
import { centersRepo, type CenterRow } from '../centers/centers.repo.ts';
import type { Queryable } from '../storage/hub.db.ts';
import { hubKeyedTotals } from './report-days.read.ts';
import type { HubGroupBy, KeyedTotals } from './report.sql.ts';

export interface HubReportDto {
  from: string;
  to: string;
  groupBy: HubGroupBy;
  rows: ReportRow[];
  totals: ReportRow;
}

/** The levels a center has by default; a center's catalogue may name its own (ratingLevels). */
export const DEFAULT_LEVELS = centerSettingsSchema.shape.ratingLevels.parse(undefined);

export function hubLevels(centers: CenterRow[]): { key: string; label: string }[] {
  return centers.find((c) => c.catalog.ratingLevels?.length)?.catalog.ratingLevels ?? DEFAULT_LEVELS;
}

/**
 * A province report: the center's rows (same fields, same definitions, same pure code), keyed across the
 * province: `center` by center code, `area`/`procedure` by code summed over centers, `clerk` as
 * `<centerCode>/<username>`. Each center's totals are first computed under its own ids (read from the daily
 * aggregates, report-days.read.ts), re-keyed as they are summed; `totalsOf` is the report SQL (referenceTotals)
 * in the equality tests.
 */
export async function hubSummary(
  q: Queryable,
  input: { from: string; to: string; groupBy: HubGroupBy },
  totalsOf: KeyedTotals = hubKeyedTotals,
): Promise<HubReportDto> {
  const { from, to, groupBy: g } = input;
  if (!isDay(from) || !isDay(to)) throw new AppError('request.invalid', 'Ngày không hợp lệ (YYYY-MM-DD).');
  if (from > to) throw new AppError('request.invalid', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  const centers = await centersRepo.list(q);
  const levels = hubLevels(centers).map((l) => l.key);

  const base: ReportContext['baseKeys'] = [];
  const labels = new Map<string, { key: string; label: string }>();
  const addBase = (id: string, label: string) => {
    if (labels.has(id)) return;
    labels.set(id, { key: id, label });
    base.push({ id, key: id, label });
  };
  const keyOf = new Map<string, (localId: string) => string>();
  for (const c of centers) {
    const cat = c.catalog;
    if (g === 'center') {
      addBase(c.code, c.name);
      keyOf.set(c.id, () => c.code);
    } else if (g === 'area') {
      const code = new Map((cat.areas ?? []).map((a) => [a.id, a.code]));
      for (const a of cat.areas ?? []) addBase(a.code, a.name);
      keyOf.set(c.id, (id) => code.get(id) ?? id);
    } else if (g === 'procedure') {
      const code = new Map((cat.procedures ?? []).map((p) => [p.id, p.code]));
      for (const p of cat.procedures ?? []) if (!labels.has(p.code)) labels.set(p.code, { key: p.code, label: p.name });
      keyOf.set(c.id, (id) => (id === '' ? '' : (code.get(id) ?? id)));
    } else {
      const user = new Map((cat.clerks ?? []).map((u) => [u.id, u.username]));
      for (const u of cat.clerks ?? []) addBase(`${c.code}/${u.username}`, u.displayName);
      keyOf.set(c.id, (id) => `${c.code}/${user.get(id) ?? id}`);
    }
  }
  const rekey = (centerId: string, id: string) => (keyOf.get(centerId) ?? ((x: string) => x))(id);
  // Clerks do not partition the tickets: their total is a pass of its own, asked for at once beside theirs (two
  // connections of the pool: PostgreSQL reads one while this process sums the other).
  const [totals, everything] = await Promise.all([
    totalsOf(q, { from, to, groupBy: g }, rekey),
    g === 'clerk' ? totalsOf(q, { from, to, groupBy: 'all' }, () => 'all') : null,
  ]);
  const label = (id: string) =>
    labels.get(id) ?? (g === 'procedure' && id === '' ? { key: '', label: NO_PROCEDURE } : { key: id, label: id });
  const rows = rowsFromTotals({ baseKeys: base, label, levels }, totals);
  // Centers, areas and procedures partition the tickets: the total is their sum.
  const all = mergeTotals((everything ?? totals).values());
  return { from, to, groupBy: g, rows, totals: toRow('total', 'Tổng cộng', all, levels) };
}

/** The center's own label for tickets asked for by area (server/src/core/reports/reports.usecases.ts). */
const NO_PROCEDURE = 'Không chọn thủ tục (lấy số theo lĩnh vực)';
