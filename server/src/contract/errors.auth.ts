import { errorTable } from './errors.table.ts';

/** Who is calling: logins, tokens, pairing, users and devices, the socket limits. */
export const AUTH_ERRORS = errorTable(`
auth.required 401 Cần đăng nhập hoặc mã thiết bị hợp lệ. | Authentication required.
auth.invalid_credentials 401 Tên đăng nhập hoặc mật khẩu không đúng. | Wrong username or password.
auth.too_many_attempts 429 Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.
  | Too many failed logins; try again later.
auth.forbidden 403 Bạn không có quyền thực hiện thao tác này. | Not allowed.
auth.invalid_pairing_code 404 Mã ghép nối không đúng, đã dùng hoặc đã hết hạn.
  | Unknown, used or expired pairing code.
auth.cross_site 403 Yêu cầu bị từ chối vì không đến từ trang của hệ thống. Hãy mở lại trang quản trị và thử lại.
  | Cross-site request refused: cookie-authenticated changes need JSON from this server's own pages.
auth.pairing_suspended 429 Có quá nhiều lần nhập sai mã ghép nối trên toàn hệ thống. Ghép nối tạm dừng, vui lòng thử
  lại sau ít phút.
  | Too many wrong pairing codes server-wide; pairing is paused for a few minutes.
auth.invalid_token 401 Mã xác thực không hợp lệ hoặc đã bị thu hồi. | Unknown, expired or revoked token.
socket.too_many_trackers 429 Số này đang được theo dõi trên quá nhiều thiết bị. Hãy đóng bớt trang theo dõi rồi thử
  lại.
  | Too many phones follow this ticket.
socket.too_many_connections 429 Có quá nhiều kết nối theo dõi từ cùng một mạng. Hãy đóng bớt trang theo dõi rồi thử
  lại.
  | Too many tracking connections from this address.
user.not_found 404 Không tìm thấy người dùng. | User not found.
user.username_taken 409 Tên đăng nhập đã tồn tại. | Username already exists.
user.cannot_deactivate_self 409 Không thể tự khoá tài khoản của mình. | You cannot deactivate yourself.
device.not_found 404 Không tìm thấy thiết bị. | Device not found.
device.counter_required 422 Thiết bị đánh giá cần gắn với một quầy. | A rating device needs counterId.
device.kiosk_required 422 Thiết bị in cần gắn với một ki-ốt. | A printer device needs kioskId.
device.printer_only_kiosk 422 Chỉ ki-ốt mới có máy in. | Only kiosks have a printer.
`);
