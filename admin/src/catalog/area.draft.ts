/** The area form's draft, from nothing or from an area of the list. */
import type { AreaDto } from '@contract/dto';
import type { AreaDraft } from './catalog.validate.ts';

/** A new area's form: the first department, a 20-minute target wait, open and active. */
export const blankArea = (departmentId = ''): AreaDraft => ({
  code: '',
  departmentId,
  name: '',
  numberStart: null,
  numberEnd: null,
  dailyLimit: null,
  targetWaitMinutes: 20,
  hours: null,
  open: true,
  active: true,
});
/** The list answer has no per-area hours yet; a server that adds `hours` to it is picked up here. */
export const areaDraftOf = (a: AreaDto): AreaDraft => ({
  id: a.id,
  code: a.code,
  departmentId: a.departmentId,
  name: a.name,
  numberStart: a.numberStart,
  numberEnd: a.numberEnd,
  dailyLimit: a.dailyLimit,
  targetWaitMinutes: a.targetWaitMinutes,
  hours: (a as AreaDto & { hours?: AreaDraft['hours'] }).hours ?? null,
  open: a.open,
  active: a.active,
});

/** Whether the list answer carries the area's own hours (the form warns when it does not). */
export const hoursKnown = (a: AreaDto | undefined) => Boolean(a && 'hours' in a);
