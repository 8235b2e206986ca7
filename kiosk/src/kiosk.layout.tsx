import type { ComponentChildren } from 'preact';
import type { Connection } from './kiosk.state.ts';
import { DateClock } from './kiosk.clock.tsx';
import { useText } from './kiosk.i18n.ts';
import { Icon } from './kiosk.icons.tsx';

export function ConnectionBanner(props: { connection: Connection }) {
  if (props.connection !== 'offline') return null;
  return (
    <div class="offline-banner" role="alert" data-testid="offline-banner">
      <span class="offline-banner__dot" aria-hidden="true" />
      <Icon name="alert" />
      Mất kết nối máy chủ — đang kết nối lại…
    </div>
  );
}

export interface FrameProps {
  centerName: string;
  timeZone: string;
  clockOffsetMs?: number;
  connection: Connection;
  /** Step title shown under the header, e.g. "Chọn sở, ngành". */
  title?: string;
  subtitle?: string;
  onBack?: () => void;
  onHome?: () => void;
  /** Navigation is locked while a ticket is being issued. */
  navDisabled?: boolean;
  children: ComponentChildren;
  screen: string;
  /** "Chữ lớn" and "English", on every screen so a citizen can switch at any step. */
  large?: boolean;
  onLarge?: (on: boolean) => void;
  onLang?: () => void;
  /** A card was read and waits for the next choice: said on every screen, the number never shown. */
  cardRead?: boolean;
}

/** Header (center, date, clock), the offline banner, the step title, the content and Back / Home at the bottom. */
export function KioskFrame(p: FrameProps) {
  const { t } = useText();
  return (
    <div class={`frame frame--${p.screen}`} data-screen={p.screen}>
      <header class="frame__header">
        <div class="frame__emblem" aria-hidden="true">
          <Icon name="star" />
        </div>
        <div class="frame__center">{p.centerName}</div>
        <DateClock timeZone={p.timeZone} offsetMs={p.clockOffsetMs ?? 0} />
        {(p.onLarge || p.onLang) && (
          <div class="frame__tools">
            {p.onLarge && (
              <button
                type="button"
                class={`btn btn--tool ${p.large ? 'btn--tool-on' : ''}`}
                aria-pressed={!!p.large}
                data-testid="large-text"
                onClick={() => p.onLarge!(!p.large)}
              >
                {t('large')}
              </button>
            )}
            {p.onLang && (
              <button type="button" class="btn btn--tool" data-testid="lang" onClick={p.onLang}>
                {t('english')}
              </button>
            )}
          </div>
        )}
      </header>
      <ConnectionBanner connection={p.connection} />
      {p.cardRead && (
        <div class="card-banner" role="status" data-testid="card-read">
          <Icon name="star" /> {t('cardRead')}
        </div>
      )}
      {p.title && (
        <div class="frame__title">
          <h1>{p.title}</h1>
          {p.subtitle && <p>{p.subtitle}</p>}
        </div>
      )}
      <main class="frame__main">{p.children}</main>
      {(p.onBack || p.onHome) && (
        <nav class="frame__nav">
          {p.onBack && (
            <button type="button" class="btn btn--nav" onClick={p.onBack} disabled={p.navDisabled} data-testid="back">
              <Icon name="back" /> {t('back')}
            </button>
          )}
          {p.onHome && (
            <button
              type="button"
              class="btn btn--nav btn--home"
              onClick={p.onHome}
              disabled={p.navDisabled}
              data-testid="home"
            >
              <Icon name="home" /> {t('home')}
            </button>
          )}
        </nav>
      )}
    </div>
  );
}
