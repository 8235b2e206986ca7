import type { AreaDto, CounterDto, RatingLevel, ReportRow } from '@contract/dto';
import { mmss, percent } from '@ui/number.format';
import type { AreaToggle } from './area.toggle.ts';
import { longestWait, overTarget, type Alert } from './monitor.alerts.ts';

const STATUS: Record<CounterDto['status'], string> = { open: 'Đang mở', paused: 'Tạm dừng', closed: 'Đóng' };

/** `toggle` absent: a read-only board (no open/close buttons). */
export function AreasBoard(props: {
  areas: AreaDto[];
  served: Map<string, number>;
  elapsedSec: number;
  toggle?: AreaToggle;
}) {
  const t = props.toggle;
  return (
    <table class="mon-table" aria-label="Lĩnh vực">
      <thead>
        <tr>
          <th>Lĩnh vực</th>
          <th class="num">Đang chờ</th>
          <th class="num">Chờ lâu nhất / mục tiêu</th>
          <th class="num">Đã cấp</th>
          <th class="num">Đã xong</th>
          <th class="num">Quầy mở</th>
          <th class="mon-act">Cấp số</th>
        </tr>
      </thead>
      <tbody>
        {props.areas.map((a) => {
          const over = overTarget(a, props.elapsedSec);
          const wait = longestWait(a, props.elapsedSec);
          const ratio = a.targetWaitMinutes ? Math.min(1, wait / (a.targetWaitMinutes * 60)) : 0;
          return (
            <tr
              key={a.id}
              class={`${over ? 'over' : a.waiting === 0 && a.issuedToday === 0 ? 'zero' : ''}${a.open ? '' : ' closed'}`.trim()}
              data-area={a.code}
            >
              <td title={`${a.code} – ${a.name}`}>
                <span class="mon-code">{a.code}</span> <span class="mon-name">{a.name}</span>
              </td>
              <td class="num mon-big">{a.waiting}</td>
              <td class="num">
                <span class={`mon-wait ${over ? 'red' : ratio > 0.75 ? 'amber' : ''}`}>
                  {a.waiting ? mmss(wait) : '—'}
                </span>
                <span class="mon-target"> / {a.targetWaitMinutes ? `${a.targetWaitMinutes}:00` : '—'}</span>
                {a.targetWaitMinutes !== null && (
                  <span class="mon-bar">
                    <span
                      style={{ width: `${Math.round(ratio * 100)}%` }}
                      class={over ? 'red' : ratio > 0.75 ? 'amber' : ''}
                    />
                  </span>
                )}
              </td>
              <td class="num">{a.issuedToday}</td>
              <td class="num">{props.served.get(a.code) ?? 0}</td>
              <td class="num">{a.servingCounters}</td>
              {/* The badge sits here, not after the name: the name column is cut with an ellipsis on a narrow wall. */}
              <td class="mon-act">
                {!a.open && <span class="mon-tag">Đang tạm ngừng</span>}
                {t && (
                  <button
                    type="button"
                    class={`mon-btn ${a.open ? 'warn' : 'go'}`}
                    disabled={t.busyId !== null}
                    aria-busy={t.busyId === a.id}
                    onClick={() => void t.toggle(a)}
                  >
                    {t.busyId === a.id ? 'Đang xử lý…' : a.open ? 'Tạm ngừng cấp số' : 'Mở cấp số'}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function CountersBoard(props: { counters: CounterDto[]; areaCode: Map<string, string>; now: number }) {
  return (
    <div class="mon-counters" aria-label="Quầy">
      {props.counters.map((c) => {
        const t = c.currentTicket;
        const since = t?.calledAt ? (props.now - Date.parse(t.calledAt)) / 1000 : null;
        const idle = c.status === 'open' && !t;
        return (
          <div class={`mon-counter st-${c.status} ${idle ? 'idle' : ''}`} key={c.id} data-counter={c.number}>
            <div class="mc-head">
              <span class="mc-no">{c.number}</span>
              <span class={`mc-status st-${c.status}`}>{STATUS[c.status]}</span>
            </div>
            <div class="mc-clerk">{c.clerk?.displayName ?? 'Chưa có cán bộ'}</div>
            <div class="mc-ticket">
              {t ? (
                <>
                  <b>{t.number}</b>
                  <span>
                    {t.status === 'called' ? 'đang mời' : 'đang phục vụ'} · {mmss(since)}
                  </span>
                </>
              ) : (
                <span class="muted">{c.status === 'open' ? 'Đang trống' : '—'}</span>
              )}
            </div>
            <div class="mc-areas">
              {c.areaIds
                .map((id) => props.areaCode.get(id))
                .filter(Boolean)
                .join(' · ')}
            </div>
          </div>
        );
      })}
    </div>
  );
}

export function AlertsBoard(props: { alerts: Alert[] }) {
  return (
    <div class="mon-alerts" aria-label="Cảnh báo" aria-live="polite">
      {props.alerts.length === 0 ? (
        <div class="mon-ok">✓ Không có cảnh báo — mọi lĩnh vực trong thời gian chờ mục tiêu.</div>
      ) : (
        props.alerts.map((a) => (
          <div class={`mon-alert ${a.severity}`} key={a.key} data-alert={a.kind}>
            <span class="mon-icon" aria-hidden="true">
              !
            </span>
            {a.text}
          </div>
        ))
      )}
    </div>
  );
}

export function RatingsBoard(props: { rows: ReportRow[]; totals: ReportRow | null; levels: RatingLevel[] }) {
  const rows = props.rows.filter((r) => r.ratedCount > 0);
  return (
    <table class="mon-table mon-ratings" aria-label="Đánh giá hôm nay">
      <thead>
        <tr>
          <th>Lĩnh vực</th>
          {props.levels.map((l) => (
            <th class="num" key={l.key}>
              {l.label}
            </th>
          ))}
          <th class="num">Tỉ lệ hài lòng</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.key}</td>
            {props.levels.map((l) => (
              <td class="num" key={l.key}>
                {r.ratings[l.key] ?? 0}
              </td>
            ))}
            <td class={`num ${r.satisfiedShare !== null && r.satisfiedShare < 0.8 ? 'red' : 'green'}`}>
              {percent(r.satisfiedShare, 0)}
            </td>
          </tr>
        ))}
        {!rows.length && (
          <tr>
            <td colSpan={props.levels.length + 2} class="muted">
              Chưa có đánh giá hôm nay.
            </td>
          </tr>
        )}
      </tbody>
      {props.totals && props.totals.ratedCount > 0 && (
        <tfoot>
          <tr>
            <td>Tổng</td>
            {props.levels.map((l) => (
              <td class="num" key={l.key}>
                {props.totals!.ratings[l.key] ?? 0}
              </td>
            ))}
            <td class="num">{percent(props.totals.satisfiedShare, 0)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
