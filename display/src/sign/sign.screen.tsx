/** The sign above one counter: its number and name, and the number served there now. Pure view. */
import type { CounterDto } from '@contract/dto';
import { ClockView } from '../shared/clock.view.tsx';
import { OfflineBanner } from '../shared/status.banners.tsx';
import { counterLabel } from '../hall/hall.screen.tsx';

export interface SignScreenProps {
  number: number;
  counter: CounterDto | null;
  /** The state has arrived at least once (before that an unknown counter is not "not found" yet). */
  synced: boolean;
  flashing: boolean;
  offline: boolean;
  now: number;
  timeZone: string;
  centerName: string;
}

function State(props: { cls: string; text: string; sub: string }) {
  return (
    <div class="sign-serving">
      <div class={`sign-state ${props.cls}`} data-testid="sign-state">
        {props.text}
      </div>
      <div class="sign-sub">{props.sub}</div>
    </div>
  );
}

function Body({ counter, flashing }: { counter: CounterDto; flashing: boolean }) {
  if (counter.status === 'closed')
    return <State cls="sign-closed" text="Quầy đóng" sub="Xin mời công dân theo dõi màn hình gọi số tại sảnh." />;
  if (counter.status === 'paused')
    return <State cls="sign-paused" text="Tạm dừng" sub="Xin vui lòng chờ trong giây lát." />;
  const t = counter.currentTicket;
  if (!t) {
    return (
      <div class="sign-serving">
        <div class="sign-label">SẴN SÀNG PHỤC VỤ</div>
        <div class="sign-idle" data-testid="sign-state">
          Mời công dân chờ gọi số
        </div>
      </div>
    );
  }
  return (
    <div class="sign-serving">
      <div class="sign-label">{t.status === 'called' ? 'MỜI CÔNG DÂN CÓ SỐ' : 'ĐANG PHỤC VỤ SỐ'}</div>
      <div class={`sign-number${flashing ? ' flashing' : ''}`} data-testid="sign-number">
        {t.number}
      </div>
    </div>
  );
}

export function SignScreen(p: SignScreenProps) {
  const c = p.counter;
  return (
    <div class={`sign${c && c.status !== 'open' ? ' sign-dim' : ''}`}>
      <header class="sign-header">
        <div class="sign-title" data-testid="sign-title">
          QUẦY {p.number}
        </div>
        <div class="sign-name">{c ? counterLabel(c.name, c.number) : ''}</div>
      </header>
      <OfflineBanner show={p.offline} />
      <main class="sign-body">
        {c ? (
          <Body counter={c} flashing={p.flashing} />
        ) : (
          <div class="sign-state sign-closed" data-testid="sign-state">
            {p.synced ? `Không tìm thấy quầy số ${p.number}` : 'Đang tải…'}
          </div>
        )}
      </main>
      <footer class="sign-footer">
        <span class="sign-clerk">
          {c?.clerk && c.status !== 'closed' ? `Cán bộ: ${c.clerk.displayName}` : p.centerName}
        </span>
        <ClockView now={p.now} timeZone={p.timeZone} class="sign-clock" />
      </footer>
    </div>
  );
}
