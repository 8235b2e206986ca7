import type { CounterDto, TicketDto } from '@contract/dto';
import { SHORTCUTS, type ConsoleCommand } from './shortcuts.ts';

const NEEDS_TICKET = new Set<ConsoleCommand>(['recall', 'noShow', 'finish', 'transfer']);

/** Same rule for the button and its shortcut: nothing while a request is in flight, ticket actions only with a ticket. */
export function commandEnabled(
  cmd: ConsoleCommand,
  counter: CounterDto | null,
  current: TicketDto | null,
  busy: boolean,
): boolean {
  return !busy && counter !== null && (!NEEDS_TICKET.has(cmd) || current !== null);
}

interface ButtonSpec {
  cmd: ConsoleCommand;
  label: string;
  tone: string;
}

/** The big buttons; each carries its key so clerks learn the shortcut by using the mouse. */
export function ActionsPanel({
  counter,
  current,
  busy,
  onCommand,
}: {
  counter: CounterDto | null;
  current: TicketDto | null;
  busy: boolean;
  onCommand: (c: ConsoleCommand) => void;
}) {
  const paused = counter?.status === 'paused';
  const buttons: ButtonSpec[] = [
    { cmd: 'callNext', label: 'Gọi số tiếp theo', tone: 'primary' },
    { cmd: 'recall', label: 'Gọi lại', tone: 'blue' },
    { cmd: 'noShow', label: 'Vắng mặt', tone: 'amber' },
    { cmd: 'finish', label: 'Hoàn thành', tone: 'green' },
    { cmd: 'transfer', label: 'Chuyển', tone: 'blue' },
    { cmd: 'pause', label: paused ? 'Tiếp tục' : 'Tạm dừng', tone: paused ? 'green' : 'grey' },
    { cmd: 'close', label: 'Đóng quầy', tone: 'dark' },
  ];
  return (
    <div class="actions" role="toolbar" aria-label="Thao tác">
      {buttons.map((b) => (
        <button
          key={b.cmd}
          class={`action action-${b.tone} action-${b.cmd}`}
          data-cmd={b.cmd}
          disabled={!commandEnabled(b.cmd, counter, current, busy)}
          onClick={() => onCommand(b.cmd)}
        >
          <kbd>{SHORTCUTS[b.cmd]}</kbd>
          <span>{b.label}</span>
        </button>
      ))}
    </div>
  );
}
