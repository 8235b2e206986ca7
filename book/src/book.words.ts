import type { PublicConfigDto } from '@contract/dto';

/** What to tell a citizen when the server refused: plain Vietnamese, and what to do next. */
const BY_CODE: Record<string, string> = {
  'booking.disabled': 'Trung tâm chưa mở đặt lịch hẹn trực tuyến. Vui lòng đến Trung tâm và lấy số tại ki-ốt.',
  'booking.slot_full': 'Khung giờ này vừa hết chỗ. Vui lòng chọn khung giờ khác.',
  'booking.not_found': 'Không tìm thấy lịch hẹn với mã này (hoặc lịch đã huỷ). Vui lòng kiểm tra lại mã.',
  'citizen.invalid_id': 'Số căn cước không hợp lệ. Vui lòng kiểm tra lại 12 chữ số in trên thẻ.',
  'citizen.limit_reached':
    'Bạn đã dùng hết số lượt lấy số, đặt lịch cho ngày này (giới hạn mỗi người trong ngày và trong mỗi lĩnh vực). Bạn có thể huỷ một lịch hẹn cũ để đặt lại.',
  'request.rate_limited': 'Có quá nhiều yêu cầu từ mạng này. Vui lòng thử lại sau ít phút.',
  'network.offline': 'Mất kết nối tới máy chủ. Vui lòng kiểm tra mạng Wi-Fi rồi thử lại.',
};

/** Today's number from the phone is its own switch (booking.remoteTickets). */
export const REMOTE_OFF = 'Trung tâm chưa cho lấy số từ xa. Vui lòng lấy số tại ki-ốt ở sảnh Trung tâm.';

export function errorText(e: unknown, context: 'book' | 'now' | 'other' = 'other'): string {
  const err = e as { code?: string; status?: number; message?: string } | null;
  if (err?.code === 'booking.disabled' && context === 'now') return REMOTE_OFF;
  const known = err?.code ? BY_CODE[err.code] : undefined;
  if (known) return known;
  if (err?.status === 0) return BY_CODE['network.offline']!;
  if (err?.status === 422 && context === 'book') return 'Khung giờ này không còn nhận đặt. Vui lòng chọn lại.';
  return err?.message || 'Có lỗi xảy ra. Vui lòng thử lại.';
}

/** The booking settings a public page needs: the server's (config.booking), the contract's defaults without them. */
export interface BookingOptions {
  /** null: the server did not say (an older server); the routes' own answers tell then. */
  enabled: boolean | null;
  remoteTickets: boolean | null;
  daysAhead: number;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
}

export function bookingOptions(config: PublicConfigDto | null, allOff = false): BookingOptions {
  const b = config?.booking;
  return {
    enabled: allOff ? false : (b?.enabled ?? null),
    remoteTickets: allOff ? false : (b?.remoteTickets ?? null),
    daysAhead: Math.min(b?.daysAhead ?? 6, 60),
    checkInEarlyMinutes: b?.checkInEarlyMinutes ?? 30,
    checkInLateMinutes: b?.checkInLateMinutes ?? 15,
  };
}

export const STATUS_WORDS: Record<string, string> = {
  booked: 'Đã đặt lịch',
  checked_in: 'Đã nhận số',
  cancelled: 'Đã huỷ',
  missed: 'Đã lỡ hẹn',
};
