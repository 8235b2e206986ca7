import { AppError } from '../../contract/errors.ts';
import type { ReportDto } from '../../contract/dto.ts';
import type { Deps } from '../ports.ts';
import { businessDay, formatViDate, isDay, offsetMinutes } from '../time/zoned-time.ts';
import { mergeTotals, rowsFromTotals, toRow, type GroupBy, type ReportContext } from './report.aggregate.ts';

/** The ways a ticket comes to be (tickets.channel), in display order, with their Vietnamese names. */
export const CHANNEL_LABELS: Record<string, string> = {
  kiosk: 'Ki-ốt',
  staff: 'Cán bộ lấy số hộ',
  remote: 'Lấy số từ xa',
  appointment: 'Đặt lịch hẹn',
};

/** The answer of GET /api/reports/summary: its one definition is the contract's. */
export type ReportResult = ReportDto;

/** Reads the facts of a date range and aggregates them by the requested grouping. */
export function summaryReport(deps: Deps, q: { from?: string; to?: string; groupBy: GroupBy }): ReportResult {
  const settings = deps.settings.get();
  const today = businessDay(deps.clock.now(), settings.timeZone);
  const from = q.from ?? today;
  const to = q.to ?? from;
  if (!isDay(from) || !isDay(to)) throw new AppError('request.invalid', 'Ngày không hợp lệ (YYYY-MM-DD).');
  if (from > to) throw new AppError('request.invalid', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  const { catalog, accounts, procedures } = deps.store;
  const areas = new Map(catalog.areas().map((a) => [a.id, a]));
  const depts = new Map(catalog.departments().map((d) => [d.id, d]));
  const counters = new Map(catalog.counters().map((c) => [c.id, c]));
  const users = new Map(accounts.users().map((u) => [u.id, u]));
  const offsets = new Map<number, number>();
  const hourOf = (ms: number) => {
    const dayBucket = Math.floor(ms / 86_400_000);
    let off = offsets.get(dayBucket);
    if (off === undefined) {
      off = offsetMinutes(ms, settings.timeZone);
      offsets.set(dayBucket, off);
    }
    return Math.floor(((((ms + off * 60_000) % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000);
  };
  const g = q.groupBy;
  const base: ReportContext['baseKeys'] =
    g === 'area'
      ? [...areas.values()].filter((a) => a.active).map((a) => ({ id: a.id, key: a.code, label: a.name }))
      : g === 'department'
        ? [...depts.values()].filter((d) => d.active).map((d) => ({ id: d.id, key: d.code, label: d.name }))
        : g === 'counter'
          ? [...counters.values()]
              .filter((c) => c.active)
              .map((c) => ({ id: c.id, key: String(c.number), label: c.name }))
          : g === 'clerk'
            ? [...users.values()]
                .filter((u) => u.active && u.role === 'clerk')
                .map((u) => ({ id: u.id, key: u.username, label: u.displayName }))
            : g === 'channel'
              ? Object.entries(CHANNEL_LABELS).map(([id, label]) => ({ id, key: id, label }))
              : [];
  const label = (id: string): { key: string; label: string } => {
    const b = base.find((x) => x.id === id);
    if (b) return b;
    if (g === 'area') {
      const a = areas.get(id);
      return { key: a?.code ?? id, label: a?.name ?? id };
    }
    if (g === 'department') {
      const d = depts.get(id);
      return { key: d?.code ?? id, label: d?.name ?? id };
    }
    if (g === 'counter') {
      const c = counters.get(id);
      return { key: c ? String(c.number) : id, label: c?.name ?? id };
    }
    if (g === 'clerk') {
      const u = users.get(id);
      return { key: u?.username ?? id, label: u?.displayName ?? id };
    }
    if (g === 'procedure') {
      if (id === '') return { key: '', label: 'Không chọn thủ tục (lấy số theo lĩnh vực)' };
      const p = procedures.get(id);
      return { key: p?.code ?? id, label: p?.name ?? id };
    }
    if (g === 'channel') return { key: id, label: CHANNEL_LABELS[id] ?? id };
    if (g === 'hour')
      return {
        key: id.padStart(2, '0'),
        label: `${id.padStart(2, '0')}:00–${String(Number(id) + 1).padStart(2, '0')}:00`,
      };
    return { key: id, label: formatViDate(id) };
  };
  const ctx: ReportContext = {
    groupBy: g,
    levels: settings.ratingLevels.map((l) => l.key),
    hourOf,
    baseKeys: base,
    label,
    departmentOf: (areaId) => areas.get(areaId)?.departmentId ?? null,
    targetWaitSec: (areaId) => {
      const t = areas.get(areaId)?.targetWaitMin;
      return t ? t * 60 : null;
    },
  };
  // One offset for the range: exact for zones without daylight saving (Vietnam), documented otherwise.
  const offsetMs = offsetMinutes(Date.parse(`${from}T12:00:00Z`), settings.timeZone) * 60_000;
  const groups = deps.store.reports.aggregate({ from, to, groupBy: g, offsetMs });
  let rows = rowsFromTotals(ctx, groups);
  if (g === 'hour') rows = rows.sort((a, b) => a.key.localeCompare(b.key));
  // Where every ticket falls in exactly one group the total is their sum; counters and clerks need their own pass.
  const partition =
    g === 'area' || g === 'department' || g === 'hour' || g === 'day' || g === 'procedure' || g === 'channel';
  const totals = toRow(
    'total',
    'Tổng cộng',
    mergeTotals((partition ? groups : deps.store.reports.aggregate({ from, to, groupBy: 'all', offsetMs })).values()),
    ctx.levels,
  );
  return { from, to, groupBy: g, rows, totals };
}
