import { AppError } from '../../contract/errors.ts';
import type { DeviceKind, Role, UserDto } from '../../contract/dto.ts';
import type { Actor, Device, User } from '../entities.ts';
import { newId, newToken } from '../ids.ts';
import type { Deps, TxDeps } from '../ports.ts';
import { throttled } from './attempt.window.ts';
import type { LoginLimiter } from './login.limiter.ts';
import { hashPassword, hashToken, randomDigits, verifyPassword } from './password.ts';

const SESSION_MS = 24 * 3600_000;
/** A pairing code is read out and typed at once: minutes, not days. */
export const PAIRING_MS = 10 * 60_000;

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
  const h = hashToken(token);
  const user = deps.store.accounts.sessionUser(h, deps.clock.now());
  if (user)
    return { kind: 'user', id: user.id, role: user.role, username: user.username, displayName: user.displayName };
  const d = deps.store.accounts.deviceByTokenHash(h);
  // The token is in use from its first request or socket: no pairing code may hand it (or a new one) out now.
  if (d && d.tokenUsedAt === null) deps.store.accounts.markTokenUsed(d.id, deps.clock.now());
  if (d)
    return {
      kind: 'device',
      id: d.id,
      deviceKind: d.kind,
      counterId: d.counterId,
      kioskId: d.kioskId,
      printer: d.printer,
      name: d.name,
    };
  return undefined;
}

/** Ends a login session; its sockets are closed once this commits (the `session:ended` event). */
export function logout(tx: TxDeps, token: string): void {
  const tokenHash = hashToken(token);
  tx.store.accounts.deleteSession(tokenHash);
  tx.emit({ type: 'session:ended', tokenHash });
}

export async function createUser(
  deps: Deps,
  input: { username: string; password: string; displayName: string; role: Role },
  actor: Actor,
): Promise<User> {
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
  id: string,
  input: { displayName?: string; role?: Role; active?: boolean; password?: string },
  actor: Actor,
): Promise<User> {
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
    const { password: _pw, ...logged } = input;
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

export function createDevice(
  deps: Deps,
  input: {
    kind: DeviceKind;
    name: string;
    counterId?: string | null;
    kioskId?: string | null;
    printer?: string | null;
    settings?: Record<string, unknown>;
  },
  actor: Actor,
): { device: Device; token: string; pairingCode: string } {
  if (input.kind === 'rating' && !input.counterId) throw new AppError('device.counter_required');
  if (input.kind === 'printer' && !input.kioskId) throw new AppError('device.kiosk_required');
  if (input.printer && input.kind !== 'kiosk') throw new AppError('device.printer_only_kiosk');
  if (input.counterId && !deps.store.catalog.counter(input.counterId)) throw new AppError('counter.not_found');
  if (input.kioskId) {
    const k = deps.store.accounts.device(input.kioskId);
    if (!k || k.kind !== 'kiosk' || k.revokedAt) throw new AppError('device.not_found', 'Không tìm thấy ki-ốt.');
  }
  const now = deps.clock.now();
  const token = newToken();
  const device: Device = {
    id: newId(12),
    kind: input.kind,
    name: input.name,
    counterId: input.kind === 'rating' || input.kind === 'display' ? (input.counterId ?? null) : null,
    kioskId: input.kind === 'printer' ? (input.kioskId ?? null) : null,
    printer: input.kind === 'kiosk' ? (input.printer ?? null) : null,
    settings: input.settings ?? {},
    pairingExpiresAt: now + PAIRING_MS,
    tokenUsedAt: null,
    createdAt: now,
    revokedAt: null,
    lastSeenAt: null,
  };
  const pairingCode = deps.store.tx(() => {
    deps.store.accounts.insertDevice(device, hashToken(token));
    const code = drawPairingCode(deps);
    deps.store.accounts.setPairingCode(device.id, code.hash, now + PAIRING_MS);
    deps.store.journal.audit({
      at: now,
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'device.create',
      entity: 'device',
      entityId: device.id,
      data: { kind: device.kind, name: device.name },
    });
    return code.code;
  });
  return { device, token, pairingCode };
}

/** Six digits an admin reads out; the database keeps only their SHA-256, and no live device may share one. */
function drawPairingCode(deps: Deps): { code: string; hash: string } {
  for (;;) {
    const code = randomDigits(6);
    const hash = hashToken(code);
    if (!deps.store.accounts.pairingHashTaken(hash)) return { code, hash };
  }
}

/**
 * An admin asks for a code on demand (valid PAIRING_MS; a newer code replaces an older one). For a device
 * whose token is in use this is a re-pairing (a new PC, a wiped browser): its current token stops working at
 * once, so the code is again the only way in. `replacedToken` tells the caller to drop the device's sockets.
 */
export function issuePairingCode(
  deps: Deps,
  id: string,
  actor: Actor,
): { code: string; expiresAt: number; replacedToken: boolean } {
  const now = deps.clock.now();
  return deps.store.tx(() => {
    const d = deps.store.accounts.device(id);
    if (!d || d.revokedAt) throw new AppError('device.not_found');
    const replacedToken = d.tokenUsedAt !== null;
    if (replacedToken) deps.store.accounts.replaceToken(id, hashToken(newToken()));
    const { code, hash } = drawPairingCode(deps);
    deps.store.accounts.setPairingCode(id, hash, now + PAIRING_MS);
    deps.store.journal.audit({
      at: now,
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'device.pairing_code',
      entity: 'device',
      entityId: id,
      data: { replacedToken },
    });
    return { code, expiresAt: now + PAIRING_MS, replacedToken };
  });
}

/**
 * Trades a live code for the device token, once. The token is minted now (only its hash is stored), so it
 * replaces the one shown when the device was made; the code dies in the same transaction.
 */
export function pairDevice(deps: Deps, code: string): { device: Device; token: string } {
  const token = newToken();
  const now = deps.clock.now();
  const device = deps.store.tx(() => {
    const d = deps.store.accounts.takePairing(hashToken(code.trim()), now, hashToken(token));
    if (d)
      deps.store.journal.audit({
        at: now,
        actorKind: 'device',
        actorId: d.id,
        action: 'device.pair',
        entity: 'device',
        entityId: d.id,
      });
    return d;
  });
  if (!device) throw new AppError('auth.invalid_pairing_code');
  return { device, token };
}

export function revokeDevice(deps: Deps, id: string, actor: Actor): Device {
  const d = deps.store.accounts.device(id);
  if (!d) throw new AppError('device.not_found');
  deps.store.tx(() => {
    deps.store.accounts.revokeDevice(id, deps.clock.now());
    deps.store.journal.audit({
      at: deps.clock.now(),
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'device.revoke',
      entity: 'device',
      entityId: id,
    });
  });
  return deps.store.accounts.device(id)!;
}
