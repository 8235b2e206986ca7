import type { AreaDto } from '@contract/dto';
import { Field, FormActions } from '../admin.fields.tsx';
import type { Errors, ProcedureDraft } from './procedure.validate.ts';

/** The edit box of one procedure: what the kiosk's card shows a citizen (documents, fee, time limit). */
export function ProcedureForm(props: {
  draft: ProcedureDraft;
  errors: Errors;
  areas: AreaDto[];
  busy: boolean;
  onChange: (p: Partial<ProcedureDraft>) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { draft, errors, onChange: set } = props;
  return (
    <form
      class="edit-box"
      noValidate
      aria-label="Thủ tục"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h3>{draft.id ? `Sửa thủ tục ${draft.code}` : 'Thủ tục mới'}</h3>
      <div class="grid-4">
        <Field label="Mã thủ tục" error={errors.code} hint="Mã trên Cổng dịch vụ công, ví dụ 2.000488">
          <input name="code" value={draft.code} onInput={(e) => set({ code: e.currentTarget.value })} />
        </Field>
        <Field label="Tên thủ tục" error={errors.name} wide>
          <input name="name" value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />
        </Field>
        <Field label="Lĩnh vực" error={errors.areaId}>
          <select name="areaId" value={draft.areaId} onChange={(e) => set({ areaId: e.currentTarget.value })}>
            <option value="">— Chọn —</option>
            {props.areas.map((a) => (
              <option value={a.id} key={a.id}>
                {a.code} – {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Thời hạn giải quyết" error={errors.timeLimit} hint="Ví dụ: 10 ngày làm việc">
          <input name="timeLimit" value={draft.timeLimit} onInput={(e) => set({ timeLimit: e.currentTarget.value })} />
        </Field>
        <Field label="Phí, lệ phí" error={errors.fee} hint="Ví dụ: 200.000 đồng; để trống nếu không thu" wide>
          <input name="fee" value={draft.fee} onInput={(e) => set({ fee: e.currentTarget.value })} />
        </Field>
        <Field label="Thành phần hồ sơ" error={errors.documents} hint="Mỗi giấy tờ một dòng" wide>
          <textarea
            name="documents"
            rows={5}
            value={draft.documents}
            onInput={(e) => set({ documents: e.currentTarget.value })}
          />
        </Field>
        <Field label="Từ khoá" error={errors.keywords} hint="Tên gọi khác người dân hay dùng, cách nhau bởi dấu ;" wide>
          <input name="keywords" value={draft.keywords} onInput={(e) => set({ keywords: e.currentTarget.value })} />
        </Field>
      </div>
      <FormActions save="Lưu thủ tục" busy={props.busy} onCancel={props.onCancel} />
    </form>
  );
}
