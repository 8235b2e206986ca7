import type { AreaDto, AreaUnavailableReason } from '@contract/dto';

/** Why a citizen cannot take a number in an area, in the words a center uses. */
export function unavailableLabel(reason: AreaUnavailableReason): string {
  switch (reason) {
    case 'closed':
      return 'Tạm ngừng cấp số';
    case 'inactive':
      return 'Không hoạt động';
    // A ticket there would never be called: the kiosk greys the area out instead (server: 409 area.no_counter).
    case 'no_counter':
      return 'Chưa có quầy phục vụ lĩnh vực này';
    case 'outside_hours':
      return 'Ngoài giờ cấp số';
    case 'holiday':
      return 'Hôm nay nghỉ, không cấp số';
    case 'full':
      return 'Đã hết số hôm nay';
    case 'numbers_exhausted':
      return 'Đã hết số hôm nay';
    default:
      return 'Tạm ngừng cấp số';
  }
}

/** "Khoảng 15 phút", "Được phục vụ ngay", or null when there is no estimate (no counter open). */
export function waitLabel(minutes: number | null): string {
  if (minutes === null) return 'Chưa ước tính được';
  if (minutes <= 0) return 'Được phục vụ ngay';
  if (minutes < 60) return `Khoảng ${minutes} phút`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `Khoảng ${h} giờ ${m} phút` : `Khoảng ${h} giờ`;
}

export function waitingLabel(n: number): string {
  return n === 0 ? 'Không có người chờ' : `${n} người đang chờ`;
}

export function isAvailable(area: AreaDto): boolean {
  return area.available && area.active;
}
