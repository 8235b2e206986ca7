import { useEffect, useRef } from 'preact/hooks';
import type { AreaDto, CounterDto } from '@contract/dto';
import type { TransferTarget } from './console.state.ts';
import { counterTitle } from './format.ts';

/** Where the current citizen goes next: another area (waits by issue time) or one counter. */
export function TransferDialog({
  number,
  areas,
  counters,
  selfId,
  onPick,
  onCancel,
}: {
  number: string;
  areas: AreaDto[];
  counters: CounterDto[];
  selfId: string;
  onPick: (t: TransferTarget) => void;
  onCancel: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, []);
  return (
    <div
      class="dialog-backdrop"
      onClick={(e) => {
        if (e.target === e.currentTarget) onCancel();
      }}
    >
      <div class="dialog" role="dialog" aria-modal="true" aria-label={`Chuyển số ${number}`} ref={box}>
        <h2>
          Chuyển số <b>{number}</b>
        </h2>
        <div class="dialog-cols">
          <div>
            <h3>Sang lĩnh vực</h3>
            <div class="dialog-list">
              {areas
                .filter((a) => a.active)
                .map((a) => (
                  <button
                    class="pick"
                    key={a.id}
                    data-area={a.code}
                    onClick={() => onPick({ areaId: a.id, label: `lĩnh vực ${a.name}` })}
                  >
                    <b>{a.name}</b>
                    <span>
                      {a.departmentName} · {a.waiting} đang chờ{a.servingCounters === 0 ? ' · chưa có quầy mở' : ''}
                    </span>
                  </button>
                ))}
            </div>
          </div>
          <div>
            <h3>Sang quầy</h3>
            <div class="dialog-list">
              {counters
                .filter((c) => c.id !== selfId)
                .map((c) => (
                  <button
                    class="pick"
                    key={c.id}
                    data-counter={c.number}
                    onClick={() => onPick({ counterId: c.id, label: `quầy ${c.number}` })}
                  >
                    <b>{counterTitle(c)}</b>
                    <span>{c.status === 'closed' ? 'Đang đóng' : (c.clerk?.displayName ?? 'Chưa có cán bộ')}</span>
                  </button>
                ))}
            </div>
          </div>
        </div>
        <div class="dialog-foot">
          <button class="btn" onClick={onCancel}>
            Huỷ (Esc)
          </button>
        </div>
      </div>
    </div>
  );
}
