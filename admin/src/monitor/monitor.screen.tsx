import type { RatingLevel } from '@contract/dto';
import type { connectQueueSocket } from '@client/socket.client';
import { formatDate, formatTime, formatWeekday } from '@ui/time.format';
import type { AdminApi } from '../admin.api.ts';
import { percent } from '@ui/number.format';
import { useAreaToggle } from './area.toggle.ts';
import { computeAlerts } from './monitor.alerts.ts';
import { useMonitorData, useNow } from './monitor.live.ts';
import { AlertsBoard, AreasBoard, CountersBoard, RatingsBoard } from './monitor.panels.tsx';

/** The control room: every area's queue, every counter, alerts and today's ratings, live. */
export function MonitorScreen(props: {
  api: AdminApi;
  token: string;
  timeZone: string;
  levels: RatingLevel[];
  centerName: string;
  connect?: typeof connectQueueSocket;
  debounceMs?: number;
}) {
  const { data, online, error, reload } = useMonitorData(
    props.api,
    props.token,
    props.timeZone,
    props.debounceMs,
    props.connect,
  );
  const toggle = useAreaToggle(props.api, reload);
  const now = useNow();
  const clock = formatTime(now, props.timeZone, true);
  const day = `${formatWeekday(now, props.timeZone)}, ${formatDate(now, props.timeZone)}`;
  if (!data)
    return (
      <div class="monitor">
        <p class="mon-loading">{error || 'Đang tải dữ liệu phòng điều hành…'}</p>
      </div>
    );

  const elapsed = (now - data.fetchedAt) / 1000;
  const alerts = computeAlerts(data.areas, elapsed, data.alerts);
  const served = new Map(data.ratings.map((r) => [r.key, r.served]));
  const areaCode = new Map(data.areas.map((a) => [a.id, a.code]));
  const waiting = data.areas.reduce((s, a) => s + a.waiting, 0);
  const issued = data.areas.reduce((s, a) => s + a.issuedToday, 0);
  const open = data.counters.filter((c) => c.status === 'open').length;
  return (
    <div class="monitor">
      <header class="mon-header">
        <div>
          <h1>Phòng điều hành</h1>
          <span class="mon-center">{props.centerName}</span>
        </div>
        <div class="mon-kpis">
          <div class="kpi">
            <span>Đang chờ</span>
            <b>{waiting}</b>
          </div>
          <div class="kpi">
            <span>Đã cấp hôm nay</span>
            <b>{issued}</b>
          </div>
          <div class="kpi">
            <span>Đã phục vụ</span>
            <b>{data.ratingTotals?.served ?? 0}</b>
          </div>
          <div class="kpi">
            <span>Quầy đang mở</span>
            <b>
              {open}/{data.counters.length}
            </b>
          </div>
          {data.bookings && (
            <>
              <div
                class="kpi"
                data-kpi="bookings-due"
                title="Lịch hẹn bắt đầu trong 60 phút tới (hoặc đã đến giờ), chưa đến"
              >
                <span>Hẹn sắp đến</span>
                <b>{data.bookings.due}</b>
              </div>
              <div class={`kpi${data.bookings.missed ? ' kpi-warn' : ''}`} data-kpi="bookings-missed">
                <span>Lỡ hẹn hôm nay</span>
                <b>{data.bookings.missed}</b>
              </div>
            </>
          )}
          <div class="kpi">
            <span>Hài lòng</span>
            <b>{percent(data.ratingTotals?.satisfiedShare ?? null, 0)}</b>
          </div>
        </div>
        <div class="mon-clock">
          <b>{clock}</b>
          <span>{day}</span>
          <span class={`mon-conn ${online ? 'on' : 'off'}`}>
            {online ? '● Trực tuyến' : '● Mất kết nối — đang thử lại'}
          </span>
        </div>
      </header>
      {error && <div class="mon-error">{error}</div>}
      <div class="mon-grid">
        <section class="mon-panel mon-areas">
          <h2>Hàng chờ theo lĩnh vực</h2>
          {toggle.note && (
            <div class={`mon-note ${toggle.note.kind}`} role={toggle.note.kind === 'error' ? 'alert' : 'status'}>
              {toggle.note.text}
            </div>
          )}
          <AreasBoard areas={data.areas} served={served} elapsedSec={elapsed} toggle={toggle} />
        </section>
        <section class="mon-panel mon-counters-wrap">
          <h2>Quầy</h2>
          <CountersBoard counters={data.counters} areaCode={areaCode} now={now} />
        </section>
        <section class="mon-panel mon-side">
          <h2>Cảnh báo {alerts.length > 0 && <span class="mon-count">{alerts.length}</span>}</h2>
          <AlertsBoard alerts={alerts} />
          <h2>Đánh giá hôm nay</h2>
          <RatingsBoard rows={data.ratings} totals={data.ratingTotals} levels={props.levels} />
        </section>
      </div>
    </div>
  );
}
