import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import type { DeviceDto } from '@contract/dto';
import type { AdminApi, DeviceInput, PairingCode } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { formatDateTime } from '@ui/time.format';
import { Notice, Section } from '../admin.fields.tsx';
import type { Catalog } from '../catalog/catalog.hook.ts';
import { KIND_LABEL, pairingUrl, validateDevice } from './device.links.ts';
import { displaySettings, EMPTY_FILTER, filterFromSettings } from './display.filter.tsx';
import { confirmRepair, PairingCodeBox, PairingStatus } from './pairing.box.tsx';
import { modelSettings, PrinterModelSelect } from './printer.model.tsx';
import { printerModelOf } from '@contract/printer.address';
import type { PrinterModel } from '@contract/print.job';
import {
  CreatedDeviceBox,
  DisplayFilterForm,
  NewDeviceForm,
  type Created,
  type Draft,
  type FilterEdit,
  type Listed,
} from './device.forms.tsx';

/** Devices: create (token shown once, pairing code + QR), pairing codes on demand, change printer, revoke. */
export function DevicesPanel(props: {
  api: AdminApi;
  catalog: Catalog;
  /** How often the list is re-read while a code is on screen. */ pollMs?: number;
}) {
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
  // While a code is on screen, re-read the list: once the device pairs (by its token or the code), the code is dead.
  // Only a read made after the code was shown counts (the list of the moment before may say "in use" of a re-pair).
  const showing = created?.id ?? fresh?.device.id ?? null;
  const [usedBy, setUsedBy] = useState<string | null>(null);
  useEffect(() => {
    setUsedBy(null);
    if (!showing) return;
    const t = setInterval(() => {
      props.api.devices().then(
        (list) => {
          setDevices(list);
          if (list.some((d) => d.id === showing && d.inUse)) setUsedBy(showing);
        },
        () => undefined,
      );
    }, props.pollMs ?? 5000);
    return () => clearInterval(t);
  }, [showing]);
  const pairedNow = (id: string) => usedBy === id;
  const counterNo = (id: string | null) => catalog.counters.find((c) => c.id === id)?.number ?? null;

  async function create(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const errs = validateDevice(draft);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMsg(null); // the field errors are the news now: an older "Đã lưu …" beside them would contradict them
      return;
    }
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
        <CreatedDeviceBox created={created} paired={pairedNow(created.id)} onClose={() => setCreated(null)} />
      )}
      {fresh && (
        <PairingCodeBox
          device={fresh.device}
          code={fresh.code}
          paired={pairedNow(fresh.device.id)}
          onClose={() => setFresh(null)}
        />
      )}
      {draft && (
        <NewDeviceForm
          draft={draft}
          errors={errors}
          catalog={catalog}
          kiosks={kiosks}
          onChange={setDraft}
          onSubmit={create}
          onCancel={() => setDraft(null)}
        />
      )}
      {editing && (
        <DisplayFilterForm
          editing={editing}
          catalog={catalog}
          onChange={setEditing}
          onSubmit={saveFilter}
          onCancel={() => setEditing(null)}
        />
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
