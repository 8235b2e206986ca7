import type { AreaDto, AreaUnavailableReason } from '@contract/dto';
import { NO_COUNTER_OPEN } from '@ui/wait.words';

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

/** "Khoảng 15 phút", "Được phục vụ ngay", or the shared "no counter open" words when there is no estimate. */
export function waitLabel(minutes: number | null, lang: 'vi' | 'en' = 'vi'): string {
  if (minutes === null) return NO_COUNTER_OPEN[lang];
  if (lang === 'en') {
    if (minutes <= 0) return 'Served now';
    return minutes < 60 ? `About ${minutes} min` : `About ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }
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
