import { formatTime } from '@ui/time.format';

interface ErrorLike {
  status?: number;
  code?: string;
  message?: string;
}

const MINUTE = 60_000;

/**
 * What the kiosk says when a booking code or an ID card was refused: plain words and what to do next. `start` is
 * the booking's slot start when the kiosk could look it up (for "come back from 08:30").
 */
export function citizenErrorMessage(
  e: unknown,
  ctx: {
    timeZone: string;
    start?: string | null;
    earlyMinutes?: number;
    lateMinutes?: number;
    perDay?: number;
    perAreaPerDay?: number;
  },
): string | null {
  const err = e as ErrorLike;
  switch (err?.code) {
    case 'booking.too_early': {
      if (!ctx.start) return 'Chưa đến giờ nhận số của lịch hẹn. Vui lòng quay lại gần giờ hẹn.';
      const from = formatTime(Date.parse(ctx.start) - (ctx.earlyMinutes ?? 30) * MINUTE, ctx.timeZone);
      return `Lịch hẹn của bạn lúc ${formatTime(ctx.start, ctx.timeZone)}. Vui lòng quay lại quét mã từ ${from}.`;
    }
    case 'booking.too_late':
      return `Đã quá giờ nhận số của lịch hẹn (muộn hơn ${ctx.lateMinutes ?? 15} phút so với giờ hẹn). Vui lòng lấy số mới như mọi người.`;
    case 'booking.not_found':
      return 'Không tìm thấy lịch hẹn với mã này, hoặc lịch hẹn đã bị huỷ. Vui lòng kiểm tra lại hoặc hỏi cán bộ hướng dẫn.';
    case 'citizen.limit_reached':
      return `Bạn đã lấy đủ số lượt cho hôm nay (mỗi người tối đa ${ctx.perDay ?? 2} số một ngày, ${ctx.perAreaPerDay ?? 1} số mỗi lĩnh vực). Vui lòng hỏi cán bộ hướng dẫn nếu cần hỗ trợ.`;
    case 'citizen.invalid_id':
      return 'Không đọc được số căn cước. Vui lòng quét lại mã QR trên thẻ hoặc nhập lại 12 chữ số.';
    case 'citizen.override_denied':
      return 'Mã PIN của cán bộ không đúng.';
    default:
      return null;
  }
}

export const UNKNOWN_SCAN =
  'Không đọc được mã vừa quét. Vui lòng quét mã QR của lịch hẹn, hoặc mã QR trên thẻ căn cước.';
