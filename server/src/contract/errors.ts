/**
 * Every error a caller can get: a stable dotted code, its HTTP status and a Vietnamese message
 * a citizen or clerk can act on. Front-ends import this table to show the same words.
 */
export const ERRORS = {
  'request.malformed_json': { status: 400, vi: 'Dữ liệu gửi lên không phải JSON hợp lệ.', en: 'Malformed JSON body.' },
  'request.invalid': { status: 422, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'Invalid request.' },
  'request.too_large': { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'Request body too large.' },
  'request.too_deep': { status: 400, vi: 'Dữ liệu gửi lên lồng nhau quá sâu.', en: 'Request body nested too deeply.' },
  'request.not_found': { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such route.' },
  'request.method_not_allowed': { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  'request.rate_limited': {
    status: 429,
    vi: 'Quá nhiều yêu cầu từ thiết bị này. Vui lòng chờ vài giây rồi thử lại.',
    en: 'Too many requests from this address; retry after a few seconds.',
  },
  'auth.required': { status: 401, vi: 'Cần đăng nhập hoặc mã thiết bị hợp lệ.', en: 'Authentication required.' },
  'auth.invalid_credentials': {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  'auth.too_many_attempts': {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
    en: 'Too many failed logins; try again later.',
  },
  'auth.forbidden': { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'Not allowed.' },
  'auth.invalid_pairing_code': {
    status: 404,
    vi: 'Mã ghép nối không đúng, đã dùng hoặc đã hết hạn.',
    en: 'Unknown, used or expired pairing code.',
  },
  'auth.cross_site': {
    status: 403,
    vi: 'Yêu cầu bị từ chối vì không đến từ trang của hệ thống. Hãy mở lại trang quản trị và thử lại.',
    en: "Cross-site request refused: cookie-authenticated changes need JSON from this server's own pages.",
  },
  'auth.pairing_suspended': {
    status: 429,
    vi: 'Có quá nhiều lần nhập sai mã ghép nối trên toàn hệ thống. Ghép nối tạm dừng, vui lòng thử lại sau ít phút.',
    en: 'Too many wrong pairing codes server-wide; pairing is paused for a few minutes.',
  },
  'auth.invalid_token': {
    status: 401,
    vi: 'Mã xác thực không hợp lệ hoặc đã bị thu hồi.',
    en: 'Unknown, expired or revoked token.',
  },
  'socket.too_many_trackers': {
    status: 429,
    vi: 'Số này đang được theo dõi trên quá nhiều thiết bị. Hãy đóng bớt trang theo dõi rồi thử lại.',
    en: 'Too many phones follow this ticket.',
  },
  'socket.too_many_connections': {
    status: 429,
    vi: 'Có quá nhiều kết nối theo dõi từ cùng một mạng. Hãy đóng bớt trang theo dõi rồi thử lại.',
    en: 'Too many tracking connections from this address.',
  },
  'area.not_found': { status: 404, vi: 'Không tìm thấy lĩnh vực.', en: 'Area not found.' },
  'procedure.not_found': { status: 404, vi: 'Không tìm thấy thủ tục.', en: 'Procedure not found.' },
  'procedure.code_taken': {
    status: 409,
    vi: 'Mã thủ tục này đã có trong danh mục.',
    en: 'A procedure with this code already exists.',
  },
  'procedure.withdrawn': {
    status: 422,
    vi: 'Thủ tục này đã ngừng áp dụng. Vui lòng hỏi quầy hướng dẫn.',
    en: 'This procedure has been withdrawn.',
  },
  'procedure.area_mismatch': {
    status: 422,
    vi: 'Thủ tục không thuộc lĩnh vực đã chọn.',
    en: 'The procedure belongs to another area.',
  },
  'procedure.from_province': {
    status: 409,
    vi: 'Thủ tục này thuộc danh mục của tỉnh; trung tâm không sửa hay ngừng được. Chưa có gì thay đổi.',
    en: 'This procedure comes from the province catalogue and cannot be changed here; nothing was changed.',
  },
  'province.link_invalid': {
    status: 422,
    vi: 'Địa chỉ máy chủ tỉnh phải bắt đầu bằng http:// hoặc https://.',
    en: 'The province URL must start with http:// or https://.',
  },
  'import.invalid': {
    status: 422,
    vi: 'Tệp nhập có dòng không hợp lệ; chưa có gì thay đổi.',
    en: 'The import file has invalid rows; nothing was changed.',
  },
  'area.closed': { status: 409, vi: 'Lĩnh vực này đang tạm ngừng cấp số.', en: 'This area is closed.' },
  'area.outside_hours': { status: 409, vi: 'Ngoài giờ cấp số của lĩnh vực này.', en: 'Outside issuing hours.' },
  'area.holiday': {
    status: 409,
    vi: 'Hôm nay là ngày nghỉ, Trung tâm không cấp số.',
    en: 'The center is closed today.',
  },
  'area.daily_limit_reached': {
    status: 409,
    vi: 'Lĩnh vực này đã hết số trong ngày hôm nay.',
    en: 'Daily limit reached for this area.',
  },
  'area.numbers_exhausted': {
    status: 409,
    vi: 'Lĩnh vực này đã dùng hết dãy số trong ngày.',
    en: 'Number block exhausted for today.',
  },
  'area.code_taken': { status: 409, vi: 'Mã lĩnh vực đã tồn tại.', en: 'Area code already exists.' },
  'area.block_overlap': {
    status: 409,
    vi: 'Dãy số trùng với dãy số của lĩnh vực khác.',
    en: 'Number block overlaps another area.',
  },
  'area.no_counter': { status: 409, vi: 'Chưa có quầy phục vụ lĩnh vực này.', en: 'No counter serves this area.' },
  'department.not_found': { status: 404, vi: 'Không tìm thấy sở, ngành.', en: 'Department not found.' },
  'department.code_taken': { status: 409, vi: 'Mã sở, ngành đã tồn tại.', en: 'Department code already exists.' },
  'department.in_use': { status: 409, vi: 'Sở, ngành còn lĩnh vực, không thể xoá.', en: 'Department still has areas.' },
  'ticket.not_found': { status: 404, vi: 'Không tìm thấy số thứ tự.', en: 'Ticket not found.' },
  'ticket.not_callable': {
    status: 409,
    vi: 'Số này không ở trạng thái chờ hoặc vắng mặt nên không gọi được.',
    en: 'Ticket is not waiting or no-show.',
  },
  'ticket.not_today': {
    status: 409,
    vi: 'Số này thuộc ngày làm việc khác.',
    en: 'Ticket belongs to another business day.',
  },
  'ticket.not_printable': { status: 409, vi: 'Không in lại được số này.', en: 'Ticket cannot be reprinted.' },
  'counter.not_found': { status: 404, vi: 'Không tìm thấy quầy.', en: 'Counter not found.' },
  'counter.held': { status: 409, vi: 'Quầy đang do cán bộ khác sử dụng.', en: 'Counter is held by another clerk.' },
  'counter.clerk_has_other': {
    status: 409,
    vi: 'Bạn đang giữ một quầy khác. Hãy đóng quầy đó trước.',
    en: 'You already hold another counter.',
  },
  'counter.not_held': {
    status: 409,
    vi: 'Bạn chưa nhận quầy này. Hãy mở quầy trước.',
    en: 'You do not hold this counter.',
  },
  'counter.closed': { status: 409, vi: 'Quầy đang đóng. Hãy mở quầy trước.', en: 'Counter is closed.' },
  'counter.no_current_ticket': {
    status: 409,
    vi: 'Quầy không có số đang phục vụ.',
    en: 'No current ticket at this counter.',
  },
  'counter.has_current_ticket': {
    status: 409,
    vi: 'Quầy còn số đang phục vụ. Hãy hoàn thành, chuyển hoặc đánh dấu vắng mặt trước.',
    en: 'Counter still has a current ticket.',
  },
  'counter.number_taken': { status: 409, vi: 'Số quầy đã tồn tại.', en: 'Counter number already exists.' },
  'counter.stale_view': {
    status: 409,
    vi: 'Màn hình quầy đã cũ: số hiện tại đã thay đổi. Vui lòng xem lại.',
    en: 'The console is out of date: the current ticket changed.',
  },
  'transfer.target_required': {
    status: 422,
    vi: 'Hãy chọn lĩnh vực hoặc quầy để chuyển đến.',
    en: 'Choose an area or a counter.',
  },
  'transfer.same_counter': {
    status: 409,
    vi: 'Không thể chuyển về chính quầy đang phục vụ.',
    en: 'Cannot transfer to the same counter.',
  },
  'rating.invalid_level': { status: 422, vi: 'Mức đánh giá không hợp lệ.', en: 'Unknown rating level.' },
  'rating.duplicate': { status: 409, vi: 'Số này đã được đánh giá.', en: 'Ticket already rated.' },
  'rating.not_allowed': {
    status: 409,
    vi: 'Chỉ đánh giá được số vừa hoàn thành tại quầy của thiết bị này.',
    en: "Ticket was not just finished at this device's counter.",
  },
  'user.not_found': { status: 404, vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  'user.username_taken': { status: 409, vi: 'Tên đăng nhập đã tồn tại.', en: 'Username already exists.' },
  'user.cannot_deactivate_self': {
    status: 409,
    vi: 'Không thể tự khoá tài khoản của mình.',
    en: 'You cannot deactivate yourself.',
  },
  'device.not_found': { status: 404, vi: 'Không tìm thấy thiết bị.', en: 'Device not found.' },
  'device.counter_required': {
    status: 422,
    vi: 'Thiết bị đánh giá cần gắn với một quầy.',
    en: 'A rating device needs counterId.',
  },
  'device.kiosk_required': {
    status: 422,
    vi: 'Thiết bị in cần gắn với một ki-ốt.',
    en: 'A printer device needs kioskId.',
  },
  'device.printer_only_kiosk': { status: 422, vi: 'Chỉ ki-ốt mới có máy in.', en: 'Only kiosks have a printer.' },
  'print.no_printer': { status: 409, vi: 'Ki-ốt này chưa cấu hình máy in.', en: 'This kiosk has no printer.' },
  'print.job_not_found': { status: 404, vi: 'Không tìm thấy lệnh in.', en: 'Print job not found.' },
  'settings.invalid': { status: 422, vi: 'Cấu hình không hợp lệ.', en: 'Invalid settings.' },
  'citizen.invalid_id': {
    status: 422,
    vi: 'Số căn cước không hợp lệ: cần đủ 12 chữ số, bắt đầu bằng mã tỉnh đúng. Vui lòng kiểm tra lại.',
    en: 'Invalid citizen ID number.',
  },
  'citizen.limit_reached': {
    status: 409,
    vi: 'Công dân đã lấy đủ số lượt cho phép trong ngày (tính cả số đã đặt hẹn). Vui lòng liên hệ cán bộ hướng dẫn.',
    en: 'This citizen has reached the daily limit.',
  },
  'citizen.card_required': {
    status: 422,
    vi: 'Vui lòng quét thẻ căn cước (hoặc mã đặt hẹn) để lấy số. Không có thẻ: mời gặp cán bộ hướng dẫn.',
    en: 'Scan the citizen ID card or a booking code to take a number.',
  },
  'citizen.override_denied': {
    status: 403,
    vi: 'Mã xác nhận của cán bộ không đúng.',
    en: 'Wrong staff override PIN.',
  },
  'booking.disabled': {
    status: 404,
    vi: 'Trung tâm chưa mở đặt lịch hẹn / lấy số từ xa.',
    en: 'Booking is not enabled at this center.',
  },
  'booking.slot_full': {
    status: 409,
    vi: 'Khung giờ này đã hết chỗ. Vui lòng chọn khung giờ khác.',
    en: 'This slot is full.',
  },
  'booking.not_a_slot': {
    status: 422,
    vi: 'Thời điểm đã chọn không phải một khung giờ nhận hẹn của lĩnh vực này.',
    en: 'Not a booking slot of this area.',
  },
  'booking.not_found': {
    status: 404,
    vi: 'Không tìm thấy lịch hẹn (mã sai hoặc lịch hẹn đã huỷ).',
    en: 'Booking not found or cancelled.',
  },
  'booking.too_early': {
    status: 409,
    vi: 'Chưa đến giờ xác nhận lịch hẹn. Vui lòng quay lại gần giờ hẹn.',
    en: 'Too early to check in for this booking.',
  },
  'booking.too_late': {
    status: 409,
    vi: 'Đã quá giờ hẹn. Vui lòng lấy số thường hoặc đặt lịch khác.',
    en: 'Too late to check in for this booking.',
  },
  'booking.not_open': {
    status: 409,
    vi: 'Lịch hẹn này không còn hiệu lực (đã huỷ, đã quá hạn hoặc đã xác nhận).',
    en: 'This booking can no longer be changed.',
  },
  'server.storage_unavailable': {
    status: 503,
    vi: 'Máy chủ tạm thời không ghi được dữ liệu (ổ đĩa đầy, chỉ đọc hoặc đang bị khoá). Vui lòng thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên.',
    en: 'Storage unavailable (disk full, read-only or locked); try again shortly.',
  },
  'backup.in_progress': {
    status: 409,
    vi: 'Đang tạo một bản sao lưu khác. Vui lòng chờ giây lát rồi xem lại danh sách.',
    en: 'A backup is already being made.',
  },
  'server.unavailable': {
    status: 503,
    vi: 'Máy chủ đang khởi động lại, vui lòng thử lại.',
    en: 'Server is restarting.',
  },
  'server.busy': {
    status: 503,
    vi: 'Máy chủ đang bận, vui lòng thử lại sau vài giây.',
    en: 'Server busy; retry in a few seconds.',
  },
  'province.bad_token': {
    status: 401,
    vi: 'Mã kết nối của trung tâm không hợp lệ hoặc đã bị thu hồi.',
    en: 'Unknown or revoked center token.',
  },
  'province.feed_gap': {
    status: 409,
    vi: 'Lô dữ liệu không liền mạch với lô đã nhận; hãy gửi lại từ vị trí đã xác nhận.',
    en: 'Feed gap: resend from ackSeq + 1.',
  },
  'province.center_code_taken': { status: 409, vi: 'Mã trung tâm đã tồn tại.', en: 'Center code already exists.' },
  'province.center_not_found': { status: 404, vi: 'Không tìm thấy trung tâm.', en: 'Center not found.' },
  'province.database_unavailable': {
    status: 503,
    vi: 'Máy chủ tỉnh tạm thời không kết nối được cơ sở dữ liệu PostgreSQL. Vui lòng thử lại sau ít phút.',
    en: 'The hub cannot reach PostgreSQL; try again shortly.',
  },
  'server.internal': {
    status: 500,
    vi: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.',
    en: 'Internal error.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A coded error raised by the core or the edges; the HTTP layer maps it to {error: {code, message}}. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERRORS[code].vi);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}
