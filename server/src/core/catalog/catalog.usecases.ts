import { AppError } from '../../contract/errors.ts';
import type { IssuingHours } from '../../contract/settings.schema.ts';
import type { Actor, Area, Department } from '../entities.ts';
import { newId } from '../ids.ts';
import type { TxDeps } from '../ports.ts';

/**
 * Admin changes to the center's layout; each is validated, audited and announced to the screens. Every use case
 * here has the one shape `(tx, input)`, the actor inside the input (as tickets, counters and devices do); what is
 * audited is the input without the actor (the audit row names the actor in its own columns).
 */

function audit(tx: TxDeps, actor: Actor, action: string, entity: string, entityId: string, data: unknown): void {
  tx.store.journal.audit({
    at: tx.clock.now(),
    actorKind: actor.kind,
    actorId: actor.id,
    action,
    entity,
    entityId,
    data,
  });
  tx.emit({ type: 'config:updated', reason: action });
}

export function saveDepartment(
  tx: TxDeps,
  { actor, ...input }: { id?: string; code: string; name: string; sort?: number; active?: boolean; actor: Actor },
): Department {
  const existing = input.id ? tx.store.catalog.department(input.id) : undefined;
  if (input.id && !existing) throw new AppError('department.not_found');
  const clash = tx.store.catalog
    .departments()
    .find((d) => d.code.toLowerCase() === input.code.toLowerCase() && d.id !== input.id);
  if (clash) throw new AppError('department.code_taken');
  const d: Department = {
    id: existing?.id ?? newId(9),
    code: input.code,
    name: input.name,
    sort: input.sort ?? existing?.sort ?? tx.store.catalog.departments().length,
    active: input.active ?? existing?.active ?? true,
  };
  if (existing) tx.store.catalog.updateDepartment(d);
  else tx.store.catalog.insertDepartment(d);
  audit(tx, actor, existing ? 'department.update' : 'department.create', 'department', d.id, input);
  return d;
}

export interface AreaInput {
  code: string;
  departmentId: string;
  name: string;
  numberStart: number;
  numberEnd: number;
  dailyLimit?: number | null;
  targetWaitMinutes?: number | null;
  hours?: IssuingHours | null;
  open?: boolean;
  active?: boolean;
  sort?: number;
}

export function saveArea(tx: TxDeps, { actor, ...input }: AreaInput & { id?: string; actor: Actor }): Area {
  const existing = input.id ? tx.store.catalog.area(input.id) : undefined;
  if (input.id && !existing) throw new AppError('area.not_found');
  if (!tx.store.catalog.department(input.departmentId)) throw new AppError('department.not_found');
  const others = tx.store.catalog.areas().filter((a) => a.id !== input.id);
  if (others.some((a) => a.code.toLowerCase() === input.code.toLowerCase())) throw new AppError('area.code_taken');
  // Overlapping blocks would print the same number for two areas on one day: refuse.
  const overlap = others.find(
    (a) => a.active && input.active !== false && a.numberStart <= input.numberEnd && input.numberStart <= a.numberEnd,
  );
  if (overlap)
    throw new AppError(
      'area.block_overlap',
      `Dãy số ${input.numberStart}–${input.numberEnd} trùng với lĩnh vực ${overlap.code} (${overlap.numberStart}–${overlap.numberEnd}).`,
    );
  const a: Area = {
    id: existing?.id ?? newId(9),
    code: input.code,
    departmentId: input.departmentId,
    name: input.name,
    numberStart: input.numberStart,
    numberEnd: input.numberEnd,
    dailyLimit: input.dailyLimit ?? null,
    targetWaitMin: input.targetWaitMinutes ?? null,
    hours: input.hours ?? null,
    open: input.open ?? existing?.open ?? true,
    active: input.active ?? existing?.active ?? true,
    sort: input.sort ?? existing?.sort ?? others.length,
    bookingSlotCapacity: existing?.bookingSlotCapacity ?? 0,
  };
  tx.store.catalog.upsertArea(a);
  audit(tx, actor, existing ? 'area.update' : 'area.create', 'area', a.id, input);
  tx.emit({ type: 'queue:updated', areaId: a.id });
  return a;
}

/**
 * PATCH /api/areas/:id: the fields sent replace the area's, the others stay (same checks as a PUT); the booking
 * capacity per slot is set on its own, so a PUT or an import never resets it.
 */
export function patchArea(
  tx: TxDeps,
  input: { id: string; fields: Partial<AreaInput>; bookingSlotCapacity?: number; actor: Actor },
): Area {
  const { id, fields, bookingSlotCapacity, actor } = input;
  const a = tx.store.catalog.area(id);
  if (!a) throw new AppError('area.not_found');
  if (Object.keys(fields).length > 0) {
    // The area as an input (its id, and the booking capacity a PATCH sets on its own, are not layout fields).
    const { id: _id, targetWaitMin, bookingSlotCapacity: _capacity, ...layout } = a;
    const next: AreaInput = { ...layout, targetWaitMinutes: targetWaitMin, ...fields };
    if (next.numberEnd < next.numberStart) throw new AppError('request.invalid', 'numberEnd ≥ numberStart');
    saveArea(tx, { ...next, id, actor });
  }
  if (bookingSlotCapacity !== undefined) {
    tx.store.catalog.setBookingSlotCapacity(id, bookingSlotCapacity);
    audit(tx, actor, 'area.update', 'area', id, { bookingSlotCapacity });
  }
  return tx.store.catalog.area(id)!;
}

/** Opens or closes an area for new tickets (tickets already waiting are still served). */
export function setAreaOpen(
  tx: TxDeps,
  { areaId, open, actor }: { areaId: string; open: boolean; actor: Actor },
): Area {
  const a = tx.store.catalog.area(areaId);
  if (!a || !a.active) throw new AppError('area.not_found');
  const next = { ...a, open };
  tx.store.catalog.upsertArea(next);
  audit(tx, actor, open ? 'area.open' : 'area.close', 'area', a.id, { open });
  return next;
}

export function saveCounter(
  tx: TxDeps,
  { actor, ...input }: { id?: string; number: number; name: string; areaIds: string[]; active?: boolean; actor: Actor },
) {
  const existing = input.id ? tx.store.catalog.counter(input.id) : undefined;
  if (input.id && !existing) throw new AppError('counter.not_found');
  if (tx.store.catalog.counters().some((c) => c.number === input.number && c.id !== input.id))
    throw new AppError('counter.number_taken');
  const areaIds = [...new Set(input.areaIds)];
  for (const id of areaIds) if (!tx.store.catalog.area(id)) throw new AppError('area.not_found');
  if (existing && input.active === false && existing.currentTicketId) throw new AppError('counter.has_current_ticket');
  const id = existing?.id ?? newId(9);
  tx.store.catalog.upsertCounter({
    id,
    number: input.number,
    name: input.name,
    areaIds,
    active: input.active ?? existing?.active ?? true,
    updatedAt: tx.clock.now(),
  });
  audit(tx, actor, existing ? 'counter.update' : 'counter.create', 'counter', id, input);
  tx.emit({ type: 'counter:updated', counterId: id });
  return tx.store.catalog.counter(id)!;
}
