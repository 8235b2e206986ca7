import { useEffect, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '@client/api.client';
import type { AreaDto, CounterDto, UserDto } from '@contract/dto';
import { counterShortName } from './format.ts';
import type { QueueSocket } from '@client/socket.client';
import { useSocketEvents } from '@ui/queue-socket.hook';

const STATUS_LABEL: Record<CounterDto['status'], string> = { open: 'Đang mở', paused: 'Tạm dừng', closed: 'Đang đóng' };

/** The clerk picks the counter to take; a counter held by someone else says who holds it. */
export function CounterPicker({
  api,
  user,
  socket,
  notice = null,
  onOpened,
}: {
  api: ApiClient;
  user: UserDto;
  socket: QueueSocket | null;
  /** What just happened (the counter this clerk closed), said once on arrival. */
  notice?: string | null;
  onOpened: (counterId: string) => void;
}) {
  const [counters, setCounters] = useState<CounterDto[]>([]);
  const [areas, setAreas] = useState<AreaDto[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    try {
      const [cs, as] = await Promise.all([api.counters(), api.areas()]);
      setCounters(cs);
      setAreas(as);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Không tải được danh sách quầy.');
    }
  }
  useEffect(() => {
    void load();
  }, [api]);
  useSocketEvents(socket, { 'counter:updated': () => void load(), 'state:snapshot': () => void load() });

  async function open(c: CounterDto) {
    if (busy) return;
    setBusy(c.id);
    setError(null);
    try {
      await api.openCounter(c.id);
      onOpened(c.id);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'counter.held') {
        const fresh = (await api.counters().catch(() => counters)).find((x) => x.id === c.id);
        const who = fresh?.clerk?.displayName ?? c.clerk?.displayName;
        setError(
          who && !e.message.includes(who)
            ? `${e.message} (${who} đang giữ quầy ${c.number})`
            : `Quầy ${c.number}: ${e.message}`,
        );
        void load();
      } else setError(e instanceof ApiError ? e.message : 'Không mở được quầy.');
    } finally {
      setBusy(null);
    }
  }

  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? '';
  return (
    <div class="picker-page">
      <h1>Chọn quầy làm việc</h1>
      <p class="muted">Xin chào {user.displayName}. Chọn quầy bạn ngồi hôm nay để bắt đầu gọi số.</p>
      {notice && !error && (
        <div class="form-ok" role="status">
          {notice}
        </div>
      )}
      {error && (
        <div class="form-error" role="alert">
          {error}
        </div>
      )}
      <div class="picker-grid">
        {counters.map((c) => {
          const heldByOther = c.clerk !== null && c.clerk.id !== user.id;
          return (
            <div class={`picker-card ${heldByOther ? 'held' : ''}`} key={c.id} data-counter={c.number}>
              <div class="picker-head">
                <span class="picker-number">Quầy {c.number}</span>
                <span class={`pill pill-${c.status}`}>{STATUS_LABEL[c.status]}</span>
              </div>
              <div class="picker-name">{counterShortName(c)}</div>
              <div class="picker-areas">{c.areaIds.map(areaName).filter(Boolean).join(' · ')}</div>
              {c.clerk && (
                <div class="picker-holder">
                  Cán bộ: <b>{c.clerk.displayName}</b>
                </div>
              )}
              <button
                class={`btn ${heldByOther ? 'btn-held' : 'btn-primary'}`}
                disabled={busy !== null}
                onClick={() => void open(c)}
              >
                {busy === c.id
                  ? 'Đang mở…'
                  : c.clerk?.id === user.id
                    ? 'Vào quầy'
                    : heldByOther
                      ? 'Đang có cán bộ giữ'
                      : 'Nhận quầy này'}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
