import { AppError } from '../../contract/errors.ts';
import type { Role, UserDto } from '../../contract/dto.ts';
import { SYSTEM, type Actor, type User } from '../entities.ts';
import { newId, newToken } from '../ids.ts';
import type { Deps, TxDeps } from '../ports.ts';
import { throttled } from './attempt.window.ts';
import type { LoginLimiter } from './login.limiter.ts';
import { hashPassword, hashToken, verifyPassword } from './password.ts';

const SESSION_MS = 24 * 3600_000;

export const userDto = (u: User): UserDto => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  active: u.active,
});

export async function login(
  deps: Deps & { limiter: LoginLimiter },
  input: { username: string; password: string; clientKey: string },
): Promise<{ token: string; user: UserDto }> {
  const wait = deps.limiter.waitMs(input.username, input.clientKey);
  // Checked before the password: a client told to wait learns nothing by trying, the right password included.
  if (wait > 0) throw throttled('auth.too_many_attempts', wait, 'Đăng nhập sai nhiều lần.');
  // Counted as a failure before the (slow, asynchronous) check, so parallel guesses cannot all slip past the
  // wait; the right password gives it back.
  deps.limiter.fail(input.username, input.clientKey);
  const user = deps.store.accounts.userByUsername(input.username);
  // Verify against a dummy hash when the user is unknown so timing does not reveal which names exist.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !ok) throw new AppError('auth.invalid_credentials');
  deps.limiter.succeed(input.username, input.clientKey);
  const token = newToken();
  const now = deps.clock.now();
  deps.store.accounts.insertSession(hashToken(token), user.id, now, now + SESSION_MS);
  return { token, user: userDto(user) };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Resolves a bearer token to a person or a device; undefined when it is unknown, expired or revoked. */
export function authenticate(deps: Deps, token: string): Actor | undefined {
  if (!token || token.length > 200) return undefined;
  // One statement per request (issue 15): the live session of an active user, else the device not revoked.
  const holder = deps.store.accounts.tokenHolder(hashToken(token), deps.clock.now());
  if (!holder) return undefined;
  if (holder.kind === 'user') {
    const { user } = holder;
    return { kind: 'user', id: user.id, role: user.role, username: user.username, displayName: user.displayName };
  }
  const d = holder.device;
  // The token is in use from its first request or socket: no pairing code may hand it (or a new one) out now.
  if (d.tokenUsedAt === null) deps.store.accounts.markTokenUsed(d.id, deps.clock.now());
  return {
    kind: 'device',
    id: d.id,
    deviceKind: d.kind,
    counterId: d.counterId,
    kioskId: d.kioskId,
    printer: d.printer,
    name: d.name,
  };
}

/** Ends a login session; its sockets are closed once this commits (the `session:ended` event). */
export function logout(tx: TxDeps, { token }: { token: string }): void {
  const tokenHash = hashToken(token);
  tx.store.accounts.deleteSession(tokenHash);
  tx.emit({ type: 'session:ended', tokenHash });
}

/**
 * The account use cases take `(deps, input)` rather than `(tx, input)`: the password hash (scrypt) is slow and
 * asynchronous, so it runs before the transaction, which the use case opens itself around its writes.
 */
export async function createUser(
  deps: Deps,
  input: { username: string; password: string; displayName: string; role: Role; actor: Actor },
): Promise<User> {
  const { actor } = input;
  if (deps.store.accounts.userByUsername(input.username)) throw new AppError('user.username_taken');
  const passwordHash = await hashPassword(input.password);
  const user: User = {
    id: newId(12),
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    passwordHash,
    active: true,
    createdAt: deps.clock.now(),
  };
  deps.store.tx(() => {
    // Checked again inside the transaction: two admins creating one name at once get one user.
    if (deps.store.accounts.userByUsername(input.username)) throw new AppError('user.username_taken');
    deps.store.accounts.insertUser(user);
    deps.store.journal.audit({
      at: user.createdAt,
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      data: { username: user.username, role: user.role },
    });
  });
  return user;
}

export async function updateUser(
  deps: Deps,
  input: { id: string; displayName?: string; role?: Role; active?: boolean; password?: string; actor: Actor },
): Promise<User> {
  const { id, actor } = input;
  const u = deps.store.accounts.user(id);
  if (!u) throw new AppError('user.not_found');
  if (input.active === false && actor.id === id) throw new AppError('user.cannot_deactivate_self');
  const next: User = {
    ...u,
    displayName: input.displayName ?? u.displayName,
    role: input.role ?? u.role,
    active: input.active ?? u.active,
    passwordHash: input.password ? await hashPassword(input.password) : u.passwordHash,
  };
  deps.store.tx(() => {
    deps.store.accounts.updateUser(next);
    if (input.password || input.active === false || (input.role && input.role !== u.role))
      deps.store.accounts.deleteSessionsOf(id);
    if (input.active === false) {
      const held = deps.store.catalog.counterOfClerk(id);
      if (held && !held.currentTicketId)
        deps.store.catalog.saveCounterState({ ...held, status: 'closed', clerkId: null, updatedAt: deps.clock.now() });
    }
    const { password: _pw, id: _id, actor: _actor, ...logged } = input;
    deps.store.journal.audit({
      at: deps.clock.now(),
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'user.update',
      entity: 'user',
      entityId: id,
      data: { ...logged, passwordReset: Boolean(input.password) },
    });
  });
  return next;
}

/** The first administrator of a new database (the start-up seed and simulate), created by the system. */
export function createFirstAdmin(deps: Deps, password: string): Promise<User> {
  return createUser(deps, { username: 'admin', password, displayName: 'Quản trị viên', role: 'admin', actor: SYSTEM });
}
