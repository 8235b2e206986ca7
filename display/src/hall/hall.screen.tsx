/** The hall TV: the latest calls, every open counter, waiting per area, clock and notice. Pure view. */
import type { CounterDto } from '@contract/dto';
import { ClockView } from '../shared/clock.view.tsx';
import { NoticeTicker } from '../shared/notice.ticker.tsx';
import { OfflineBanner, SoundBlockedWarning, SoundSetup } from '../shared/status.banners.tsx';
import { ChannelBadge } from '@ui/channel.badge';
import type { AreaLine, HallCall } from './hall.state.ts';

export type SoundView = 'ok' | 'setup' | 'blocked';

export interface HallScreenProps {
  centerName: string;
  timeZone: string;
  now: number;
  notice: string;
  calls: HallCall[];
  /** The call blinking now, if any. */
  flashKey: string | null;
  counters: CounterDto[];
  areas: AreaLine[];
  offline: boolean;
  /** A TV turned upright (the waiting list gets more rows a page). */
  portrait?: boolean;
  sound: SoundView;
  onUnlock(): void;
}

/**
 * Waiting-list rows a page holds: at 40 px (read across a 10 m hall) eight two-line names fill the column; more
 * areas than that take turns, a page every AREA_PAGE_MS, instead of shrinking or being cut off at the bottom.
 */
export const AREAS_PER_PAGE = 8;
/** A portrait TV has the whole width and most of the height for the list: one column of up to 14. */
export const AREAS_PER_PAGE_PORTRAIT = 14;
export const AREA_PAGE_MS = 8000;

/** The page of the waiting list shown at `now` (the screen's clock ticks every second, so it turns by itself). */
export function areaPage<T>(areas: T[], now: number, per = AREAS_PER_PAGE): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(areas.length / per));
  const page = pages === 1 ? 0 : Math.floor(now / AREA_PAGE_MS) % pages;
  return { rows: areas.slice(page * per, (page + 1) * per), page, pages };
}

export const DEFAULT_NOTICE = 'Vui lòng lấy số thứ tự tại ki-ốt và chú ý màn hình, loa gọi số. Xin cảm ơn!';
const HISTORY = 5;

/** "Quầy 3 – Tư pháp" → "Tư pháp": the number is already shown big. */
export function counterLabel(name: string, number: number): string {
  const stripped = name.replace(new RegExp(`^\\s*quầy\\s*(số\\s*)?${number}\\s*[–—:-]?\\s*`, 'i'), '').trim();
  return stripped || name;
}

function Hero(props: { call: HallCall | undefined; flashing: boolean }) {
  const c = props.call;
  return (
    <section class="hero" aria-live="polite">
      <h1 class="hero-heading">MỜI CÔNG DÂN CÓ SỐ</h1>
      {c ? (
        <div class={`hero-card${props.flashing ? ' flashing' : ''}`} data-testid="hero">
          <div class="hero-number" data-testid="hero-number">
            {c.number}
          </div>
          <div class="hero-arrow" aria-hidden="true">
            ▼
          </div>
          <div class="hero-counter" data-testid="hero-counter">
            QUẦY {c.counter.number}
          </div>
          <div class="hero-counter-name">{counterLabel(c.counter.name, c.counter.number)}</div>
          <ChannelBadge channel={c.channel} class="hero-channel" />
        </div>
      ) : (
        <div class="hero-card hero-empty" data-testid="hero">
          <div class="hero-empty-text">Chưa có số được gọi</div>
          <div class="hero-counter-name">Xin vui lòng chờ</div>
        </div>
      )}
    </section>
  );
}

function History(props: { calls: HallCall[] }) {
  return (
    <section class="history">
      <h2 class="panel-title">SỐ VỪA GỌI</h2>
      <ol class="history-list" data-testid="history">
        {props.calls.map((c) => (
          <li key={c.key} class="history-row">
            <span class="history-number">
              {c.number} <ChannelBadge channel={c.channel} />
            </span>
            <span class="history-arrow" aria-hidden="true">
              →
            </span>
            <span class="history-counter">QUẦY {c.counter.number}</span>
          </li>
        ))}
        {props.calls.length === 0 && <li class="history-row history-none">—</li>}
      </ol>
    </section>
  );
}

function CounterTile(props: { counter: CounterDto; flashing: boolean }) {
  const c = props.counter;
  const paused = c.status === 'paused';
  const current = c.currentTicket;
  return (
    <li class={`tile${paused ? ' tile-paused' : ''}${props.flashing ? ' flashing' : ''}`} data-counter={c.number}>
      <div class="tile-head">
        <span class="tile-number">QUẦY {c.number}</span>
        <span class="tile-name">{counterLabel(c.name, c.number)}</span>
      </div>
      <div class="tile-body">
        {paused ? (
          <span class="tile-status">Tạm dừng</span>
        ) : current ? (
          <span class="tile-ticket">
            {current.number}
            <ChannelBadge channel={current.channel} />
          </span>
        ) : (
          <span class="tile-status tile-idle">Sẵn sàng</span>
        )}
      </div>
    </li>
  );
}

export function HallScreen(p: HallScreenProps) {
  const [latest, ...rest] = p.calls;
  const flashCounterId = p.flashKey ? (p.calls.find((c) => c.key === p.flashKey)?.counter.id ?? null) : null;
  const many = p.counters.length > 12;
  const waiting = areaPage(p.areas, p.now, p.portrait ? AREAS_PER_PAGE_PORTRAIT : AREAS_PER_PAGE);
  return (
    <div class="hall">
      <header class="hall-header">
        <div class="brand">
          <div class="brand-emblem" aria-hidden="true">
            ★
          </div>
          <div>
            <div class="brand-name">{p.centerName.toUpperCase()}</div>
            <div class="brand-sub">HỆ THỐNG XẾP HÀNG TỰ ĐỘNG</div>
          </div>
        </div>
        <ClockView now={p.now} timeZone={p.timeZone} class="hall-clock" />
      </header>
      <OfflineBanner show={p.offline} />
      {p.sound === 'blocked' && <SoundBlockedWarning onUnlock={p.onUnlock} />}
      <main class={`hall-body${p.counters.length === 0 ? ' no-counters' : ''}`}>
        <div class="col-calls">
          <Hero call={latest} flashing={Boolean(latest && latest.key === p.flashKey)} />
          <History calls={rest.slice(0, HISTORY)} />
        </div>
        <section class={`col-counters${p.counters.length === 0 ? ' is-empty' : ''}`}>
          <h2 class="panel-title">CÁC QUẦY ĐANG PHỤC VỤ</h2>
          <ul class={`tiles${many ? ' tiles-many' : ''}`} data-testid="counters">
            {p.counters.map((c) => (
              <CounterTile key={c.id} counter={c} flashing={c.id === flashCounterId} />
            ))}
          </ul>
          {p.counters.length === 0 && <p class="empty-note">Hiện chưa có quầy nào mở.</p>}
        </section>
        <section class="col-areas">
          <h2 class="panel-title">
            SỐ NGƯỜI ĐANG CHỜ
            {waiting.pages > 1 && (
              <span class="panel-page" data-testid="areas-page">
                {' '}
                · {waiting.page + 1}/{waiting.pages}
              </span>
            )}
          </h2>
          <ul class="areas" data-testid="areas">
            {waiting.rows.map((a) => (
              <li key={a.id} class="area-row">
                <span class="area-name">{a.name}</span>
                <span class={`area-count${a.waiting === 0 ? ' zero' : ''}`}>{a.waiting}</span>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer class="hall-footer">
        <NoticeTicker text={p.notice.trim() || DEFAULT_NOTICE} />
      </footer>
      {p.sound === 'setup' && <SoundSetup onUnlock={p.onUnlock} />}
    </div>
  );
}
