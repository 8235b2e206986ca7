import { useEffect, useState } from 'preact/hooks';
import type { AreaDto } from '@contract/dto';
import type { AdminApi, CenterSettings } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Field, Notice, Section } from '../admin.fields.tsx';
import type { Errors } from './settings.validate.ts';

type Booking = CenterSettings['booking'];
type Limits = CenterSettings['citizenLimits'];

/**
 * The staff override PIN as the form holds it: `undefined` leaves it as it is, a string sets it, `null` removes it.
 * The server never sends the PIN back (only whether one is set).
 */
export type PinEdit = string | null | undefined;

type Flag = 'booking.enabled' | 'booking.remoteTickets' | 'citizenLimits.requireCardAtKiosk';
type NumberField = `booking.${NumberKeys<Booking>}` | `citizenLimits.${NumberKeys<Limits>}` | 'elderlyAge';
type NumberKeys<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T] & string;

/** The section's check boxes: the setting each one switches (its input's name) and what it says. */
const FLAGS: [Flag, string][] = [
  ['booking.enabled', 'Cho phép đặt hẹn trực tuyến (/book)'],
  ['booking.remoteTickets', 'Cho phép lấy số từ xa trong ngày'],
  ['citizenLimits.requireCardAtKiosk', 'Bắt buộc quét CCCD tại ki-ốt'],
];

/** The section's number fields, in the order the form shows them; bounds only where the browser should hint them. */
const NUMBERS: { name: NumberField; label: string; min?: number; max?: number }[] = [
  { name: 'booking.daysAhead', label: 'Đặt trước tối đa (ngày)', min: 0, max: 60 },
  { name: 'booking.slotMinutes', label: 'Độ dài mỗi khung giờ (phút)', min: 5, max: 240 },
  { name: 'booking.onlineSharePercent', label: 'Phần dành cho đặt trực tuyến (%)', min: 0, max: 100 },
  { name: 'booking.checkInEarlyMinutes', label: 'Được đến sớm (phút trước giờ hẹn)' },
  { name: 'booking.checkInLateMinutes', label: 'Được đến muộn (phút sau giờ hẹn)' },
  { name: 'booking.perAddressPerHour', label: 'Mỗi địa chỉ mạng tối đa (lượt/giờ)' },
  { name: 'citizenLimits.perDay', label: 'Mỗi công dân tối đa (số/ngày)' },
  { name: 'citizenLimits.perAreaPerDay', label: 'Mỗi công dân, một lĩnh vực (số/ngày)' },
  { name: 'elderlyAge', label: 'Tự động ưu tiên từ (tuổi)' },
];

/** Bookings, remote numbers and the per-citizen limits (issue 13): one section of the settings form. */
export function BookingSettings(props: {
  booking: Booking;
  limits: Limits;
  elderlyAge: number;
  pinSet: boolean;
  pin: PinEdit;
  errors: Errors;
  onBooking: (b: Booking) => void;
  onLimits: (l: Limits) => void;
  onElderlyAge: (n: number) => void;
  onPin: (p: PinEdit) => void;
}) {
  const { booking: b, limits: l, errors } = props;
  // A field's name says where its value lives: `booking.x`, `citizenLimits.x`, or the settings' own elderlyAge.
  const read = (name: string): unknown => {
    const [group, key] = name.split('.') as [string, string | undefined];
    if (key === undefined) return props.elderlyAge;
    return (group === 'booking' ? b : l)[key as never];
  };
  const write = (name: string, value: number | boolean) => {
    const [group, key] = name.split('.') as [string, string | undefined];
    if (key === undefined) props.onElderlyAge(value as number);
    else if (group === 'booking') props.onBooking({ ...b, [key]: value });
    else props.onLimits({ ...l, [key]: value });
  };
  return (
    <Section title="Đặt hẹn, lấy số từ xa và giới hạn mỗi công dân">
      <div class="grid-3">
        {FLAGS.map(([name, label]) => (
          <label class="inline check-big" key={name}>
            <input
              type="checkbox"
              name={name}
              checked={read(name) as boolean}
              onChange={(e) => write(name, e.currentTarget.checked)}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <div class="grid-3">
        {NUMBERS.map((f) => (
          <Field label={f.label} error={errors[f.name]} key={f.name}>
            <input
              type="number"
              name={f.name}
              min={f.min}
              max={f.max}
              value={read(f.name) as number}
              onInput={(e) => write(f.name, Number(e.currentTarget.value))}
            />
          </Field>
        ))}
        <Field
          label="Mã xác nhận của cán bộ (4–8 chữ số)"
          error={errors.overridePin}
          hint={
            props.pin === null
              ? 'Mã sẽ bị xoá khi lưu.'
              : props.pinSet
                ? 'Đã đặt mã. Để trống: giữ nguyên mã cũ.'
                : 'Chưa đặt mã: ki-ốt không cho cán bộ cấp số thay khi công dân không có CCCD.'
          }
        >
          <input
            type="password"
            name="overridePin"
            inputMode="numeric"
            autoComplete="new-password"
            value={typeof props.pin === 'string' ? props.pin : ''}
            disabled={props.pin === null}
            onInput={(e) => props.onPin(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
          />
        </Field>
        {props.pinSet && (
          <label class="inline">
            <input
              type="checkbox"
              name="overridePin.remove"
              checked={props.pin === null}
              onChange={(e) => props.onPin(e.currentTarget.checked ? null : undefined)}
            />{' '}
            Xoá mã xác nhận
          </label>
        )}
      </div>
    </Section>
  );
}

/** Places per booking slot, area by area (PATCH /api/areas/:id); 0: the area takes no bookings. */
export function AreaCapacities(props: { api: AdminApi }) {
  const [areas, setAreas] = useState<AreaDto[]>([]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const load = () => props.api.areas(true).then(setAreas, (e) => setMsg({ kind: 'error', text: errorText(e) }));
  useEffect(() => {
    void load();
  }, []);

  async function save(a: AreaDto) {
    const raw = (edits[a.id] ?? String(a.bookingSlotCapacity ?? 0)).trim();
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n > 10_000) {
      setMsg({ kind: 'error', text: `${a.name}: số chỗ là một số nguyên từ 0 đến 10000.` });
      return;
    }
    try {
      await props.api.patchArea(a.id, { bookingSlotCapacity: n });
      setMsg({
        kind: 'ok',
        text: n ? `Đã lưu: ${a.name} nhận ${n} lượt hẹn mỗi khung giờ.` : `Đã lưu: ${a.name} không nhận đặt hẹn.`,
      });
      setEdits(({ [a.id]: _, ...rest }) => rest);
      await load();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    }
  }

  return (
    <Section title="Số lượt hẹn mỗi khung giờ theo lĩnh vực">
      <p class="muted">0: lĩnh vực không nhận đặt hẹn. Phần dành cho đặt trực tuyến tính theo tỉ lệ % ở trên.</p>
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      <table class="data-table compact" aria-label="Số lượt hẹn mỗi khung giờ">
        <thead>
          <tr>
            <th>Lĩnh vực</th>
            <th class="num">Lượt hẹn / khung giờ (người)</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={a.id} data-area={a.code}>
              <td>
                <b>{a.code}</b> – {a.name}
              </td>
              <td class="num">
                <input
                  type="number"
                  min={0}
                  max={10000}
                  class="w-num"
                  aria-label={`Lượt hẹn mỗi khung giờ của ${a.name}`}
                  value={edits[a.id] ?? String(a.bookingSlotCapacity ?? 0)}
                  onInput={(e) => setEdits({ ...edits, [a.id]: e.currentTarget.value })}
                />
              </td>
              <td class="actions">
                <button type="button" class="btn btn-soft btn-sm" onClick={() => void save(a)}>
                  Lưu
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
