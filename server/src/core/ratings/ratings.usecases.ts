import { AppError } from '../../contract/errors.ts';
import type { Actor } from '../entities.ts';
import { newId } from '../ids.ts';
import type { TxDeps } from '../ports.ts';
import { businessDay } from '../time/zoned-time.ts';

export interface RateInput { ticketId: string; level: string; reasons?: string[]; comment?: string | null; actor: Actor }

/**
 * One rating per ticket, only from a rating device of the counter that just finished it:
 * a pad cannot rate another counter's citizen, nor one served long ago.
 */
export function rateTicket(tx: TxDeps, input: RateInput): { id: string; ticketId: string; level: string } {
  const { actor } = input;
  if (actor.kind !== 'device' || actor.deviceKind !== 'rating') throw new AppError('auth.forbidden');
  const settings = tx.settings.get();
  const t = tx.store.tickets.get(input.ticketId);
  if (!t) throw new AppError('ticket.not_found');
  if (!settings.ratingLevels.some((l) => l.key === input.level)) throw new AppError('rating.invalid_level');
  if (tx.store.ratings.ofTicket(t.id)) throw new AppError('rating.duplicate');
  const now = tx.clock.now();
  const fresh = t.finishedAt !== null && now - t.finishedAt <= settings.ratingWindowMinutes * 60_000;
  if (t.status !== 'done' || t.counterId !== actor.counterId || !fresh) throw new AppError('rating.not_allowed');
  const reasons = [...new Set(input.reasons ?? [])];
  const id = newId();
  tx.store.ratings.insert({
    id, ticketId: t.id, level: input.level, reasons, comment: input.comment || null, counterId: t.counterId, clerkId: t.clerkId,
    areaId: t.areaId, deviceId: actor.id, at: now, businessDay: businessDay(now, settings.timeZone),
  });
  tx.store.journal.event({ at: now, businessDay: t.businessDay, ticketId: t.id, type: 'rated', counterId: t.counterId, areaId: t.areaId, actorKind: 'device', actorId: actor.id, data: { level: input.level, reasons } });
  tx.emit({ type: 'rating:closed', counterId: t.counterId!, ticketId: t.id });
  tx.emit({ type: 'rating:recorded', counterId: t.counterId!, ticketId: t.id, clerkId: t.clerkId, level: input.level });
  return { id, ticketId: t.id, level: input.level };
}
