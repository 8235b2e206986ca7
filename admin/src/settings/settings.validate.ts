import type { CenterSettings } from '../admin.api.ts';

export type Errors = Record<string, string>;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

const inRange = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;

/** Cheap checks before PATCH /api/settings, keyed by field; the server still has the last word. */
export function validateSettings(s: CenterSettings): Errors {
  const e: Errors = {};
  if (!s.name.trim()) e.name = 'Nhập tên trung tâm.';
  if (!s.announcement.trim()) e.announcement = 'Nhập câu mời.';
  else if (!s.announcement.includes('{number}')) e.announcement = 'Câu mời cần có {number} (số thứ tự).';
  if (!inRange(s.announceTimes, 1, 5)) e.announceTimes = 'Từ 1 đến 5 lần.';
  s.issuingHours.forEach((h, i) => {
    if (!h.days.length) e[`issuingHours.${i}`] = 'Chọn ít nhất một ngày.';
    else if (!HHMM.test(h.from) || !HHMM.test(h.to)) e[`issuingHours.${i}`] = 'Giờ dạng HH:mm (24 giờ).';
    else if (h.from >= h.to) e[`issuingHours.${i}`] = 'Giờ kết thúc phải sau giờ bắt đầu.';
  });
  const badDay = s.holidays.find((d) => !validDay(d));
  if (badDay !== undefined) e.holidays = `Ngày không hợp lệ: ${badDay || '(trống)'}.`;
  if (s.ratingLevels.length < 2 || s.ratingLevels.length > 7) e.ratingLevels = 'Cần từ 2 đến 7 mức đánh giá.';
  else if (s.ratingLevels.some((l) => !/^[a-z0-9_]{1,40}$/.test(l.key)))
    e.ratingLevels = 'Mã mức chỉ gồm chữ thường không dấu, số và _.';
  else if (new Set(s.ratingLevels.map((l) => l.key)).size !== s.ratingLevels.length)
    e.ratingLevels = 'Mã mức đánh giá bị trùng.';
  else if (s.ratingLevels.some((l) => !l.label.trim())) e.ratingLevels = 'Nhập tên cho mọi mức.';
  if (s.ratingReasons.some((r) => !r.trim())) e.ratingReasons = 'Xoá lý do để trống.';
  if (s.ratingReasons.length > 20) e.ratingReasons = 'Tối đa 20 lý do.';
  if (s.priorityGroups.some((r) => !r.trim())) e.priorityGroups = 'Xoá nhóm để trống.';
  if (s.ratingReasonLevels.some((k) => !s.ratingLevels.some((l) => l.key === k)))
    e.ratingReasonLevels = 'Có mức hỏi lý do không còn tồn tại.';
  if (!inRange(s.ratingWindowMinutes, 1, 240)) e.ratingWindowMinutes = 'Từ 1 đến 240 phút.';
  if (!inRange(s.kioskIdleSeconds, 5, 600)) e.kioskIdleSeconds = 'Từ 5 đến 600 giây.';
  if (!inRange(s.ratingTimeoutSeconds, 5, 600)) e.ratingTimeoutSeconds = 'Từ 5 đến 600 giây.';
  if (!inRange(s.printerTimeoutMs, 500, 30000)) e.printerTimeoutMs = 'Từ 500 đến 30000 ms.';
  if (!/^[a-z0-9][a-z0-9_-]{0,40}$/.test(s.voicePack))
    e.voicePack = 'Tên thư mục giọng đọc: chữ thường không dấu, số, - _.';
  if (s.publicUrl && !/^https?:\/\/[^\s]+$/.test(s.publicUrl))
    e.publicUrl = 'Địa chỉ dạng http://192.168.1.10:8080 hoặc để trống.';
  return e;
}
