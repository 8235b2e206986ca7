import { errorTable } from './errors.table.ts';

/** The request itself and the server: malformed, too large, throttled, storage faults, restarts. */
export const REQUEST_ERRORS = errorTable(`
request.malformed_json 400 Dữ liệu gửi lên không phải JSON hợp lệ. | Malformed JSON body.
request.invalid 422 Dữ liệu gửi lên không hợp lệ. | Invalid request.
request.too_large 413 Dữ liệu gửi lên quá lớn. | Request body too large.
request.too_deep 400 Dữ liệu gửi lên lồng nhau quá sâu. | Request body nested too deeply.
request.not_found 404 Không tìm thấy địa chỉ yêu cầu. | No such route.
request.method_not_allowed 405 Phương thức không được hỗ trợ. | Method not allowed.
request.rate_limited 429 Quá nhiều yêu cầu từ thiết bị này. Vui lòng chờ vài giây rồi thử lại.
  | Too many requests from this address; retry after a few seconds.
server.storage_unavailable 503 Máy chủ tạm thời không ghi được dữ liệu (ổ đĩa đầy, chỉ đọc hoặc đang bị khoá). Vui
  lòng thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên.
  | Storage unavailable (disk full, read-only or locked); try again shortly.
server.unavailable 503 Máy chủ đang khởi động lại, vui lòng thử lại. | Server is restarting.
server.busy 503 Máy chủ đang bận, vui lòng thử lại sau vài giây. | Server busy; retry in a few seconds.
server.internal 500 Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên. | Internal error.
`);
