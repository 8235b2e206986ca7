import { int, percent } from '@ui/number.format';
import { lagWords, type TileView } from './tiles.rules.ts';

/**
 * Waits on a tile in whole minutes ("96′", seconds under the first minute: "14″"): a province board is read in
 * minutes, and "1:36:16" beside the target does not fit a tile; the alerts keep mm:ss.
 */
export function waitShort(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  return s < 60 ? `${s}″` : `${Math.floor(s / 60)}′`;
}

const LINK_LABEL = { ok: 'Kết nối tốt', late: 'Chậm', offline: 'Mất kết nối' } as const;

/** One center: the numbers a leader scans (waiting, longest wait against target, open counters) large, the rest small. */
export function CenterTile(props: { tile: TileView; nowMs: number }) {
  const { center: c, link, severity, waitLevel } = props.tile;
  const live = c.live;
  const stranded = live.waitingNoCounter > 0;
  return (
    <article
      class={`pv-tile sev-${severity} link-${link}`}
      data-code={c.code}
      aria-label={`${c.name}: ${c.today.waiting} người chờ`}
    >
      <header title={`${c.code} – ${c.name}`}>
        <span class={`pv-dot ${link}`} aria-hidden="true" />
        <b class="pv-name">{c.name}</b>
      </header>
      <div class="pv-nums">
        <span class="pv-num" title="Đang chờ">
          <b>{int(c.today.waiting)}</b>
          <small>chờ</small>
        </span>
        <span class={`pv-num wait-${waitLevel}`} title="Chờ lâu nhất / mục tiêu (phút)">
          <b>{live.longestWaitSec !== null ? waitShort(live.longestWaitSec) : '—'}</b>
          <small>/{live.targetWaitSec !== null ? waitShort(live.targetWaitSec) : '—'}</small>
        </span>
        <span class={`pv-num ${stranded ? 'wait-bad' : ''}`} title="Quầy đang mở">
          <b>{int(live.openCounters)}</b>
          <small>quầy</small>
        </span>
      </div>
      <footer>
        <span title="Đã phục vụ hôm nay">✓ {int(c.today.served)}</span>
        <span title="Tỉ lệ hài lòng hôm nay">☺ {percent(c.today.satisfiedShare, 0)}</span>
        <span class={`pv-link ${link}`} title={LINK_LABEL[link]}>
          {lagWords(c, link, props.nowMs)}
        </span>
      </footer>
    </article>
  );
}
