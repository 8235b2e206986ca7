import type { AreaDto, CounterDto } from '../../../server/src/contract/dto.ts';
import type { IssuingHours } from '../admin.api.ts';

export type Errors = Record<string, string>;
const CODE = /^[A-Za-z0-9_-]{1,20}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

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

/** Checks an area before saving, including the overlap the server would refuse (409 area.block_overlap). */
export function validateArea(
  a: AreaDraft,
  others: Pick<AreaDto, 'id' | 'code' | 'numberStart' | 'numberEnd' | 'active'>[],
): Errors {
  const e: Errors = {};
  if (!CODE.test(a.code.trim())) e.code = 'Mã 1–20 ký tự: chữ không dấu, số, - _.';
  else if (others.some((o) => o.id !== a.id && o.code.toLowerCase() === a.code.trim().toLowerCase()))
    e.code = 'Mã lĩnh vực đã tồn tại.';
  if (!a.name.trim()) e.name = 'Nhập tên lĩnh vực.';
  if (!a.departmentId) e.departmentId = 'Chọn sở, ngành.';
  const okNum = (n: number | null) => n !== null && Number.isInteger(n) && n >= 0 && n <= 999999;
  if (!okNum(a.numberStart)) e.numberStart = 'Số nguyên từ 0 đến 999999.';
  if (!okNum(a.numberEnd)) e.numberEnd = 'Số nguyên từ 0 đến 999999.';
  else if (okNum(a.numberStart) && a.numberEnd! < a.numberStart!) e.numberEnd = 'Số kết thúc phải ≥ số bắt đầu.';
  if (!e.numberStart && !e.numberEnd && a.active) {
    const hit = others.find(
      (o) => o.id !== a.id && o.active && o.numberStart <= a.numberEnd! && a.numberStart! <= o.numberEnd,
    );
    if (hit) e.numberStart = `Dãy số trùng với lĩnh vực ${hit.code} (${hit.numberStart}–${hit.numberEnd}).`;
  }
  if (a.dailyLimit !== null && (!Number.isInteger(a.dailyLimit) || a.dailyLimit < 1 || a.dailyLimit > 100000))
    e.dailyLimit = 'Để trống hoặc số nguyên ≥ 1.';
  if (
    a.targetWaitMinutes !== null &&
    (!Number.isInteger(a.targetWaitMinutes) || a.targetWaitMinutes < 1 || a.targetWaitMinutes > 1440)
  )
    e.targetWaitMinutes = 'Để trống hoặc 1–1440 phút.';
  a.hours?.forEach((h, i) => {
    if (!h.days.length) e[`hours.${i}`] = 'Chọn ít nhất một ngày.';
    else if (!HHMM.test(h.from) || !HHMM.test(h.to)) e[`hours.${i}`] = 'Giờ dạng HH:mm (24 giờ).';
    else if (h.from >= h.to) e[`hours.${i}`] = 'Giờ kết thúc phải sau giờ bắt đầu.';
  });
  return e;
}

export interface CounterDraft {
  id?: string;
  number: number | null;
  name: string;
  areaIds: string[];
  active: boolean;
}

export function validateCounter(c: CounterDraft, others: Pick<CounterDto, 'id' | 'number'>[]): Errors {
  const e: Errors = {};
  if (c.number === null || !Number.isInteger(c.number) || c.number < 1 || c.number > 9999)
    e.number = 'Số quầy từ 1 đến 9999.';
  else if (others.some((o) => o.id !== c.id && o.number === c.number)) e.number = 'Số quầy đã tồn tại.';
  if (!c.name.trim()) e.name = 'Nhập tên quầy.';
  if (new Set(c.areaIds).size !== c.areaIds.length) e.areaIds = 'Một lĩnh vực chỉ chọn một lần.';
  return e;
}

export function validateDepartment(
  d: { id?: string; code: string; name: string },
  others: { id: string; code: string }[],
): Errors {
  const e: Errors = {};
  if (!CODE.test(d.code.trim())) e.code = 'Mã 1–20 ký tự: chữ không dấu, số, - _.';
  else if (others.some((o) => o.id !== d.id && o.code.toLowerCase() === d.code.trim().toLowerCase()))
    e.code = 'Mã sở, ngành đã tồn tại.';
  if (!d.name.trim()) e.name = 'Nhập tên sở, ngành.';
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
