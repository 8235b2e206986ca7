import { useState } from 'preact/hooks';
import { formatDate, formatTime, formatWeekday } from '@ui/time.format';
import { QrCode } from '../../ui/src/qr.code.tsx';
import { trackPath, type BookingDto } from './book.api.ts';
import { STATUS_WORDS, type BookingOptions } from './book.words.ts';

export interface BookingProps {
  booking: BookingDto;
  timeZone: string;
  options: Pick<BookingOptions, 'checkInEarlyMinutes' | 'checkInLateMinutes'>;
  busy: boolean;
  onCancel: () => void;
  onAnother: () => void;
}

const MINUTE = 60_000;

/**
 * The code as big text and as a QR (the kiosk's scanner reads it, the citizen may also type it), when to come and
 * the window in which the kiosk checks in. The QR holds the bare code: a scanner set to any keyboard layout types
 * eight letters and digits right, where a URL's «:/?=» often come out wrong.
 */
export function BookingScreen(p: BookingProps) {
  const b = p.booking;
  const [confirm, setConfirm] = useState(false);
  const start = Date.parse(b.start);
  const from = formatTime(start - p.options.checkInEarlyMinutes * MINUTE, p.timeZone);
  const until = formatTime(start + p.options.checkInLateMinutes * MINUTE, p.timeZone);
  const open = b.status === 'booked';
  return (
    <div class="b-booking" data-screen="booking" data-status={b.status}>
      <p class={`b-status b-status--${b.status}`} data-testid="booking-status">
        {STATUS_WORDS[b.status] ?? b.status}
      </p>
      <div class="b-code-card">
        <div class="b-code-card__label">MÃ LỊCH HẸN</div>
        <div class="b-code" data-testid="booking-code" aria-label={`Mã lịch hẹn ${[...b.code].join(' ')}`}>
          {b.code}
        </div>
        {open && <QrCode text={b.code} label={`Mã QR của lịch hẹn ${b.code}`} />}
      </div>
      <dl class="b-summary">
        {b.procedure && (
          <>
            <dt>Thủ tục</dt>
            <dd>{b.procedure.name}</dd>
          </>
        )}
        <dt>Lĩnh vực</dt>
        <dd>{b.areaName}</dd>
        <dt>Ngày</dt>
        <dd>
          {formatWeekday(b.start, p.timeZone)} {formatDate(b.start, p.timeZone)}
        </dd>
        <dt>Khung giờ</dt>
        <dd>
          {formatTime(b.start, p.timeZone)}–{formatTime(b.end, p.timeZone)}
        </dd>
      </dl>
      {open && (
        <div class="b-come" data-testid="come-at">
          <p class="b-come__big">Vui lòng đến lúc {formatTime(b.start, p.timeZone)}</p>
          <p>
            Nhận số tại ki-ốt ở sảnh{' '}
            <strong data-testid="check-in-window">
              từ {from} đến {until}
            </strong>
            : đưa mã QR này vào máy quét của ki-ốt (hoặc quét thẻ căn cước). Đến muộn hơn {until}, lịch hẹn hết hiệu lực
            và bạn lấy số như mọi người.
          </p>
          <p>Hãy chụp màn hình hoặc ghi lại mã {b.code}.</p>
        </div>
      )}
      {b.status === 'checked_in' && b.ticket && (
        <a class="b-btn b-btn--primary" href={trackPath(b.ticket.trackUrl)} data-testid="track-link">
          Theo dõi số {b.ticket.number}
        </a>
      )}
      {open && !confirm && (
        <button type="button" class="b-btn b-btn--ghost" data-testid="cancel" onClick={() => setConfirm(true)}>
          Huỷ lịch hẹn
        </button>
      )}
      {open && confirm && (
        <div class="b-confirm" role="alertdialog" aria-label="Xác nhận huỷ lịch hẹn">
          <p>Huỷ lịch hẹn {b.code}? Chỗ này sẽ dành cho người khác.</p>
          <div class="b-row">
            <button
              type="button"
              class="b-btn b-btn--danger"
              data-testid="cancel-confirm"
              disabled={p.busy}
              onClick={p.onCancel}
            >
              {p.busy ? 'Đang huỷ…' : 'Huỷ lịch'}
            </button>
            <button type="button" class="b-btn b-btn--ghost" onClick={() => setConfirm(false)} disabled={p.busy}>
              Không huỷ
            </button>
          </div>
        </div>
      )}
      <button type="button" class="b-btn b-btn--ghost" data-testid="another" onClick={p.onAnother}>
        Về trang đầu
      </button>
    </div>
  );
}
