import { useEffect, useState } from 'preact/hooks';
import type { CounterDto, TicketDto } from '@contract/dto';
import { formatTime } from '@ui/time.format';
import { clock, duration } from './format.ts';
import { ChannelBadge } from '@ui/channel.badge';

/** A clock that ticks each second (kept local so only this panel re-renders). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

const STATUS_TEXT: Record<string, string> = { called: 'Đang mời', serving: 'Đang phục vụ' };

export function CurrentTicketPanel({
  ticket,
  counter,
  timeZone,
}: {
  ticket: TicketDto | null;
  counter: CounterDto | null;
  timeZone: string;
}) {
  const now = useNow();
  if (!ticket) {
    return (
      <section class="current current-empty" aria-label="Số đang phục vụ">
        <div class="current-label">Số đang phục vụ</div>
        <div class="current-none">—</div>
        <div class="current-hint">
          {counter?.status === 'paused'
            ? 'Quầy đang tạm dừng. Bấm “Tiếp tục” (F8) để phục vụ.'
            : 'Chưa có công dân. Bấm “Gọi số tiếp theo” (F1).'}
        </div>
      </section>
    );
  }
  const waitedSec = ticket.calledAt
    ? (new Date(ticket.calledAt).getTime() - new Date(ticket.issuedAt).getTime()) / 1000
    : 0;
  const servingSec = ticket.calledAt ? (now - new Date(ticket.calledAt).getTime()) / 1000 : 0;
  return (
    <section class="current" aria-label="Số đang phục vụ">
      <div class="current-top">
        <div class="current-label">
          Số đang phục vụ · <span class="current-status">{STATUS_TEXT[ticket.status] ?? ticket.status}</span>
        </div>
        <ChannelBadge channel={ticket.channel} />
        {ticket.priority && (
          <span class="priority-mark" title={ticket.priorityGroup ?? ''}>
            ★ Ưu tiên{ticket.priorityGroup ? `: ${ticket.priorityGroup}` : ''}
          </span>
        )}
      </div>
      <div class="current-main">
        <div class="current-number" data-testid="current-number">
          {ticket.number}
        </div>
        <div class="current-clock">
          <div class="mini-label">Thời gian phục vụ</div>
          <div class="clock-value" data-testid="serving-clock">
            {clock(servingSec)}
          </div>
        </div>
      </div>
      <div class="current-area">
        {ticket.areaName}
        <span class="muted"> — {ticket.departmentName}</span>
      </div>
      <dl class="current-facts">
        <div>
          <dt>Lấy số lúc</dt>
          <dd>{formatTime(ticket.issuedAt, timeZone)}</dd>
        </div>
        <div>
          <dt>Đã chờ</dt>
          <dd>{duration(waitedSec)}</dd>
        </div>
        <div>
          <dt>Gọi lúc</dt>
          <dd>{formatTime(ticket.calledAt, timeZone)}</dd>
        </div>
        <div>
          <dt>Số lần gọi lại</dt>
          <dd data-testid="recalls">{ticket.recalls}</dd>
        </div>
        {ticket.transfers > 0 && (
          <div>
            <dt>Đã chuyển</dt>
            <dd>{ticket.transfers} lần</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
