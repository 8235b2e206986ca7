import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import type { DeviceDto } from '@contract/dto';
import type { AdminApi, DeviceInput, PairingCode } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { formatDateTime } from '@ui/time.format';
import { Field, Notice, Section } from '../admin.fields.tsx';
import type { Catalog } from '../catalog/catalog.hook.ts';
import { agentCommand, KIND_LABEL, pairingUrl, validateDevice } from './device.links.ts';
import {
  DisplayFilterFields,
  displaySettings,
  EMPTY_FILTER,
  filterFromSettings,
  type DisplayFilter,
} from './display.filter.tsx';
import { confirmRepair, PairingCodeBox, PairingStatus } from './pairing.box.tsx';
import { modelSettings, PrinterModelSelect } from './printer.model.tsx';
import { printerModelOf } from '@contract/printer.address';
import type { PrinterModel } from '@contract/print.job';

type Draft = {
  kind: DeviceDto['kind'];
  name: string;
  counterId: string;
  kioskId: string;
  printer: string;
  printerModel: PrinterModel;
  filter: DisplayFilter;
};
/** The server may or may not echo a device's settings back; when it does, the edit form starts from them. */
type Listed = DeviceDto & { settings?: Record<string, unknown> | null };
type FilterEdit = { device: Listed; filter: DisplayFilter };
type Created = DeviceDto & { token: string; url: string | null; qr: string | null };

/** Devices: create (token shown once, pairing code + QR), pairing codes on demand, change printer, revoke. */
export function DevicesPanel(props: { api: AdminApi; catalog: Catalog }) {
  const { catalog } = props;
  const [devices, setDevices] = useState<Listed[]>([]);
  const [editing, setEditing] = useState<FilterEdit | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Created | null>(null);
  const [fresh, setFresh] = useState<{ device: DeviceDto; code: PairingCode } | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const load = () => props.api.devices().then(setDevices, (e) => setMsg({ kind: 'error', text: errorText(e) }));
  useEffect(() => {
    void load();
  }, []);
  const counterNo = (id: string | null) => catalog.counters.find((c) => c.id === id)?.number ?? null;

  async function create(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const errs = validateDevice(draft);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body: DeviceInput = { kind: draft.kind, name: draft.name.trim() };
    if (draft.counterId && (draft.kind === 'rating' || draft.kind === 'display')) body.counterId = draft.counterId;
    if (draft.kind === 'printer') body.kioskId = draft.kioskId;
    if (draft.kind === 'kiosk' && draft.printer.trim()) body.printer = draft.printer.trim();
    if (draft.kind === 'kiosk' && modelSettings(draft.printerModel)) body.settings = modelSettings(draft.printerModel);
    // A counter's own board shows that counter only, so the hall filter applies to hall displays alone.
    if (draft.kind === 'display' && !draft.counterId) body.settings = displaySettings(draft.filter);
    try {
      const d = await props.api.createDevice(body);
      const url = pairingUrl(location.origin, d.kind, d.token, counterNo(d.counterId));
      const qr = await QRCode.toDataURL(url ?? d.token, { margin: 1, width: 260, errorCorrectionLevel: 'M' });
      setCreated({ ...d, url, qr });
      setFresh(null);
      setDraft(null);
      setMsg(null);
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  async function changePrinter(d: DeviceDto) {
    const p = prompt(
      'Địa chỉ máy in (tcp://192.168.1.50:9100, /dev/usb/lp0, cups://TÊN, agent, browser; để trống: không in):',
      d.printer ?? '',
    );
    if (p === null) return;
    const errs = validateDevice({ kind: 'kiosk', name: d.name, counterId: '', kioskId: '', printer: p });
    if (errs.printer) {
      setMsg({ kind: 'error', text: errs.printer });
      return;
    }
    try {
      await props.api.updateDevice(d.id, { printer: p.trim() || null });
      setMsg({ kind: 'ok', text: `Đã đổi máy in của ${d.name}.` });
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  async function changeModel(d: Listed, printerModel: PrinterModel) {
    try {
      // Settings are replaced as a whole: keep whatever else the kiosk has.
      await props.api.updateDevice(d.id, { settings: { ...(d.settings ?? {}), printerModel } });
      setMsg({ kind: 'ok', text: `Đã đổi loại máy in của ${d.name}.` });
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  async function saveFilter(e: Event) {
    e.preventDefault();
    if (!editing) return;
    try {
      await props.api.updateDevice(editing.device.id, { settings: displaySettings(editing.filter) });
      setMsg({ kind: 'ok', text: `Đã lưu nội dung hiển thị của ${editing.device.name}.` });
      setEditing(null);
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  async function newPairingCode(d: DeviceDto) {
    if (!confirmRepair(d)) return;
    try {
      const code = await props.api.pairingCode(d.id);
      setCreated(null);
      setFresh({ device: d, code });
      setMsg(null);
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  async function revoke(d: DeviceDto) {
    if (!confirm(`Thu hồi thiết bị «${d.name}»? Thiết bị sẽ phải ghép nối lại.`)) return;
    try {
      await props.api.revokeDevice(d.id);
      setMsg({ kind: 'ok', text: `Đã thu hồi ${d.name}.` });
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  const kiosks = devices.filter((d) => d.kind === 'kiosk' && !d.revokedAt);
  return (
    <Section
      title="Thiết bị"
      actions={
        <button
          class="btn btn-primary"
          onClick={() => {
            setDraft({
              kind: 'kiosk',
              name: '',
              counterId: '',
              kioskId: '',
              printer: '',
              printerModel: 'epson',
              filter: EMPTY_FILTER,
            });
            setErrors({});
            setCreated(null);
            setEditing(null);
          }}
        >
          + Thêm thiết bị
        </button>
      }
    >
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      {created && (
        <div class="pair-box" data-testid="pairing">
          {created.qr && (
            <img class="pair-qr" src={created.qr} alt="Mã QR ghép nối thiết bị" width={260} height={260} />
          )}
          <div>
            <h3>
              Đã tạo {KIND_LABEL[created.kind].toLowerCase()} «{created.name}»
            </h3>
            <p>
              Mã ghép nối (nhập trên thiết bị, dùng một lần): <b class="pair-code">{created.pairingCode ?? '—'}</b>
              {created.pairingExpiresAt && (
                <span class="muted"> · hết hạn {formatDateTime(created.pairingExpiresAt)} (10 phút)</span>
              )}
            </p>
            {created.url ? (
              <p>
                Hoặc quét mã QR / mở địa chỉ: <code class="break">{created.url}</code>
              </p>
            ) : (
              <p>
                Chạy trên máy đặt cạnh ki-ốt: <code class="break">{agentCommand(location.origin, created.token)}</code>
              </p>
            )}
            <p class="warn-text">
              Mã thiết bị chỉ hiển thị một lần: <code class="break">{created.token}</code>
            </p>
            <button class="btn btn-soft" onClick={() => setCreated(null)}>
              Đã ghi lại, đóng
            </button>
          </div>
        </div>
      )}
      {fresh && <PairingCodeBox device={fresh.device} code={fresh.code} onClose={() => setFresh(null)} />}
      {draft && (
        <form class="edit-box" onSubmit={create} noValidate aria-label="Thiết bị mới">
          <div class="grid-4">
            <Field label="Loại thiết bị">
              <select
                name="kind"
                value={draft.kind}
                onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as DeviceDto['kind'] })}
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
                placeholder="Ki-ốt sảnh chính"
                onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
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
                  onChange={(e) => setDraft({ ...draft, counterId: e.currentTarget.value })}
                >
                  <option value="">— {draft.kind === 'rating' ? 'Chọn quầy' : 'Màn hình sảnh chung'} —</option>
                  {catalog.counters.map((c) => (
                    <option value={c.id} key={c.id}>
                      Quầy {c.number} – {c.name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            {draft.kind === 'display' && !draft.counterId && (
              <DisplayFilterFields
                value={draft.filter}
                areas={catalog.areas}
                onChange={(filter) => setDraft({ ...draft, filter })}
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
                  onInput={(e) => setDraft({ ...draft, printer: e.currentTarget.value })}
                />
              </Field>
            )}
            {draft.kind === 'kiosk' && (
              <Field label="Loại máy in" hint="Star: máy Star ở chế độ Star Line Mode">
                <PrinterModelSelect
                  name="printerModel"
                  value={draft.printerModel}
                  onChange={(printerModel) => setDraft({ ...draft, printerModel })}
                />
              </Field>
            )}
            {draft.kind === 'printer' && (
              <Field label="In cho ki-ốt" error={errors.kioskId}>
                <select
                  name="kioskId"
                  value={draft.kioskId}
                  onChange={(e) => setDraft({ ...draft, kioskId: e.currentTarget.value })}
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
          <div class="form-actions">
            <button class="btn btn-primary" type="submit">
              Tạo thiết bị
            </button>
            <button class="btn btn-ghost" type="button" onClick={() => setDraft(null)}>
              Huỷ
            </button>
          </div>
        </form>
      )}
      {editing && (
        <form class="edit-box" onSubmit={saveFilter} noValidate aria-label="Nội dung màn hình hiển thị">
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
              onChange={(filter) => setEditing({ ...editing, filter })}
            />
          </div>
          <div class="form-actions">
            <button class="btn btn-primary" type="submit">
              Lưu nội dung hiển thị
            </button>
            <button class="btn btn-ghost" type="button" onClick={() => setEditing(null)}>
              Huỷ
            </button>
          </div>
        </form>
      )}
      <table class="data-table">
        <thead>
          <tr>
            <th>Loại</th>
            <th>Tên</th>
            <th>Gắn với</th>
            <th>Máy in</th>
            <th>Ghép nối</th>
            <th>Hoạt động gần nhất</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} class={d.revokedAt ? 'row-off' : ''} data-device={d.name}>
              <td>{KIND_LABEL[d.kind]}</td>
              <td>
                <b>{d.name}</b>
              </td>
              <td>
                {d.counterId
                  ? `Quầy ${counterNo(d.counterId) ?? '?'}`
                  : d.kioskId
                    ? (devices.find((k) => k.id === d.kioskId)?.name ?? 'Ki-ốt')
                    : '—'}
              </td>
              <td>
                {d.printer ?? '—'}
                {d.kind === 'kiosk' && !d.revokedAt && (
                  <PrinterModelSelect
                    label={`Loại máy in của ${d.name}`}
                    value={printerModelOf(d.settings)}
                    onChange={(m) => changeModel(d, m)}
                  />
                )}
              </td>
              <td>
                <PairingStatus device={d} now={Date.now()} />
              </td>
              <td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt) : '—'}</td>
              <td class="actions">
                {!d.revokedAt && (
                  <>
                    {d.kind === 'kiosk' && (
                      <button class="btn btn-soft btn-sm" onClick={() => changePrinter(d)}>
                        Máy in
                      </button>
                    )}
                    {d.kind === 'display' && !d.counterId && (
                      <button
                        class="btn btn-soft btn-sm"
                        onClick={() => {
                          setDraft(null);
                          setEditing({ device: d, filter: filterFromSettings(d.settings, catalog.areas) });
                        }}
                      >
                        Nội dung hiển thị
                      </button>
                    )}
                    <button class="btn btn-soft btn-sm" onClick={() => newPairingCode(d)}>
                      {d.inUse ? 'Ghép nối lại' : 'Tạo mã ghép nối'}
                    </button>
                    <button class="btn btn-danger btn-sm" onClick={() => revoke(d)}>
                      Thu hồi
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
