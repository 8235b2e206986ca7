import type { Connection } from './kiosk.state.ts';
import { ConnectionBanner } from './kiosk.layout.tsx';
import { DateClock } from './kiosk.clock.tsx';
import { Icon } from './kiosk.icons.tsx';

export interface WelcomeProps {
  centerName: string;
  timeZone: string;
  clockOffsetMs?: number;
  notice?: string;
  /** Shown when this kiosk's printer is out of paper or offline. */
  printerWarning?: string | null;
  connection: Connection;
  disabled: boolean;
  onStart: () => void;
}

/** The idle screen: who we are, today's date and time, and one obvious thing to touch. */
export function WelcomeScreen(p: WelcomeProps) {
  const start = () => {
    if (!p.disabled) p.onStart();
  };
  return (
    <div class="welcome" data-screen="welcome" onClick={start}>
      <ConnectionBanner connection={p.connection} />
      <div class="welcome__top">
        <div class="welcome__emblem" aria-hidden="true">
          <Icon name="star" />
        </div>
        <div class="welcome__kicker">Chào mừng công dân đến với</div>
        <h1 class="welcome__center" data-testid="center-name">
          {p.centerName}
        </h1>
      </div>
      <DateClock timeZone={p.timeZone} offsetMs={p.clockOffsetMs ?? 0} big />
      <button
        type="button"
        class="welcome__start"
        disabled={p.disabled}
        data-testid="start"
        onClick={(e) => {
          e.stopPropagation();
          start();
        }}
      >
        <Icon name="hand" class="welcome__hand" />
        <span>Chạm để lấy số</span>
      </button>
      <p class="welcome__hint">
        {p.connection === 'offline'
          ? 'Ki-ốt đang kết nối lại với máy chủ. Vui lòng chờ trong giây lát.'
          : 'Lấy số thứ tự để được phục vụ tại quầy'}
      </p>
      {p.notice && <p class="welcome__notice">{p.notice}</p>}
      {p.printerWarning && (
        <p class="welcome__printer" role="status" data-testid="printer-warning">
          {p.printerWarning}
        </p>
      )}
    </div>
  );
}
