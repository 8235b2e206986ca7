import type { AreaDto, CounterDto } from '@contract/dto';
import { areaServed, areasLeftWithoutCounter } from '@contract/counter.coverage';
import type { CounterDraft } from './catalog.validate.ts';

/**
 * The admin side of "an area no counter serves is stranded": the server's one rule (contract/counter.coverage)
 * asked about the counters the screen lists. The list answer may leave `active` out: a listed counter is active then.
 */
type ListedCounter = CounterDto & { active?: boolean };
const serving = (counters: ListedCounter[]) =>
  counters.map((c) => ({ id: c.id, areaIds: c.areaIds, active: c.active ?? true }));

export function unservedArea(a: Pick<AreaDto, 'id' | 'active'>, counters: ListedCounter[]): boolean {
  return a.active && !areaServed(a.id, serving(counters));
}

/** The areas a counter draft would leave without any active counter once saved. */
export function uncoveredBy(draft: CounterDraft, counters: ListedCounter[], areas: AreaDto[]): AreaDto[] {
  if (!draft.id) return [];
  const ids = areasLeftWithoutCounter(
    { id: draft.id, areaIds: draft.areaIds, active: draft.active },
    serving(counters),
  );
  return areas.filter((a) => a.active && ids.includes(a.id));
}

export const noCounterWarning = (a: Pick<AreaDto, 'code' | 'name'>) =>
  `Lưu ý: chưa có quầy nào phục vụ lĩnh vực ${a.code} – ${a.name}. Ki-ốt chưa cấp số cho lĩnh vực này cho đến khi một quầy được gán (mục Quầy).`;

export const uncoveredWarning = (areas: Pick<AreaDto, 'code' | 'name'>[]) =>
  `Sau khi lưu, không còn quầy nào phục vụ ${areas.map((a) => `${a.code} – ${a.name}`).join(', ')}: ki-ốt sẽ ngừng cấp số và người đang chờ ở đó sẽ không được gọi.`;
