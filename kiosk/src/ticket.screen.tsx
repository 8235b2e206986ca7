import { useEffect, useState } from 'preact/hooks';
import type { PrintResult, TicketDto } from '@contract/dto';
import { waitLabel } from './area.labels.ts';
import { Icon } from './kiosk.icons.tsx';
import { QrCode } from '../../ui/src/qr.code.tsx';
import { formatDate, formatTime } from '@ui/time.format';

const REMEMBER = 'Vui lòng ghi nhớ số thứ tự của bạn hoặc chụp màn hình.';

/** What to say about the paper ticket: the number is valid whatever the printer did. */
export function printMessage(print: PrintResult | undefined): {
  tone: 'ok' | 'info' | 'warn';
  title: string;
  text: string;
} {
  switch (print?.status) {
    case 'printed':
      return { tone: 'ok', title: 'Vui lòng nhận phiếu', text: 'Phiếu số thứ tự đã được in ở khe bên dưới màn hình.' };
    case 'queued':
      return {
        tone: 'info',
        title: 'Phiếu đang được in…',
        text: `Nếu không nhận được phiếu, số thứ tự vẫn có hiệu lực. ${REMEMBER}`,
      };
    case 'failed':
      return { tone: 'warn', title: 'Không in được phiếu', text: `Số thứ tự của bạn vẫn có hiệu lực. ${REMEMBER}` };
    default:
      return { tone: 'info', title: 'Số thứ tự của bạn đã được ghi nhận', text: REMEMBER };
  }
}

export interface TicketProps {
  ticket: TicketDto;
  timeZone: string;
  instruction?: string;
  thanks?: string;
  /** Seconds before going back to the welcome screen by itself; a touch restarts the count. */
  autoReturnSeconds: number;
  onDone: () => void;
  onBack: () => void;
}

export function TicketScreen(p: TicketProps) {
  const t = p.ticket;
  const [left, setLeft] = useState(p.autoReturnSeconds);
  useEffect(() => {
    const timer = setInterval(() => setLeft((n) => n - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0) p.onDone();
  }, [left <= 0]);
  const msg = printMessage(t.print);
  const issued = new Date(t.issuedAt);
  return (
    <div class="ticket" onPointerDown={() => setLeft(p.autoReturnSeconds)}>
      <section class="ticket__card" data-testid="ticket" data-ticket-id={t.id}>
        <div class="ticket__label">SỐ THỨ TỰ CỦA BẠN</div>
        <div class="ticket__number" data-testid="ticket-number">
          {t.number}
        </div>
        {t.priority && (
          <div class="ticket__priority">
            <Icon name="star" />
            Ưu tiên{t.priorityGroup ? ` – ${t.priorityGroup}` : ''}
          </div>
        )}
        {t.channel === 'appointment' && (
          <div class="ticket__appointment" data-testid="ticket-appointment">
            Lịch hẹn – đã nhận số
          </div>
        )}
        <div class="ticket__area" data-testid="ticket-area">
          {t.areaName}
        </div>
        <div class="ticket__dept">{t.departmentName}</div>
        <div class="ticket__time">
          Lấy số lúc {formatTime(issued, p.timeZone, true)} ngày {formatDate(issued, p.timeZone)}
        </div>
      </section>
      <section class="ticket__side">
        <div class="ticket__facts">
          <div class="bigfact">
            <span class="bigfact__label">
              <Icon name="people" />
              Số người đang chờ trước bạn
            </span>
            <span class="bigfact__value" data-testid="ticket-ahead">
              {t.waitingAhead}
            </span>
          </div>
          <div class="bigfact">
            <span class="bigfact__label">
              <Icon name="clock" />
              Thời gian chờ dự kiến
            </span>
            <span class="bigfact__value bigfact__value--text" data-testid="ticket-wait">
              {waitLabel(t.estimatedWaitMin)}
            </span>
          </div>
        </div>
        <div
          class={`print-msg print-msg--${msg.tone}`}
          data-testid="print-message"
          data-print-status={t.print?.status ?? 'none'}
        >
          <Icon name={msg.tone === 'warn' ? 'alert' : 'printer'} />
          <div>
            <b>{msg.title}</b>
            <span>{msg.text}</span>
          </div>
        </div>
        <div class="ticket__qr">
          <QrCode text={t.trackUrl} label="Mã QR theo dõi số thứ tự" />
          <p>Quét mã QR bằng điện thoại để theo dõi khi nào đến lượt bạn.</p>
        </div>
      </section>
      <section class="ticket__end">
        <p class="ticket__instruction">
          {p.instruction || 'Vui lòng chờ đến khi số của bạn được gọi'}
          {p.thanks ? `. ${p.thanks}` : ''}
        </p>
        <div class="ticket__buttons">
          <button type="button" class="btn btn--nav" onClick={p.onBack} data-testid="back">
            <Icon name="back" /> Quay lại
          </button>
          <button type="button" class="btn btn--primary btn--done" onClick={p.onDone} data-testid="done">
            <span>
              <Icon name="home" /> Xong
            </span>{' '}
            <small>Tự động về trang đầu sau {Math.max(left, 0)} giây</small>
          </button>
        </div>
      </section>
    </div>
  );
}
