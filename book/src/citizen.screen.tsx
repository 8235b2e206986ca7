import { useState } from 'preact/hooks';
import { formatDate, formatTime, formatWeekday } from '@ui/time.format';
import { cleanCitizenId, looksLikeCitizenId, type Choice, type SlotDto } from './book.api.ts';
import type { BookMode } from './book.state.ts';
import { PrivacyNotice } from './privacy.notice.tsx';

export interface CitizenProps {
  mode: BookMode;
  choice: Choice;
  slot: SlotDto | null;
  timeZone: string;
  busy: boolean;
  onSubmit: (citizenId: string) => void;
}

/** What was chosen, the ID number (typed; 12 digits checked here, the rest by the server) and the notice. */
export function CitizenScreen(p: CitizenProps) {
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const valid = looksLikeCitizenId(typed);
  const submit = (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (valid && !p.busy) p.onSubmit(cleanCitizenId(typed));
  };
  return (
    <form class="b-citizen" data-screen="citizen" onSubmit={submit} noValidate>
      <dl class="b-summary">
        <dt>{p.choice.procedure ? 'Thủ tục' : 'Lĩnh vực'}</dt>
        <dd>{p.choice.procedure?.name ?? p.choice.areaName}</dd>
        {p.choice.procedure && (
          <>
            <dt>Lĩnh vực</dt>
            <dd>{p.choice.areaName}</dd>
          </>
        )}
        <dt>{p.slot ? 'Thời gian' : 'Hình thức'}</dt>
        <dd>
          {p.slot
            ? `${formatTime(p.slot.start, p.timeZone)}–${formatTime(p.slot.end, p.timeZone)}, ${formatWeekday(p.slot.start, p.timeZone)} ${formatDate(p.slot.start, p.timeZone)}`
            : 'Lấy số thứ tự hôm nay, theo dõi trên điện thoại'}
        </dd>
      </dl>
      <label class="b-field">
        <span class="b-field__label">Số căn cước (12 chữ số)</span>
        <input
          class="b-input b-input--id"
          data-testid="citizen-id"
          inputMode="numeric"
          autocomplete="off"
          maxLength={16}
          value={typed}
          aria-invalid={tried && !valid}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
        />
      </label>
      {tried && !valid && (
        <p class="b-error" role="alert" data-testid="id-error">
          Số căn cước gồm đúng 12 chữ số, in ở mặt trước thẻ.
        </p>
      )}
      <button type="submit" class="b-btn b-btn--primary" data-testid="submit" disabled={p.busy}>
        {p.busy ? 'Đang gửi…' : p.mode === 'now' ? 'Lấy số' : 'Xác nhận đặt lịch'}
      </button>
      <PrivacyNotice />
    </form>
  );
}
