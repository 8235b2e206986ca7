/** The tracking page on a phone: one ticket, its status in words, people ahead, estimated wait. Pure view. */
import type { TicketDto } from '@contract/dto';
import { formatDate, formatTime } from '@ui/time.format';
import { NO_COUNTER_OPEN } from '@ui/wait.words';
import { BellIcon } from '../shared/icons.tsx';
import { statusWords, transferWords, waitWords, type TrackState } from './track.state.ts';

export interface TrackScreenProps {
  state: TrackState;
  centerName: string;
  timeZone: string;
  offline: boolean;
}

function Header({ centerName }: { centerName: string }) {
  return (
    <header class="phone-header t-header">
      <div class="phone-emblem t-emblem" aria-hidden="true">
        ★
      </div>
      <div class="phone-center t-center">{centerName || 'Trung tâm Phục vụ hành chính công'}</div>
    </header>
  );
}

function Details({ t, timeZone }: { t: TicketDto; timeZone: string }) {
  const issued = new Date(t.issuedAt);
  if (t.status !== 'waiting') {
    return (
      <dl class="t-facts">
        <div>
          <dt>Lĩnh vực</dt>
          <dd>{t.areaName}</dd>
        </div>
        {t.counter && t.status !== 'called' && (
          <div>
            <dt>Quầy</dt>
            <dd>Quầy số {t.counter.number}</dd>
          </div>
        )}
        <div>
          <dt>Giờ lấy số</dt>
          <dd>
            {formatTime(issued, timeZone)} {formatDate(issued, timeZone)}
          </dd>
        </div>
      </dl>
    );
  }
  const wait = waitWords(t.estimatedWaitMin);
  return (
    <dl class="t-facts">
      <div class="t-ahead">
        <dt>Số người chờ trước bạn</dt>
        <dd data-testid="ahead">{t.waitingAhead}</dd>
      </div>
      <div>
        <dt>Thời gian chờ dự kiến</dt>
        <dd>{t.waitingAhead === 0 ? 'Bạn là người tiếp theo' : (wait ?? NO_COUNTER_OPEN.vi)}</dd>
      </div>
      <div>
        <dt>Lĩnh vực</dt>
        <dd>{t.areaName}</dd>
      </div>
      <div>
        <dt>Giờ lấy số</dt>
        <dd>
          {formatTime(issued, timeZone)} {formatDate(issued, timeZone)}
        </dd>
      </div>
    </dl>
  );
}

export function TrackScreen({ state, centerName, timeZone, offline }: TrackScreenProps) {
  if (state.phase === 'loading') {
    return (
      <div class="phone-page">
        <Header centerName={centerName} />
        <main class="t-main">
          <p class="t-note">Đang tải thông tin số thứ tự…</p>
        </main>
      </div>
    );
  }
  if (state.phase === 'notfound' || state.phase === 'error') {
    return (
      <div class="phone-page">
        <Header centerName={centerName} />
        <main class="t-main">
          <div class="t-card t-missing" role="alert">
            <h1>{state.phase === 'notfound' ? 'Không tìm thấy số thứ tự' : 'Không tải được thông tin'}</h1>
            <p>
              {state.phase === 'notfound'
                ? 'Đường dẫn không đúng hoặc số thứ tự không còn trong hệ thống. Vui lòng quét lại mã QR trên phiếu hoặc hỏi nhân viên hướng dẫn.'
                : state.message}
            </p>
          </div>
        </main>
      </div>
    );
  }
  const t = state.ticket;
  const words = statusWords(t);
  const moved = transferWords(t);
  return (
    <div class={`phone-page tone-${words.tone}`}>
      <Header centerName={centerName} />
      {offline && (
        <div class="t-offline" role="status">
          Mất kết nối — đang kết nối lại…
        </div>
      )}
      <main class="t-main">
        <section class="t-card t-ticket">
          <div class="t-label">SỐ THỨ TỰ CỦA BẠN</div>
          <div class="t-number" data-testid="number">
            {t.number}
          </div>
          <div class="t-area">{t.areaName}</div>
          {t.priority && <div class="t-priority">Ưu tiên</div>}
        </section>
        {moved && (
          <div class="t-moved" role="status" data-testid="moved">
            {moved}
          </div>
        )}
        <section class={`t-status tone-${words.tone}`} data-testid="status" aria-live="assertive">
          {words.tone === 'call' && (
            <div class="t-status-bell">
              <BellIcon />
            </div>
          )}
          <div class="t-status-text">{words.text}</div>
          {words.tone === 'call' && <div class="t-status-sub">Vui lòng mang theo phiếu và giấy tờ đến quầy.</div>}
          {words.tone === 'wait' && (
            <div class="t-status-sub">Trang này tự cập nhật. Vui lòng chú ý màn hình và loa gọi số.</div>
          )}
          {words.tone === 'done' && <div class="t-status-sub">Cảm ơn bạn đã sử dụng dịch vụ.</div>}
        </section>
        <section class="t-card">
          <Details t={t} timeZone={timeZone} />
        </section>
        <p class="t-updated">Cập nhật lúc {formatTime(new Date(state.updatedAt), timeZone, true)}</p>
      </main>
    </div>
  );
}
