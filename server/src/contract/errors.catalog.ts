import { errorTable } from './errors.table.ts';

/** The center's configuration: departments, areas, procedures, settings, imports and backups. */
export const CATALOG_ERRORS = errorTable(`
area.not_found 404 Không tìm thấy lĩnh vực. | Area not found.
procedure.not_found 404 Không tìm thấy thủ tục. | Procedure not found.
procedure.code_taken 409 Mã thủ tục này đã có trong danh mục. | A procedure with this code already exists.
procedure.withdrawn 422 Thủ tục này đã ngừng áp dụng. Vui lòng hỏi quầy hướng dẫn.
  | This procedure has been withdrawn.
procedure.area_mismatch 422 Thủ tục không thuộc lĩnh vực đã chọn. | The procedure belongs to another area.
procedure.from_province 409 Thủ tục này thuộc danh mục của tỉnh; trung tâm không sửa hay ngừng được. Chưa có gì thay
  đổi.
  | This procedure comes from the province catalogue and cannot be changed here; nothing was changed.
import.invalid 422 Tệp nhập có dòng không hợp lệ; chưa có gì thay đổi.
  | The import file has invalid rows; nothing was changed.
area.closed 409 Lĩnh vực này đang tạm ngừng cấp số. | This area is closed.
area.outside_hours 409 Ngoài giờ cấp số của lĩnh vực này. | Outside issuing hours.
area.holiday 409 Hôm nay là ngày nghỉ, Trung tâm không cấp số. | The center is closed today.
area.daily_limit_reached 409 Lĩnh vực này đã hết số trong ngày hôm nay. | Daily limit reached for this area.
area.numbers_exhausted 409 Lĩnh vực này đã dùng hết dãy số trong ngày. | Number block exhausted for today.
area.code_taken 409 Mã lĩnh vực đã tồn tại. | Area code already exists.
area.block_overlap 409 Dãy số trùng với dãy số của lĩnh vực khác. | Number block overlaps another area.
area.no_counter 409 Chưa có quầy phục vụ lĩnh vực này. | No counter serves this area.
department.not_found 404 Không tìm thấy sở, ngành. | Department not found.
department.code_taken 409 Mã sở, ngành đã tồn tại. | Department code already exists.
department.in_use 409 Sở, ngành còn lĩnh vực, không thể xoá. | Department still has areas.
settings.invalid 422 Cấu hình không hợp lệ. | Invalid settings.
backup.in_progress 409 Đang tạo một bản sao lưu khác. Vui lòng chờ giây lát rồi xem lại danh sách.
  | A backup is already being made.
`);
