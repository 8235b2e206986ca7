import { errorTable } from './errors.table.ts';

/** The queue: tickets, counters, transfers, ratings and printing. */
export const TICKET_ERRORS = errorTable(`
ticket.not_found 404 Không tìm thấy số thứ tự. | Ticket not found.
ticket.not_callable 409 Số này không ở trạng thái chờ hoặc vắng mặt nên không gọi được.
  | Ticket is not waiting or no-show.
ticket.not_today 409 Số này thuộc ngày làm việc khác. | Ticket belongs to another business day.
ticket.not_printable 409 Không in lại được số này. | Ticket cannot be reprinted.
counter.not_found 404 Không tìm thấy quầy. | Counter not found.
counter.held 409 Quầy đang do cán bộ khác sử dụng. | Counter is held by another clerk.
counter.clerk_has_other 409 Bạn đang giữ một quầy khác. Hãy đóng quầy đó trước. | You already hold another counter.
counter.not_held 409 Bạn chưa nhận quầy này. Hãy mở quầy trước. | You do not hold this counter.
counter.closed 409 Quầy đang đóng. Hãy mở quầy trước. | Counter is closed.
counter.no_current_ticket 409 Quầy không có số đang phục vụ. | No current ticket at this counter.
counter.has_current_ticket 409 Quầy còn số đang phục vụ. Hãy hoàn thành, chuyển hoặc đánh dấu vắng mặt trước.
  | Counter still has a current ticket.
counter.number_taken 409 Số quầy đã tồn tại. | Counter number already exists.
counter.stale_view 409 Màn hình quầy đã cũ: số hiện tại đã thay đổi. Vui lòng xem lại.
  | The console is out of date: the current ticket changed.
transfer.target_required 422 Hãy chọn lĩnh vực hoặc quầy để chuyển đến. | Choose an area or a counter.
transfer.same_counter 409 Không thể chuyển về chính quầy đang phục vụ. | Cannot transfer to the same counter.
rating.invalid_level 422 Mức đánh giá không hợp lệ. | Unknown rating level.
rating.duplicate 409 Số này đã được đánh giá. | Ticket already rated.
rating.not_allowed 409 Chỉ đánh giá được số vừa hoàn thành tại quầy của thiết bị này.
  | Ticket was not just finished at this device's counter.
print.no_printer 409 Ki-ốt này chưa cấu hình máy in. | This kiosk has no printer.
print.job_not_found 404 Không tìm thấy lệnh in. | Print job not found.
`);
