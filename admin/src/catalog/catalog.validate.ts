import type { AreaDto, CounterDto } from '@contract/dto';
import { areaFields, blockInOrder, counterInput, departmentInput } from '@contract/inputs.schema';
import type { IssuingHours } from '../admin.api.ts';
import { schemaErrors, unlessTooLong, type Errors, type FieldMessage } from '../schema.validate.ts';

export type { Errors };

export interface AreaDraft {
  id?: string;
  code: string;
  departmentId: string;
  name: string;
  numberStart: number | null;
  numberEnd: number | null;
  dailyLimit: number | null;
  targetWaitMinutes: number | null;
  hours: IssuingHours | null;
  open: boolean;
  active: boolean;
}

const CODE_HINT = 'Mã 1–20 ký tự: chữ không dấu, số, - _.';
const NUMBER_HINT = 'Số nguyên từ 0 đến 999999.';
/** One issuing-hours row: which part failed decides the message (shared with the settings form). */
export const hoursRowMessage: FieldMessage = (issue) =>
  issue.path.includes('days') ? 'Chọn ít nhất một ngày.' : 'Giờ dạng HH:mm (24 giờ).';
/** The schema only checks the format; a row that ends before it starts is the form's own check. */
export function hoursOrderErrors(hours: IssuingHours | null | undefined, field: string, e: Errors): void {
  hours?.forEach((h, i) => {
    if (!e[`${field}.${i}`] && h.from >= h.to) e[`${field}.${i}`] = 'Giờ kết thúc phải sau giờ bắt đầu.';
  });
}

const taken = (others: { id: string; code: string }[], self: { id?: string; code: string }) =>
  others.some((o) => o.id !== self.id && o.code.toLowerCase() === self.code.trim().toLowerCase());

/**
 * Checks an area before saving with the route's own schema (contract `areaFields`), then what needs the other
 * areas: a code in use and the overlap the server would refuse (409 area.block_overlap).
 */
export function validateArea(
  a: AreaDraft,
  others: Pick<AreaDto, 'id' | 'code' | 'numberStart' | 'numberEnd' | 'active'>[],
): Errors {
  const { id: _id, ...fields } = a;
  const e = schemaErrors(areaFields, fields, {
    code: CODE_HINT,
    name: unlessTooLong('Nhập tên lĩnh vực.'),
    departmentId: 'Chọn sở, ngành.',
    numberStart: NUMBER_HINT,
    numberEnd: NUMBER_HINT,
    dailyLimit: 'Để trống hoặc số nguyên ≥ 1.',
    targetWaitMinutes: 'Để trống hoặc 1–1440 phút.',
    'hours.*': hoursRowMessage,
  });
  if (!e.code && taken(others, a)) e.code = 'Mã lĩnh vực đã tồn tại.';
  if (e.numberStart || e.numberEnd) return withHours(a, e);
  const block = { numberStart: a.numberStart!, numberEnd: a.numberEnd! };
  if (!blockInOrder[0](block)) e.numberEnd = 'Số kết thúc phải ≥ số bắt đầu.';
  else if (a.active) {
    const hit = others.find(
      (o) => o.id !== a.id && o.active && o.numberStart <= block.numberEnd && block.numberStart <= o.numberEnd,
    );
    if (hit) e.numberStart = `Dãy số trùng với lĩnh vực ${hit.code} (${hit.numberStart}–${hit.numberEnd}).`;
  }
  return withHours(a, e);
}

function withHours(a: AreaDraft, e: Errors): Errors {
  hoursOrderErrors(a.hours, 'hours', e);
  return e;
}

export interface CounterDraft {
  id?: string;
  number: number | null;
  name: string;
  areaIds: string[];
  active: boolean;
}

/** The route's schema (contract `counterInput`), then a number in use and an area chosen twice. */
export function validateCounter(c: CounterDraft, others: Pick<CounterDto, 'id' | 'number'>[]): Errors {
  const { id: _id, ...fields } = c;
  const e = schemaErrors(counterInput, fields, {
    number: 'Số quầy từ 1 đến 9999.',
    name: unlessTooLong('Nhập tên quầy.'),
    areaIds: 'Chọn lĩnh vực từ danh sách.',
  });
  if (!e.number && others.some((o) => o.id !== c.id && o.number === c.number)) e.number = 'Số quầy đã tồn tại.';
  if (!e.areaIds && new Set(c.areaIds).size !== c.areaIds.length) e.areaIds = 'Một lĩnh vực chỉ chọn một lần.';
  return e;
}

/** The route's schema (contract `departmentInput`), then a code in use. */
export function validateDepartment(
  d: { id?: string; code: string; name: string },
  others: { id: string; code: string }[],
): Errors {
  const e = schemaErrors(
    departmentInput.pick({ code: true, name: true }),
    { code: d.code, name: d.name },
    { code: CODE_HINT, name: unlessTooLong('Nhập tên sở, ngành.') },
  );
  if (!e.code && taken(others, d)) e.code = 'Mã sở, ngành đã tồn tại.';
  return e;
}

/** Moves one item of an ordered list up (-1) or down (+1); the counter calls its areas in this order. */
export function moveItem<T>(list: T[], index: number, delta: number): T[] {
  const j = index + delta;
  if (index < 0 || index >= list.length || j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[index], next[j]] = [next[j]!, next[index]!];
  return next;
}
