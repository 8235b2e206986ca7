import { centerSettingsSchema } from '@contract/settings.schema';
import type { CenterSettings } from '../admin.api.ts';
import { hoursOrderErrors, hoursRowMessage } from '../catalog/catalog.validate.ts';
import { schemaErrors, unlessTooLong, type Errors, type FieldMessage } from '../schema.validate.ts';

export type { Errors };

export function validDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** A list of short texts: the list's own limit, or an item left empty (or too long). */
const listMessage =
  (tooMany: string, empty: string): FieldMessage =>
  (issue) =>
    issue.path.length === 1 ? tooMany : issue.code === 'too_big' ? issue.message : empty;

const ratingLevelsMessage: FieldMessage = (issue) => {
  if (issue.path.length === 1) return 'Cần từ 2 đến 7 mức đánh giá.';
  if (issue.path[2] === 'key') return 'Mã mức chỉ gồm chữ thường không dấu, số và _.';
  return issue.code === 'too_big' ? issue.message : 'Nhập tên cho mọi mức.';
};

/**
 * Checks before PATCH /api/settings with the server's own schema (contract `centerSettingsSchema`), keyed by
 * field, then what the schema cannot say alone (a real calendar day, levels named once, {number} in the
 * announcement); the server still has the last word.
 */
export function validateSettings(s: CenterSettings): Errors {
  const e = schemaErrors(centerSettingsSchema, s, {
    name: unlessTooLong('Nhập tên trung tâm.'),
    announcement: unlessTooLong('Nhập câu mời.'),
    announceTimes: 'Từ 1 đến 5 lần.',
    'issuingHours.*': hoursRowMessage,
    ratingLevels: ratingLevelsMessage,
    ratingReasons: listMessage('Tối đa 20 lý do.', 'Xoá lý do để trống.'),
    priorityGroups: listMessage('Tối đa 20 nhóm.', 'Xoá nhóm để trống.'),
    ratingWindowMinutes: 'Từ 1 đến 240 phút.',
    kioskIdleSeconds: 'Từ 5 đến 600 giây.',
    ratingTimeoutSeconds: 'Từ 5 đến 600 giây.',
    printerTimeoutMs: 'Từ 500 đến 30000 ms.',
    voicePack: 'Tên thư mục giọng đọc: chữ thường không dấu, số, - _.',
    'booking.daysAhead': 'Từ 0 đến 60 ngày.',
    'booking.slotMinutes': 'Từ 5 đến 240 phút.',
    'booking.checkInEarlyMinutes': 'Từ 0 đến 240 phút.',
    'booking.checkInLateMinutes': 'Từ 0 đến 240 phút.',
    'booking.perAddressPerHour': 'Từ 1 đến 10000 lượt mỗi giờ.',
    'booking.onlineSharePercent': 'Từ 0 đến 100 %.',
    'citizenLimits.perDay': 'Từ 1 đến 100 số mỗi ngày.',
    'citizenLimits.perAreaPerDay': 'Từ 1 đến 100 số mỗi ngày.',
    elderlyAge: 'Từ 0 đến 150 tuổi.',
  });
  if (!e.announcement && !s.announcement.includes('{number}')) e.announcement = 'Câu mời cần có {number} (số thứ tự).';
  hoursOrderErrors(s.issuingHours, 'issuingHours', e);
  const badDay = s.holidays.find((d) => !validDay(d));
  if (badDay !== undefined) e.holidays = `Ngày không hợp lệ: ${badDay || '(trống)'}.`;
  if (!e.ratingLevels && new Set(s.ratingLevels.map((l) => l.key)).size !== s.ratingLevels.length)
    e.ratingLevels = 'Mã mức đánh giá bị trùng.';
  if (s.ratingReasonLevels.some((k) => !s.ratingLevels.some((l) => l.key === k)))
    e.ratingReasonLevels = 'Có mức hỏi lý do không còn tồn tại.';
  if (!e.publicUrl && s.publicUrl && !/^https?:\/\/[^\s]+$/.test(s.publicUrl))
    e.publicUrl = 'Địa chỉ dạng http://192.168.1.10:8080 hoặc để trống.';
  return e;
}
