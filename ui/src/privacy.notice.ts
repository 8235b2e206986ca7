/**
 * The short notice the 2025 personal data law (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Nghị định 356/2025)
 * expects where a citizen's ID number is asked for: what is kept, why, and for how long. One text for the kiosk's
 * card step and for /book, so the two never tell citizens different things. docs/booking.md quotes it.
 */
export const PRIVACY_TITLE = 'Thông báo về dữ liệu cá nhân';

export const PRIVACY_LINES: readonly string[] = [
  'Số căn cước chỉ dùng để giới hạn số lượt lấy số, đặt lịch của mỗi người trong ngày (chống «cò» giữ số) và để tự động ưu tiên người cao tuổi.',
  'Trung tâm không lưu số căn cước, họ tên, ngày sinh, địa chỉ hay ảnh thẻ. Chỉ lưu một mã băm có khoá bí mật (không thể tính ngược ra số căn cước) và 3 chữ số cuối để cán bộ đối chiếu.',
  'Mã băm tự động bị xoá khi không còn cần: sau ngày làm việc của số thứ tự, hoặc khi lịch hẹn đã nhận số, bị huỷ hay hết hạn. 3 chữ số cuối được giữ cùng số thứ tự trong nhật ký của Trung tâm; riêng chúng không đủ để nhận ra ai.',
  'Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP, bạn có quyền được biết, yêu cầu xoá và khiếu nại về dữ liệu của mình: xin hỏi cán bộ hướng dẫn của Trung tâm.',
];

/** The English line for the kiosk's English mode. */
export const PRIVACY_EN =
  'Your ID number only enforces the daily limits. It is not stored: only a keyed hash (deleted after the day of your number, or once your booking is over) and its last 3 digits.';
