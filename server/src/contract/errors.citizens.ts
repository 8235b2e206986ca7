import { errorTable } from './errors.table.ts';

/** Citizens by ID card, bookings and remote numbers (issue 13). */
export const CITIZEN_ERRORS = errorTable(`
citizen.invalid_id 422 Số căn cước không hợp lệ: cần đủ 12 chữ số, bắt đầu bằng mã tỉnh đúng. Vui lòng kiểm tra lại.
  | Invalid citizen ID number.
citizen.limit_reached 409 Công dân đã lấy đủ số lượt cho phép trong ngày (tính cả số đã đặt hẹn). Vui lòng liên hệ cán
  bộ hướng dẫn.
  | This citizen has reached the daily limit.
citizen.card_required 422 Vui lòng quét thẻ căn cước (hoặc mã đặt hẹn) để lấy số. Không có thẻ: mời gặp cán bộ hướng
  dẫn.
  | Scan the citizen ID card or a booking code to take a number.
citizen.override_denied 403 Mã xác nhận của cán bộ không đúng. | Wrong staff override PIN.
booking.disabled 404 Trung tâm chưa mở đặt lịch hẹn / lấy số từ xa. | Booking is not enabled at this center.
booking.slot_full 409 Khung giờ này đã hết chỗ. Vui lòng chọn khung giờ khác. | This slot is full.
booking.not_a_slot 422 Thời điểm đã chọn không phải một khung giờ nhận hẹn của lĩnh vực này.
  | Not a booking slot of this area.
booking.not_found 404 Không tìm thấy lịch hẹn (mã sai hoặc lịch hẹn đã huỷ). | Booking not found or cancelled.
booking.too_early 409 Chưa đến giờ xác nhận lịch hẹn. Vui lòng quay lại gần giờ hẹn.
  | Too early to check in for this booking.
booking.too_late 409 Đã quá giờ hẹn. Vui lòng lấy số thường hoặc đặt lịch khác.
  | Too late to check in for this booking.
booking.not_open 409 Lịch hẹn này không còn hiệu lực (đã huỷ, đã quá hạn hoặc đã xác nhận).
  | This booking can no longer be changed.
`);
