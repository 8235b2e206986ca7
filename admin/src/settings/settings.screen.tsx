import { useEffect, useState } from 'preact/hooks';
import type { AdminApi, CenterSettings } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Choice, Field, Notice, Section } from '../admin.fields.tsx';
import { HoursEditor, LevelsEditor, TextListEditor } from './list.editors.tsx';
import { AreaCapacities, BookingSettings, type PinEdit } from './booking.settings.tsx';
import { overridePinSchema } from '@contract/settings.schema';
import { validateSettings, type Errors } from './settings.validate.ts';

/** The center's settings: one form, saved as a PATCH of the whole object. */
export function SettingsScreen(props: { api: AdminApi; onSaved?: () => void }) {
  const [s, setS] = useState<CenterSettings | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pin, setPin] = useState<PinEdit>(undefined);

  useEffect(() => {
    props.api.settings().then(setS, (e) => setMsg({ kind: 'error', text: errorText(e) }));
  }, []);
  if (!s) return msg ? <Notice kind="error">{msg.text}</Notice> : <p class="muted">Đang tải cấu hình…</p>;

  const set = <K extends keyof CenterSettings>(k: K, v: CenterSettings[K]) =>
    setS((prev) => (prev ? { ...prev, [k]: v } : prev));
  const num = (k: keyof CenterSettings) => (e: Event) =>
    set(k, Number((e.currentTarget as HTMLInputElement).value) as never);
  const txt = (k: keyof CenterSettings) => (e: Event) => set(k, (e.currentTarget as HTMLInputElement).value as never);

  async function save(e: Event) {
    e.preventDefault();
    if (!s) return;
    const clean: CenterSettings = {
      ...s,
      holidays: s.holidays.filter((d) => d !== ''),
      ratingReasons: s.ratingReasons.map((r) => r.trim()),
      priorityGroups: s.priorityGroups.map((r) => r.trim()),
    };
    const errs = validateSettings(clean);
    if (typeof pin === 'string' && !overridePinSchema.safeParse(pin).success)
      errs.overridePin = 'Mã gồm 4 đến 8 chữ số.';
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMsg({ kind: 'error', text: 'Vui lòng sửa các ô báo đỏ trước khi lưu.' });
      return;
    }
    setBusy(true);
    try {
      // overridePinSet is the server's word, not a setting; the PIN goes only when the admin typed or removed it.
      const { overridePinSet: _set, ...limits } = clean.citizenLimits as CenterSettings['citizenLimits'] & {
        overridePinSet?: boolean;
      };
      setS(
        await props.api.patchSettings({
          ...clean,
          citizenLimits: { ...limits, ...(pin !== undefined ? { overridePin: pin } : {}) },
        }),
      );
      setPin(undefined);
      setMsg({ kind: 'ok', text: 'Đã lưu cấu hình. Các màn hình sẽ tự cập nhật.' });
      props.onSaved?.();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  const pinSet = Boolean((s.citizenLimits as { overridePinSet?: boolean }).overridePinSet);
  return (
    <>
      <form class="settings-form" onSubmit={save} noValidate>
        <div class="sticky-bar">
          <h2>Cấu hình chung của Trung tâm</h2>
          {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
          <button class="btn btn-primary" type="submit" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu cấu hình'}
          </button>
        </div>
        <Section title="Thông tin Trung tâm">
          <div class="grid-2">
            <Field label="Tên Trung tâm" error={errors.name} wide>
              <input value={s.name} onInput={txt('name')} />
            </Field>
            <Field label="Tên viết tắt">
              <input value={s.shortName} onInput={txt('shortName')} />
            </Field>
            <Field label="Múi giờ" error={errors.timeZone}>
              <input value={s.timeZone} onInput={txt('timeZone')} />
            </Field>
            <Field
              label="Địa chỉ truy cập từ điện thoại (QR trên phiếu)"
              error={errors.publicUrl}
              hint="Để trống: địa chỉ mạng LAN của máy chủ."
            >
              <input value={s.publicUrl} placeholder="http://192.168.1.10:8080" onInput={txt('publicUrl')} />
            </Field>
            <Field label="Dòng thông báo (chạy trên màn hình, ki-ốt)" wide>
              <textarea rows={2} value={s.notice} onInput={txt('notice')} />
            </Field>
          </div>
        </Section>
        <Section title="Giờ cấp số và ngày nghỉ">
          <label class="inline check-big">
            <input
              type="checkbox"
              checked={s.enforceIssuingHours}
              onChange={(e) => set('enforceIssuingHours', e.currentTarget.checked)}
            />{' '}
            Chỉ cấp số trong giờ cấp số
          </label>
          <HoursEditor value={s.issuingHours} onChange={(v) => set('issuingHours', v)} errors={errors} />
          <h3>Ngày nghỉ (không cấp số)</h3>
          {errors.holidays && <span class="field-error">{errors.holidays}</span>}
          <TextListEditor
            type="date"
            value={s.holidays}
            onChange={(v) => set('holidays', v)}
            addLabel="+ Thêm ngày nghỉ"
          />
        </Section>
        <Section title="Gọi số và giọng đọc">
          <div class="grid-3">
            <Field label="Câu mời" error={errors.announcement} hint="{number}: số thứ tự, {counter}: số quầy" wide>
              <input value={s.announcement} onInput={txt('announcement')} />
            </Field>
            <Field label="Số lần đọc" error={errors.announceTimes}>
              <input type="number" min={1} max={5} value={s.announceTimes} onInput={num('announceTimes')} />
            </Field>
            <Choice
              label="Cách đọc số"
              value={s.numberReading}
              options={[
                ['words', 'Đọc thành chữ (một nghìn không trăm linh năm)'],
                ['digits', 'Đọc từng chữ số (một không không năm)'],
              ]}
              onChange={(v) => set('numberReading', v)}
            />
            <Choice
              label="Giọng vùng miền"
              value={s.dialect}
              options={[
                ['north', 'Miền Bắc (nghìn, linh)'],
                ['south', 'Miền Nam (ngàn, lẻ)'],
              ]}
              onChange={(v) => set('dialect', v)}
            />
            <Field label="Bộ giọng đọc" error={errors.voicePack}>
              <input value={s.voicePack} onInput={txt('voicePack')} />
            </Field>
          </div>
        </Section>
        <Section title="Đánh giá mức độ hài lòng">
          <p class="muted">Xếp từ mức tốt nhất đến mức thấp nhất. Mức thấp nhất được tính là “chưa hài lòng”.</p>
          {errors.ratingLevels && <span class="field-error">{errors.ratingLevels}</span>}
          {errors.ratingReasonLevels && <span class="field-error">{errors.ratingReasonLevels}</span>}
          <LevelsEditor
            value={s.ratingLevels}
            reasonLevels={s.ratingReasonLevels}
            onChange={(v, r) => setS({ ...s, ratingLevels: v, ratingReasonLevels: r })}
          />
          <h3>Lý do chưa hài lòng</h3>
          {errors.ratingReasons && <span class="field-error">{errors.ratingReasons}</span>}
          <TextListEditor value={s.ratingReasons} onChange={(v) => set('ratingReasons', v)} addLabel="+ Thêm lý do" />
          <div class="grid-3">
            <Field label="Thời gian cho phép đánh giá (phút)" error={errors.ratingWindowMinutes}>
              <input type="number" value={s.ratingWindowMinutes} onInput={num('ratingWindowMinutes')} />
            </Field>
            <Field label="Thiết bị đánh giá tự đóng sau (giây)" error={errors.ratingTimeoutSeconds}>
              <input type="number" value={s.ratingTimeoutSeconds} onInput={num('ratingTimeoutSeconds')} />
            </Field>
          </div>
        </Section>
        <Section title="Ki-ốt, phiếu và ưu tiên">
          <h3>Nhóm ưu tiên</h3>
          {errors.priorityGroups && <span class="field-error">{errors.priorityGroups}</span>}
          <TextListEditor
            value={s.priorityGroups}
            onChange={(v) => set('priorityGroups', v)}
            placeholder="Người cao tuổi (từ 60 tuổi)"
            addLabel="+ Thêm nhóm ưu tiên"
          />
          <div class="grid-3">
            <Field label="Ki-ốt về màn hình đầu sau (giây)" error={errors.kioskIdleSeconds}>
              <input type="number" value={s.kioskIdleSeconds} onInput={num('kioskIdleSeconds')} />
            </Field>
            <Field label="Dòng hướng dẫn trên phiếu">
              <input value={s.ticketInstruction} onInput={txt('ticketInstruction')} />
            </Field>
            <Field label="Lời cảm ơn trên phiếu">
              <input value={s.ticketThanks} onInput={txt('ticketThanks')} />
            </Field>
            <Choice
              label="Khổ giấy"
              value={String(s.printerPaperWidth)}
              options={[
                ['80', '80 mm'],
                ['58', '58 mm'],
              ]}
              onChange={(v) => set('printerPaperWidth', Number(v) as 80 | 58)}
            />
            <Choice
              label="Chế độ in"
              value={s.printerMode}
              options={[
                ['raster', 'Ảnh (raster, đủ dấu tiếng Việt)'],
                ['text', 'Văn bản (bảng mã máy in)'],
              ]}
              onChange={(v) => set('printerMode', v)}
            />
            <Choice
              label="Bảng mã máy in"
              value={s.printerCodePage}
              options={[
                ['cp1258', 'Windows-1258'],
                ['tcvn3', 'TCVN3'],
              ]}
              onChange={(v) => set('printerCodePage', v)}
            />
            <Field label="Thời gian chờ máy in (ms)" error={errors.printerTimeoutMs}>
              <input type="number" value={s.printerTimeoutMs} onInput={num('printerTimeoutMs')} />
            </Field>
          </div>
        </Section>
        <BookingSettings
          booking={s.booking}
          limits={s.citizenLimits}
          elderlyAge={s.elderlyAge}
          pinSet={pinSet}
          pin={pin}
          errors={errors}
          onBooking={(v) => set('booking', v)}
          onLimits={(v) => set('citizenLimits', v)}
          onElderlyAge={(v) => set('elderlyAge', v)}
          onPin={setPin}
        />
      </form>
      <AreaCapacities api={props.api} />
    </>
  );
}
