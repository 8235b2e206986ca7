import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '@client/api.client';
import type { QueueSocket } from '@client/socket.client';
import type { UserDto } from '@contract/dto';
import { ActionsPanel, commandEnabled } from './actions.panel.tsx';
import { AnnotateForm } from './annotate.form.tsx';
import { useConsole, type StatusLine } from './console.state.ts';
import { CurrentTicketPanel, useNow } from './current.panel.tsx';
import { DEFAULT_TIME_ZONE, formatDate, formatTime } from '@ui/time.format';
import { counterShortName, counterTitle } from './format.ts';
import { QueuePanel } from './queue.panel.tsx';
import { useShortcuts, type ConsoleCommand } from './shortcuts.ts';
import { TallyPanel } from './tally.panel.tsx';
import { TransferDialog } from './transfer.dialog.tsx';

const STATUS_LABEL = { open: 'Đang mở', paused: 'Tạm dừng', closed: 'Đã đóng' } as const;

export function ConsoleScreen({
  api,
  user,
  counterId,
  socket,
  onReleased,
  onLogout,
  now: clockNow,
}: {
  api: ApiClient;
  user: UserDto;
  counterId: string;
  socket: QueueSocket | null;
  /** The counter is no longer this clerk's; `message` says why, for the list the clerk goes back to. */
  onReleased: (message: string) => void;
  onLogout: () => void;
  /** The repeat guard's clock (tests step it); the wall clock otherwise. */
  now?: () => number;
}) {
  const m = useConsole(api, counterId, socket, clockNow ? { now: clockNow } : {});
  const [dialog, setDialog] = useState<'transfer' | 'close' | null>(null);
  const tz = m.config?.timeZone ?? DEFAULT_TIME_ZONE;
  const now = useNow(10_000);

  // Said on this screen, not by the server: newer than the last answer, it takes the status line.
  const [hint, setHint] = useState<StatusLine | null>(null);
  const closing = useRef(false);
  useEffect(() => {
    if (!m.released) return;
    const c = m.counter;
    const name = c ? `${c.number}${counterShortName(c) === `Quầy ${c.number}` ? '' : ` — ${counterShortName(c)}`}` : '';
    onReleased(
      closing.current
        ? `Đã đóng quầy ${name}. Chọn quầy để làm việc tiếp, hoặc đăng xuất.`
        : `Quầy ${name} đã được đóng hoặc giao cho người khác. Chọn quầy để làm việc tiếp.`,
    );
  }, [m.released]);

  function command(cmd: ConsoleCommand) {
    if (!commandEnabled(cmd, m.counter, m.current, m.busy)) return;
    // The server refuses to close with a citizen at the counter: say so now instead of asking first.
    if (cmd === 'close' && m.current) {
      setHint({
        kind: 'warn',
        text: `Chưa đóng được quầy: số ${m.current.number} đang ở quầy. Bấm Hoàn thành (F4) hoặc Chuyển (F6) trước khi đóng quầy.`,
        at: Date.now(),
      });
      return;
    }
    switch (cmd) {
      case 'callNext':
        void m.actions.callNext();
        break;
      case 'recall':
        void m.actions.recall();
        break;
      case 'noShow':
        void m.actions.noShow();
        break;
      case 'finish':
        void m.actions.finish();
        break;
      case 'transfer':
        setDialog('transfer');
        break;
      case 'pause':
        void m.actions.togglePause();
        break;
      case 'close':
        setDialog('close');
        break;
    }
  }
  useShortcuts(command, dialog === null && m.confirm === null);

  const status = hint && (!m.status || hint.at >= m.status.at) ? hint : m.status;
  const myAreas = m.areas.filter((a) => m.counter?.areaIds.includes(a.id));
  const c = m.counter;
  return (
    <div class="console">
      <header class="topbar">
        <div class="topbar-left">
          <div class="brand-mark small">HCC</div>
          <div>
            <div class="topbar-center">{m.config?.centerName ?? ''}</div>
            <div class="topbar-counter">{c ? counterTitle(c) : 'Đang tải…'}</div>
          </div>
        </div>
        <div class="topbar-right">
          {c && (
            <span class={`pill pill-${c.status}`} data-testid="counter-status">
              {STATUS_LABEL[c.status]}
            </span>
          )}
          <span class="topbar-time">
            {formatTime(now, tz)} · {formatDate(now, tz)}
          </span>
          <span class="topbar-user">{user.displayName}</span>
          <button class="btn btn-ghost" onClick={onLogout}>
            Đăng xuất
          </button>
        </div>
      </header>
      <main class="console-grid">
        <div class="console-left">
          <CurrentTicketPanel ticket={m.current} counter={c} timeZone={tz} />
          <ActionsPanel counter={c} current={m.current} busy={m.busy} onCommand={command} />
          <div
            class={`status-line status-${status?.kind ?? 'idle'}`}
            role="status"
            aria-live="polite"
            data-testid="status-line"
          >
            {m.busy
              ? 'Đang xử lý…'
              : (status?.text ?? 'Sẵn sàng. Phím tắt: F1 gọi số tiếp theo, F2 gọi lại, F3 vắng mặt, F4 hoàn thành.')}
          </div>
          <AnnotateForm ticket={m.current} busy={m.busy} onSave={(code, note) => void m.actions.annotate(code, note)} />
        </div>
        <div class="console-right">
          <QueuePanel
            waiting={m.waiting}
            noShows={m.noShows}
            areas={myAreas}
            timeZone={tz}
            busy={m.busy || !c}
            onCall={(t) => void m.actions.call(t)}
          />
          <TallyPanel tally={m.tally} levels={m.config?.ratingLevels ?? []} />
        </div>
      </main>
      {dialog === 'transfer' && m.current && (
        <TransferDialog
          number={m.current.number}
          areas={m.areas}
          counters={m.counters}
          selfId={counterId}
          onCancel={() => setDialog(null)}
          onPick={(t) => {
            setDialog(null);
            void m.actions.transfer(t);
          }}
        />
      )}
      {m.confirm && (
        <div
          class="dialog-backdrop"
          onClick={(e) => {
            if (e.target === e.currentTarget) m.actions.dismissConfirm();
          }}
        >
          <div
            class="dialog dialog-small"
            role="alertdialog"
            aria-modal="true"
            aria-label="Xác nhận chuyển"
            data-testid="transfer-confirm"
          >
            <h2>Quầy đang đóng</h2>
            <p>{m.confirm.message}</p>
            <div class="dialog-foot">
              <button class="btn" autoFocus onClick={() => m.actions.dismissConfirm()}>
                Chọn nơi khác
              </button>
              <button
                class="btn btn-primary"
                data-testid="transfer-force"
                disabled={m.busy}
                onClick={() => {
                  const to = m.confirm!.to;
                  void m.actions.transfer(to, true);
                }}
              >
                Vẫn chuyển
              </button>
            </div>
          </div>
        </div>
      )}
      {dialog === 'close' && (
        <div
          class="dialog-backdrop"
          onClick={(e) => {
            if (e.target === e.currentTarget) setDialog(null);
          }}
        >
          <div class="dialog dialog-small" role="dialog" aria-modal="true" aria-label="Đóng quầy">
            <h2>Đóng quầy {c?.number}?</h2>
            <p>Quầy sẽ không nhận số mới và được trả lại để cán bộ khác có thể nhận.</p>
            <div class="dialog-foot">
              <button class="btn" autoFocus onClick={() => setDialog(null)}>
                Huỷ
              </button>
              <button
                class="btn btn-primary"
                onClick={() => {
                  setDialog(null);
                  closing.current = true;
                  void m.actions.close();
                }}
              >
                Đóng quầy
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
