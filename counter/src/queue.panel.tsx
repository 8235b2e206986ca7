import { useState } from 'preact/hooks';
import type { AreaDto, TicketDto } from '@contract/dto';
import { formatTime } from '@ui/time.format';
import { duration } from './format.ts';
import { useNow } from './current.panel.tsx';
import { ChannelBadge } from '@ui/channel.badge';

/** Waiting citizens of this counter's areas (priority first, as the server orders them) and the no-shows to call back. */
export function QueuePanel({
  waiting,
  noShows,
  areas,
  timeZone,
  busy,
  onCall,
}: {
  waiting: TicketDto[];
  noShows: TicketDto[];
  areas: AreaDto[];
  timeZone: string;
  busy: boolean;
  onCall: (t: TicketDto) => void;
}) {
  const [tab, setTab] = useState<'waiting' | 'noShows'>('waiting');
  const now = useNow(15_000);
  const list = tab === 'waiting' ? waiting : noShows;
  return (
    <section class="queue" aria-label="Danh sách chờ">
      <div class="area-counts">
        {areas.map((a) => (
          <div class="area-count" key={a.id} title={a.departmentName}>
            <span class="area-count-n">{a.waiting}</span>
            <span class="area-count-name">{a.name}</span>
          </div>
        ))}
      </div>
      <div class="tabs" role="tablist">
        <button
          role="tab"
          aria-selected={tab === 'waiting'}
          class={tab === 'waiting' ? 'tab active' : 'tab'}
          onClick={() => setTab('waiting')}
        >
          Đang chờ{' '}
          <span class="badge" data-testid="waiting-count">
            {waiting.length}
          </span>
        </button>
        <button
          role="tab"
          aria-selected={tab === 'noShows'}
          class={tab === 'noShows' ? 'tab active' : 'tab'}
          onClick={() => setTab('noShows')}
        >
          Vắng mặt <span class="badge badge-amber">{noShows.length}</span>
        </button>
      </div>
      <div class="queue-list" data-testid={`list-${tab}`}>
        {list.length === 0 && (
          <div class="queue-empty">{tab === 'waiting' ? 'Không còn ai đang chờ' : 'Không có số vắng mặt'}</div>
        )}
        {list.map((t) => (
          <div class={`queue-row ${t.priority ? 'is-priority' : ''}`} key={t.id} data-number={t.number}>
            <div class="queue-number">{t.number}</div>
            <div class="queue-info">
              <div class="queue-area">
                {t.priority && (
                  <span class="priority-tag" title={t.priorityGroup ?? 'Ưu tiên'}>
                    ★ Ưu tiên
                  </span>
                )}{' '}
                <ChannelBadge channel={t.channel} /> {t.areaName}
              </div>
              <div class="queue-meta">
                Lấy số {formatTime(t.issuedAt, timeZone)} ·{' '}
                {tab === 'waiting'
                  ? `chờ ${duration((now - new Date(t.issuedAt).getTime()) / 1000)}`
                  : `gọi lúc ${formatTime(t.calledAt, timeZone)}`}
                {t.targetCounterId && ' · chuyển đến quầy này'}
              </div>
            </div>
            <button class="btn btn-call" disabled={busy} onClick={() => onCall(t)}>
              {tab === 'waiting' ? 'Gọi số này' : 'Gọi lại số này'}
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
