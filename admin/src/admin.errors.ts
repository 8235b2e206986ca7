import { ApiError } from '@client/api.client';

/** A route the server does not have yet answers 404/405 request.*: say so plainly instead of a raw code. */
export function isUnsupported(e: unknown): boolean {
  return e instanceof ApiError && (e.code === 'request.not_found' || e.code === 'request.method_not_allowed');
}

/** The Vietnamese sentence to show for any failure; field details from a 422 are listed after it. */
export function errorText(e: unknown): string {
  if (isUnsupported(e)) return 'Máy chủ chưa hỗ trợ chức năng này (chưa hỗ trợ).';
  if (e instanceof ApiError) {
    const details = Array.isArray(e.details)
      ? (e.details as { path?: string; message?: string }[])
          .map((d) => `${d.path ? `${fieldLabel(d.path)}: ` : ''}${d.message ?? ''}`)
          .filter(Boolean)
      : [];
    return details.length && !e.message.includes(details[0]!) ? `${e.message} ${details.join('; ')}` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

const LABELS: Record<string, string> = {
  name: 'Tên',
  shortName: 'Tên viết tắt',
  timeZone: 'Múi giờ',
  code: 'Mã',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  displayName: 'Họ tên',
  numberStart: 'Số bắt đầu',
  numberEnd: 'Số kết thúc',
  dailyLimit: 'Giới hạn/ngày',
  targetWaitMinutes: 'Thời gian chờ mục tiêu',
  printer: 'Máy in',
  number: 'Số quầy',
  areaIds: 'Lĩnh vực',
  issuingHours: 'Giờ cấp số',
  holidays: 'Ngày nghỉ',
  ratingLevels: 'Mức đánh giá',
  ratingReasons: 'Lý do',
  announcement: 'Câu thông báo',
  publicUrl: 'Địa chỉ công khai',
};
export const fieldLabel = (path: string) => {
  const head = path.split('.')[0] ?? path;
  return LABELS[head] ? path.replace(head, LABELS[head]!) : path;
};
