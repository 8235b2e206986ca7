import { errorTable } from './errors.table.ts';

/** The province hub and the center's link to it (issue 14). */
export const PROVINCE_ERRORS = errorTable(`
province.link_invalid 422 Địa chỉ máy chủ tỉnh phải bắt đầu bằng http:// hoặc https://.
  | The province URL must start with http:// or https://.
province.bad_token 401 Mã kết nối của trung tâm không hợp lệ hoặc đã bị thu hồi. | Unknown or revoked center token.
province.feed_gap 409 Lô dữ liệu không liền mạch với lô đã nhận; hãy gửi lại từ vị trí đã xác nhận.
  | Feed gap: resend from ackSeq + 1.
province.center_code_taken 409 Mã trung tâm đã tồn tại. | Center code already exists.
province.center_not_found 404 Không tìm thấy trung tâm. | Center not found.
province.database_unavailable 503 Máy chủ tỉnh tạm thời không kết nối được cơ sở dữ liệu PostgreSQL. Vui lòng thử lại
  sau ít phút.
  | The hub cannot reach PostgreSQL; try again shortly.
`);
