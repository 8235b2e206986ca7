import { AppError } from '../../contract/errors.ts';
import type { Actor, Counter } from '../entities.ts';
import type { TxDeps } from '../ports.ts';

export function requireCounter(tx: TxDeps, counterId: string): Counter {
  const c = tx.store.catalog.counter(counterId);
  if (!c || !c.active) throw new AppError('counter.not_found');
  return c;
}

/** Clerks act only on the counter they hold; supervisors and admins may act on any counter. */
export function requireHolder(tx: TxDeps, counter: Counter, actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('auth.forbidden');
  if (actor.role === 'admin' || actor.role === 'supervisor') return;
  if (counter.clerkId === actor.id) return;
  if (counter.clerkId) {
    const holder = tx.store.accounts.user(counter.clerkId);
    throw new AppError('counter.held', `Quầy đang do ${holder?.displayName ?? 'cán bộ khác'} sử dụng.`, {
      holder: holder?.displayName ?? null,
    });
  }
  throw new AppError('counter.not_held');
}

export function requireWorking(counter: Counter): void {
  if (counter.status === 'closed') throw new AppError('counter.closed');
}
