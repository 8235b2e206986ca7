import type { RatingLevel, ReportRow } from '@contract/dto';
import { reportColumns, type Column } from '@ui/report.format';
import type { HubGroupBy } from '../province.api.ts';

/** The hub's groupings, in the order its reports screen offers them. */
export const HUB_GROUP_LABEL: Record<HubGroupBy, string> = {
  center: 'Trung tâm',
  area: 'Lĩnh vực',
  procedure: 'Thủ tục',
  clerk: 'Cán bộ',
};

/** The levels a center offers by default (contract/settings.schema.ts); a hub report names only their keys. */
const DEFAULT_LEVEL_LABEL: Record<string, string> = {
  very_satisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  unsatisfied: 'Chưa hài lòng',
};

/**
 * The rating columns of a hub report: the levels its totals count, best first as the centers order them by
 * default, any other level (a center's own) after them under its key.
 */
export function levelsOf(totals: ReportRow | undefined): RatingLevel[] {
  const keys = Object.keys(totals?.ratings ?? {});
  const known = Object.keys(DEFAULT_LEVEL_LABEL);
  const ordered = [...known.filter((k) => keys.includes(k)), ...keys.filter((k) => !known.includes(k)).sort()];
  return (ordered.length ? ordered : known).map((key) => ({ key, label: DEFAULT_LEVEL_LABEL[key] ?? key }));
}

/** A clerk row's key is `<centerCode>/<username>`: the center and the person, apart. */
export function splitClerkKey(key: string): { center: string; username: string } {
  const i = key.indexOf('/');
  return i < 0 ? { center: '', username: key } : { center: key.slice(0, i), username: key.slice(i + 1) };
}

/**
 * The center's report columns, headings and formats (ui/src/report.format.ts), with the hub's own
 * first column: the center's name (its code beside it), or the code summed over centers for areas and procedures.
 */
export function hubColumns(groupBy: HubGroupBy, levels: RatingLevel[]): Column[] {
  const [, ...rest] = reportColumns(groupBy === 'center' ? 'area' : groupBy, levels);
  const first: Column = {
    key: 'label',
    label: HUB_GROUP_LABEL[groupBy],
    num: false,
    value: (r) => (r.label && r.label !== r.key ? `${r.label} (${r.key})` : r.key),
  };
  return [first, ...rest];
}
