import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '@client/api.client';
import { formatTime } from '@ui/time.format';
import { errorText } from '../../../../admin/src/admin.errors.ts';
import { int, percent } from '@ui/number.format';
import type { HubCenter, ProvinceApi } from '../province.api.ts';
import { CenterTile } from './center.tile.tsx';
import { filterTiles, judge, provinceTotals, sortTiles, type TileFilter } from './tiles.rules.ts';

/**
 * Polled, not pushed: the hub has no socket, and a center's own pushes reach the hub in batches and heartbeats
 * (at least every 15 s), so a 5 s poll shows each change within a few seconds of the hub knowing it. A poll of
 * 130 rows from a handful of leaders' screens is nothing for the hub; a poll starts only after the last one ended,
 * so a slow hub is never asked twice at once.
 */
export const POLL_MS = 5000;

const FILTERS: [TileFilter, string][] = [
  ['all', 'Tất cả'],
  ['problems', 'Có vấn đề'],
  ['offline', 'Mất kết nối'],
];

export function ControlRoom(props: {
  api: ProvinceApi;
  timeZone: string;
  onUnauthorized: () => void;
  now?: () => number;
  pollMs?: number;
}) {
  const now = props.now ?? Date.now;
  const [centers, setCenters] = useState<HubCenter[] | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<TileFilter>('all');
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const list = await props.api.centers();
        if (!alive.current) return;
        setCenters(list);
        setUpdatedAt(now());
        setError('');
      } catch (e) {
        if (!alive.current) return;
        if (e instanceof ApiError && e.status === 401) return props.onUnauthorized();
        // The last tiles stay on screen, marked stale: a leader still sees what the hub last knew.
        setError(errorText(e));
      }
      if (alive.current) timer = setTimeout(tick, props.pollMs ?? POLL_MS);
    };
    void tick();
    return () => {
      alive.current = false;
      clearTimeout(timer);
    };
  }, [props.api]);

  const nowMs = updatedAt ?? now();
  const tiles = useMemo(() => sortTiles((centers ?? []).map((c) => judge(c, nowMs))), [centers, nowMs]);
  const shown = filterTiles(tiles, q, filter);
  const totals = provinceTotals(tiles);
  // In the tiles' order: offline centers first, then the red ones.
  const alerts = tiles.flatMap((t) => t.alerts);

  if (!centers)
    return (
      <div class="pv-loading" role="status">
        {error ? `Không tải được danh sách trung tâm: ${error}` : 'Đang tải danh sách trung tâm…'}
      </div>
    );
  return (
    <div class="pv-control">
      <section class="pv-totals" aria-label="Toàn tỉnh">
        <Figure
          label="Trung tâm kết nối"
          value={`${totals.online}/${totals.centers}`}
          warn={totals.online < totals.centers}
        />
        <Figure label="Đang chờ" value={int(totals.waiting)} />
        <Figure label="Đã cấp hôm nay" value={int(totals.issued)} />
        <Figure label="Đã phục vụ" value={int(totals.served)} />
        <Figure label="Hài lòng" value={percent(totals.satisfiedShare, 0)} />
        <Figure label="Cảnh báo" value={int(alerts.length)} warn={alerts.length > 0} />
        <span class="pv-updated" role="status">
          {error ? (
            <b class="pv-stale">
              Mất kết nối tới máy chủ tỉnh — số liệu lúc {formatTime(updatedAt ?? nowMs, props.timeZone, true)}
            </b>
          ) : (
            `Cập nhật ${formatTime(nowMs, props.timeZone, true)} · tự làm mới mỗi ${Math.round((props.pollMs ?? POLL_MS) / 1000)} giây`
          )}
        </span>
      </section>
      <div class="pv-body">
        <section class="pv-tiles-wrap" aria-label="Các trung tâm">
          <div class="pv-filters toolbar">
            <input
              type="search"
              name="q"
              class="pv-search"
              placeholder="Tìm trung tâm (mã hoặc tên)…"
              aria-label="Tìm trung tâm"
              value={q}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
            <div class="presets" role="group" aria-label="Lọc">
              {FILTERS.map(([f, label]) => (
                <button key={f} class={`pill ${filter === f ? 'on' : ''}`} onClick={() => setFilter(f)}>
                  {label}
                </button>
              ))}
            </div>
            <span class="muted small">
              {shown.length}/{tiles.length} trung tâm
            </span>
          </div>
          <div class="pv-tiles">
            {shown.map((t) => (
              <CenterTile key={t.center.id} tile={t} nowMs={nowMs} />
            ))}
            {!shown.length && <p class="muted">Không có trung tâm nào khớp.</p>}
          </div>
        </section>
        <aside class="pv-alerts" aria-label="Cảnh báo">
          <h2>Cảnh báo ({alerts.length})</h2>
          {alerts.length ? (
            <ul>
              {alerts.map((a) => (
                <li key={`${a.centerId}:${a.kind}`} class={`pv-alert ${a.level}`} data-kind={a.kind}>
                  {a.text}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Mọi trung tâm đều ổn.</p>
          )}
        </aside>
      </div>
    </div>
  );
}

function Figure(props: { label: string; value: string; warn?: boolean }) {
  return (
    <div class={`pv-figure ${props.warn ? 'warn' : ''}`}>
      <b>{props.value}</b>
      <span>{props.label}</span>
    </div>
  );
}
