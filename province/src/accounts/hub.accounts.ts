import { AppError } from '../../../server/src/contract/errors.ts';
import { throttled } from '../../../server/src/core/accounts/attempt.window.ts';
import type { LoginLimiter } from '../../../server/src/core/accounts/login.limiter.ts';
import { hashPassword, hashToken, randomPassword, verifyPassword } from '../../../server/src/core/accounts/password.ts';
import type { Clock } from '../../../server/src/core/clock.ts';
import { newId, newToken } from '../../../server/src/core/ids.ts';
import { accountsRepo, hubUserDto, type HubRole, type HubUserDto } from '../storage/accounts.repo.ts';
import type { HubDb } from '../storage/hub.db.ts';

/** Sessions last a day, as on a center. */
const SESSION_MS = 24 * 3600_000;
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * A center's login, on the hub's tables: the same throttle (per user + address, LoginLimiter), the same
 * scrypt hashes and the same timing cover for unknown names.
 */
export async function hubLogin(
  deps: { db: HubDb; clock: Clock; limiter: LoginLimiter },
  input: { username: string; password: string; clientKey: string },
): Promise<{ token: string; user: HubUserDto }> {
  const wait = deps.limiter.waitMs(input.username, input.clientKey);
  if (wait > 0) throw throttled('auth.too_many_attempts', wait, 'Đăng nhập sai nhiều lần.');
  deps.limiter.fail(input.username, input.clientKey);
  const user = await accountsRepo.byUsername(deps.db, input.username);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !ok) throw new AppError('auth.invalid_credentials');
  deps.limiter.succeed(input.username, input.clientKey);
  const token = newToken();
  const now = deps.clock.now();
  await accountsRepo.deleteExpiredSessions(deps.db, now);
  await accountsRepo.insertSession(deps.db, hashToken(token), user.id, now, now + SESSION_MS);
  return { token, user: hubUserDto(user) };
}

export async function createHubUser(
  deps: { db: HubDb; clock: Clock },
  input: { username: string; password: string; displayName: string; role: HubRole },
): Promise<HubUserDto> {
  const passwordHash = await hashPassword(input.password);
  const u = { id: newId(), ...input, passwordHash, active: true };
  if (!(await accountsRepo.insert(deps.db, u, deps.clock.now()))) throw new AppError('user.username_taken');
  return hubUserDto(u);
}

/** On a new database: user `admin` with the given password, or a random one returned so it is printed once. */
export async function ensureFirstAdmin(
  deps: { db: HubDb; clock: Clock },
  password: string | null,
): Promise<{ created: boolean; generated: string | null }> {
  if ((await accountsRepo.count(deps.db)) > 0) return { created: false, generated: null };
  const pw = password ?? randomPassword();
  const passwordHash = await hashPassword(pw);
  const created = await accountsRepo.insert(
    deps.db,
    { id: newId(), username: 'admin', displayName: 'Quản trị tỉnh', role: 'admin', passwordHash, active: true },
    deps.clock.now(),
  );
  return { created, generated: created && password === null ? pw : null };
}
