import type { DeviceDto } from '@contract/dto';
import type { PrinterModel } from '@contract/print.job';
import { counterListName } from '@ui/counter.name';
import { formatDateTime } from '@ui/time.format';
import { Field, FormActions, Notice } from '../admin.fields.tsx';
import type { Catalog } from '../catalog/catalog.hook.ts';
import { agentCommand, KIND_LABEL } from './device.links.ts';
import { DisplayFilterFields, type DisplayFilter } from './display.filter.tsx';
import { PrinterModelSelect } from './printer.model.tsx';

/** The pieces of the devices panel: the new-device form, the box shown once after creating, the display filter form. */
export type Draft = {
  kind: DeviceDto['kind'];
  name: string;
  counterId: string;
  kioskId: string;
  printer: string;
  printerModel: PrinterModel;
  filter: DisplayFilter;
};
/** The server may or may not echo a device's settings back; when it does, the edit form starts from them. */
export type Listed = DeviceDto & { settings?: Record<string, unknown> | null };
export type FilterEdit = { device: Listed; filter: DisplayFilter };
export type Created = DeviceDto & { token: string; url: string | null; qr: string | null };

/** An example name per kind: a kiosk's example under a rating pad made admins name pads "Ki-ốt …". */
export const NAME_EXAMPLE: Record<DeviceDto['kind'], string> = {
  kiosk: 'Ki-ốt sảnh chính',
  display: 'Màn hình sảnh tầng 1',
  rating: 'Thiết bị đánh giá quầy 1',
  printer: 'Chương trình in ki-ốt sảnh',
};

/**
 * Shown once after creating. `paired`: the device has since used its token (the address or QR), so the pairing code
 * no longer works and is not shown any more (an admin typing it would only get a refusal).
 */
export function CreatedDeviceBox(props: { created: Created; paired?: boolean; onClose: () => void }) {
  if (props.paired) {
    return (
      <div class="pair-box" data-testid="pairing" role="status">
        <div>
          <h3>
            Thiết bị đã ghép nối: {KIND_LABEL[props.created.kind].toLowerCase()} «{props.created.name}»
          </h3>
          <p>Thiết bị đã dùng mã thiết bị; mã ghép nối không còn hiệu lực nên không hiển thị nữa.</p>
          <button class="btn btn-soft" onClick={() => props.onClose()}>
            Đóng
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="pair-box" data-testid="pairing">
      {props.created.qr && (
        <img class="pair-qr" src={props.created.qr} alt="Mã QR ghép nối thiết bị" width={260} height={260} />
      )}
      <div>
        <h3>
          Đã tạo {KIND_LABEL[props.created.kind].toLowerCase()} «{props.created.name}»
        </h3>
        <p>
          Mã ghép nối (nhập trên thiết bị, dùng một lần): <b class="pair-code">{props.created.pairingCode ?? '—'}</b>
          {props.created.pairingExpiresAt && (
            <span class="muted"> · hết hạn {formatDateTime(props.created.pairingExpiresAt)} (10 phút)</span>
          )}
        </p>
        {props.created.url ? (
          <p>
            Hoặc quét mã QR / mở địa chỉ: <code class="break">{props.created.url}</code>
          </p>
        ) : (
          <p>
            Chạy trên máy đặt cạnh ki-ốt:{' '}
            <code class="break">{agentCommand(location.origin, props.created.token)}</code>
          </p>
        )}
        <p class="warn-text">
          Mã thiết bị chỉ hiển thị một lần: <code class="break">{props.created.token}</code>
        </p>
        <button class="btn btn-soft" onClick={() => props.onClose()}>
          Đã ghi lại, đóng
        </button>
      </div>
    </div>
  );
}

export function NewDeviceForm(props: {
  draft: Draft;
  errors: Record<string, string>;
  catalog: Catalog;
  kiosks: DeviceDto[];
  onChange: (d: Draft) => void;
  onSubmit: (e: Event) => void;
  onCancel: () => void;
}) {
  const { draft, errors, catalog, kiosks } = props;
  return (
    <form class="edit-box" onSubmit={props.onSubmit} noValidate aria-label="Thiết bị mới">
      <div class="grid-4">
        <Field label="Loại thiết bị">
          <select
            name="kind"
            value={draft.kind}
            onChange={(e) => props.onChange({ ...draft, kind: e.currentTarget.value as DeviceDto['kind'] })}
          >
            {(Object.keys(KIND_LABEL) as DeviceDto['kind'][]).map((k) => (
              <option value={k} key={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Tên thiết bị" error={errors.name}>
          <input
            name="name"
            value={draft.name}
            placeholder={NAME_EXAMPLE[draft.kind]}
            onInput={(e) => props.onChange({ ...draft, name: e.currentTarget.value })}
          />
        </Field>
        {(draft.kind === 'rating' || draft.kind === 'display') && (
          <Field
            label={draft.kind === 'rating' ? 'Quầy' : 'Bảng quầy (để trống: màn hình sảnh)'}
            error={errors.counterId}
          >
            <select
              name="counterId"
              value={draft.counterId}
              onChange={(e) => props.onChange({ ...draft, counterId: e.currentTarget.value })}
            >
              <option value="">— {draft.kind === 'rating' ? 'Chọn quầy' : 'Màn hình sảnh chung'} —</option>
              {catalog.counters.map((c) => (
                <option value={c.id} key={c.id}>
                  {counterListName(c)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {draft.kind === 'display' && !draft.counterId && (
          <DisplayFilterFields
            value={draft.filter}
            areas={catalog.areas}
            onChange={(filter) => props.onChange({ ...draft, filter })}
          />
        )}
        {draft.kind === 'kiosk' && (
          <Field
            label="Máy in"
            error={errors.printer}
            hint="tcp://192.168.1.50:9100, /dev/usb/lp0, cups://TÊN, agent, browser"
          >
            <input
              name="printer"
              value={draft.printer}
              placeholder="tcp://192.168.1.50:9100"
              onInput={(e) => props.onChange({ ...draft, printer: e.currentTarget.value })}
            />
          </Field>
        )}
        {draft.kind === 'kiosk' && (
          <Field label="Loại máy in" hint="Star: máy Star ở chế độ Star Line Mode">
            <PrinterModelSelect
              name="printerModel"
              value={draft.printerModel}
              onChange={(printerModel) => props.onChange({ ...draft, printerModel })}
            />
          </Field>
        )}
        {draft.kind === 'printer' && (
          <Field label="In cho ki-ốt" error={errors.kioskId}>
            <select
              name="kioskId"
              value={draft.kioskId}
              onChange={(e) => props.onChange({ ...draft, kioskId: e.currentTarget.value })}
            >
              <option value="">— Chọn ki-ốt —</option>
              {kiosks.map((k) => (
                <option value={k.id} key={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <FormActions save="Tạo thiết bị" onCancel={props.onCancel} />
    </form>
  );
}

export function DisplayFilterForm(props: {
  editing: FilterEdit;
  catalog: Catalog;
  onChange: (e: FilterEdit) => void;
  onSubmit: (e: Event) => void;
  onCancel: () => void;
}) {
  const { editing, catalog } = props;
  return (
    <form class="edit-box" onSubmit={props.onSubmit} noValidate aria-label="Nội dung màn hình hiển thị">
      <h3>Nội dung hiển thị của «{editing.device.name}»</h3>
      {editing.device.settings == null && (
        <Notice kind="info">
          Bộ lọc đang dùng không đọc được từ máy chủ; khi lưu, lựa chọn dưới đây thay thế toàn bộ bộ lọc cũ.
        </Notice>
      )}
      <div class="grid-4">
        <DisplayFilterFields
          value={editing.filter}
          areas={catalog.areas}
          onChange={(filter) => props.onChange({ ...editing, filter })}
        />
      </div>
      <FormActions save="Lưu nội dung hiển thị" onCancel={props.onCancel} />
    </form>
  );
}
