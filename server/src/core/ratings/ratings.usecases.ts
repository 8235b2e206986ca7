import { AppError } from '../../contract/errors.ts';
import type { Actor, Ticket } from '../entities.ts';
import { newId } from '../ids.ts';
import type { Deps, TxDeps } from '../ports.ts';
import { businessDay } from '../time/zoned-time.ts';

export interface RateInput {
  ticketId: string;
  level: string;
  reasons?: string[];
  comment?: string | null;
  actor: Actor;
}

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
    id,
    ticketId: t.id,
    level: input.level,
    reasons,
    comment: input.comment || null,
    counterId: t.counterId,
    clerkId: t.clerkId,
    areaId: t.areaId,
    deviceId: actor.id,
    at: now,
    businessDay: businessDay(now, settings.timeZone),
  });
  tx.store.journal.event({
    at: now,
    businessDay: t.businessDay,
    ticketId: t.id,
    type: 'rated',
    counterId: t.counterId,
    areaId: t.areaId,
    actorKind: 'device',
    actorId: actor.id,
    data: { level: input.level, reasons },
  });
  tx.emit({ type: 'rating:closed', counterId: t.counterId!, ticketId: t.id });
  tx.emit({ type: 'rating:recorded', counterId: t.counterId!, ticketId: t.id, clerkId: t.clerkId, level: input.level });
  return { id, ticketId: t.id, level: input.level };
}

/**
 * The question a rating pad of this counter still has to show: the citizen last finished there, not rated yet,
 * while the pad would still be asking (its `ratingTimeoutSeconds`, within the rating window). A pad that reloads
 * gets it back on connect; `remainingMs` is what is left of the question's time.
 */
export function pendingRating(deps: Deps, counterId: string): { ticket: Ticket; remainingMs: number } | undefined {
  const s = deps.settings.get();
  const askMs = Math.min(s.ratingTimeoutSeconds * 1000, s.ratingWindowMinutes * 60_000);
  const now = deps.clock.now();
  const t = deps.store.tickets.lastDoneAt(counterId, now - askMs);
  if (!t || t.finishedAt === null || deps.store.ratings.ofTicket(t.id)) return undefined;
  // A clock stepped back could put finishedAt after now: never more than the whole question's time.
  const remainingMs = Math.min(askMs, t.finishedAt + askMs - now);
  return remainingMs > 0 ? { ticket: t, remainingMs } : undefined;
}
