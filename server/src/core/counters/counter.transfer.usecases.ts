import { callersOf, callingNow } from '../../contract/counter.coverage.ts';
import type { ActionWarning } from '../../contract/dto.ts';
import { AppError } from '../../contract/errors.ts';
import type { Ticket } from '../entities.ts';
import type { TxDeps } from '../ports.ts';
import { requireCounter, requireHolder } from './counter.access.ts';

import { saveCounter, log, requireView, requireCurrent, type CounterAction } from './counter.steps.ts';

export interface TransferInput extends CounterAction {
  areaId?: string;
  toCounterId?: string;
  /** Transfer even to a closed counter: the clerk saw the warning and confirmed. */
  force?: boolean;
}

/**
 * Sends the current citizen to wait again elsewhere, keeping the number and the place by issue time. A closed
 * counter is refused unless forced (nobody would call the citizen); the answer warns whenever no open counter
 * can call the ticket now, so the clerk can tell the citizen.
 */
export function transfer(tx: TxDeps, input: TransferInput): { ticket: Ticket; warning: ActionWarning | null } {
  const c = requireCounter(tx, input.counterId);
  requireHolder(tx, c, input.actor);
  requireView(tx, c, input.expectedTicketId);
  const t = requireCurrent(tx, c);
  const patch: Parameters<typeof tx.store.tickets.update>[1] = {
    status: 'waiting',
    calledAt: null,
    counterId: null,
    clerkId: null,
    transfers: t.transfers + 1,
  };
  let warning: ActionWarning | null = null;
  const all = tx.store.catalog.counters();
  if (input.areaId) {
    const area = tx.store.catalog.area(input.areaId);
    if (!area || !area.active) throw new AppError('area.not_found');
    Object.assign(patch, { areaId: area.id, targetCounterId: null });
    const callers = callersOf({ areaId: area.id, targetCounterId: null }, all);
    if (!callers.length)
      warning = {
        code: 'transfer.no_counter',
        message: `Chưa có quầy nào phục vụ lĩnh vực ${area.name}: số ${t.number} chỉ được gọi khi quản trị viên gán quầy cho lĩnh vực này.`,
      };
    else if (!callers.some(callingNow))
      warning = {
        code: 'transfer.no_open_counter',
        message: `Lĩnh vực ${area.name} chưa có quầy nào đang mở: số ${t.number} sẽ được gọi khi có quầy mở.`,
      };
  } else if (input.toCounterId) {
    if (input.toCounterId === c.id) throw new AppError('transfer.same_counter');
    const target = tx.store.catalog.counter(input.toCounterId);
    if (!target || !target.active) throw new AppError('counter.not_found');
    if (target.status === 'closed') {
      if (!input.force) {
        throw new AppError(
          'counter.closed',
          `Quầy số ${target.number} đang đóng: chưa ai gọi được số ${t.number} ở đó. Chỉ chuyển nếu quầy sẽ mở lại (gửi force: true).`,
          { counterId: target.id, number: target.number },
        );
      }
      warning = {
        code: 'transfer.counter_closed',
        message: `Quầy số ${target.number} đang đóng: số ${t.number} sẽ chờ đến khi quầy mở lại.`,
      };
    } else if (!callingNow(target)) {
      warning = {
        code: 'transfer.counter_paused',
        message: `Quầy số ${target.number} đang tạm dừng: số ${t.number} sẽ được gọi khi quầy phục vụ lại.`,
      };
    }
    patch.targetCounterId = target.id;
  } else {
    throw new AppError('transfer.target_required');
  }
  tx.store.tickets.update(t.id, patch);
  log(tx, t, 'transferred', input.actor, c.id, {
    toAreaId: input.areaId ?? null,
    toCounterId: input.toCounterId ?? null,
    fromAreaId: t.areaId,
    ...(warning ? { warning: warning.code } : {}),
  });
  saveCounter(tx, c, { currentTicketId: null });
  tx.emit({ type: 'ticket:updated', ticketId: t.id });
  tx.emit({ type: 'queue:updated', areaId: t.areaId });
  if (patch.areaId && patch.areaId !== t.areaId) tx.emit({ type: 'queue:updated', areaId: patch.areaId });
  return { ticket: tx.store.tickets.get(t.id)!, warning };
}
