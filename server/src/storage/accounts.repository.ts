import type { Db } from './db.ts';
import type { AccountsRepository, TokenHolder } from '../core/store.port.ts';
import type { Device, User } from '../core/entities.ts';
import type { DeviceKind, Role } from '../contract/dto.ts';
import { bool, int, json } from './row-mapping.ts';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  created_at: number;
}
interface DeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  token_hash: string;
  counter_id: string | null;
  kiosk_id: string | null;
  printer: string | null;
  settings: string | null;
  pairing_code_hash: string | null;
  pairing_expires_at: number | null;
  token_used_at: number | null;
  created_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
}

/**
 * The row of a token's holder, as an array (raw mode: no object per request): a session's user, or a device.
 * [holder, id, name, username | kind, role | counterId, kioskId, printer, tokenUsedAt]
 */
type HolderRow =
  | ['user', string, string, string, Role, null, null, null]
  | ['device', string, string, DeviceKind, string | null, string | null, string | null, number | null];

const toHolder = (r: HolderRow | undefined): TokenHolder | undefined => {
  if (!r) return undefined;
  if (r[0] === 'user') return { kind: 'user', user: { id: r[1], displayName: r[2], username: r[3], role: r[4] } };
  const [, id, name, kind, counterId, kioskId, printer, tokenUsedAt] = r;
  return { kind: 'device', device: { id, name, kind, counterId, kioskId, printer, tokenUsedAt } };
};

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  passwordHash: r.password_hash,
  active: bool(r.active),
  createdAt: r.created_at,
});
const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  counterId: r.counter_id,
  kioskId: r.kiosk_id,
  printer: r.printer,
  settings: json(r.settings, {}),
  pairingExpiresAt: r.pairing_expires_at,
  tokenUsedAt: r.token_used_at,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastSeenAt: r.last_seen_at,
});

/** Users, their login sessions and the devices: tokens are stored only as SHA-256 hashes. */
export function createAccountsRepository(db: Db): AccountsRepository {
  const userById = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const userByName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  // Every request resolves its token, in one statement (issue 15): checked afresh each time, so an expiry, a
  // deactivation or a revocation counts from the next request. The live session comes first and LIMIT 1 stops
  // there, as when these were two statements (a hash in both tables would take 2^128 tokens).
  const tokenHolder = db
    .prepare<[string, number, string], HolderRow>(
      `SELECT 'user', u.id, u.display_name, u.username, u.role, NULL, NULL, NULL
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1
    UNION ALL
    SELECT 'device', d.id, d.name, d.kind, d.counter_id, d.kiosk_id, d.printer, d.token_used_at
      FROM devices d WHERE d.token_hash = ? AND d.revoked_at IS NULL
    LIMIT 1`,
    )
    .raw();
  const deviceById = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  return {
    user: (id: string) => {
      const r = userById.get(id);
      return r && toUser(r);
    },
    userByUsername: (u: string) => {
      const r = userByName.get(u);
      return r && toUser(r);
    },
    users: (): User[] => db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username').all().map(toUser),
    insertUser: (u: User) =>
      db
        .prepare(
          'INSERT INTO users (id, username, display_name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(u.id, u.username, u.displayName, u.role, u.passwordHash, int(u.active), u.createdAt),
    updateUser: (u: User) =>
      db
        .prepare('UPDATE users SET display_name = ?, role = ?, password_hash = ?, active = ? WHERE id = ?')
        .run(u.displayName, u.role, u.passwordHash, int(u.active), u.id),
    insertSession: (tokenHash: string, userId: string, now: number, expiresAt: number) =>
      db
        .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(tokenHash, userId, now, expiresAt),
    tokenHolder: (h: string, now: number) => toHolder(tokenHolder.get(h, now, h)),
    deleteSession: (tokenHash: string) => db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash),
    deleteSessionsOf: (userId: string) => db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId),
    purgeSessions: (now: number) => db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now),
    device: (id: string) => {
      const r = deviceById.get(id);
      return r && toDevice(r);
    },
    devices: (): Device[] => db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY created_at').all().map(toDevice),
    insertDevice: (d: Device, tokenHash: string) =>
      db
        .prepare(
          `INSERT INTO devices
      (id, kind, name, token_hash, counter_id, kiosk_id, printer, settings, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          d.id,
          d.kind,
          d.name,
          tokenHash,
          d.counterId,
          d.kioskId,
          d.printer,
          JSON.stringify(d.settings),
          d.createdAt,
        ),
    updateDevice: (d: Device) =>
      db
        .prepare('UPDATE devices SET name = ?, counter_id = ?, printer = ?, settings = ? WHERE id = ?')
        .run(d.name, d.counterId, d.printer, JSON.stringify(d.settings), d.id),
    revokeDevice: (id: string, now: number) =>
      db
        .prepare('UPDATE devices SET revoked_at = ?, pairing_code_hash = NULL, pairing_expires_at = NULL WHERE id = ?')
        .run(now, id),
    touchDevice: (id: string, now: number) =>
      db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, id),
    /** The first use of the current token: any outstanding pairing code dies with it. */
    markTokenUsed: (id: string, now: number) =>
      db
        .prepare(
          'UPDATE devices SET token_used_at = ?, pairing_code_hash = NULL, pairing_expires_at = NULL WHERE id = ? AND token_used_at IS NULL',
        )
        .run(now, id),
    /** A code is outstanding while a live device holds this hash (a clash must be re-drawn). */
    pairingHashTaken: (codeHash: string) =>
      db.prepare('SELECT 1 FROM devices WHERE pairing_code_hash = ?').get(codeHash) !== undefined,
    setPairingCode: (id: string, codeHash: string, expiresAt: number) =>
      db
        .prepare('UPDATE devices SET pairing_code_hash = ?, pairing_expires_at = ? WHERE id = ?')
        .run(codeHash, expiresAt, id),
    /** A new token for the device: the old one stops working at once and the device counts as not yet in use. */
    replaceToken: (id: string, tokenHash: string) =>
      db.prepare('UPDATE devices SET token_hash = ?, token_used_at = NULL WHERE id = ?').run(tokenHash, id),
    /**
     * Trades a live code (not expired, device not revoked, token not yet used) for a new token, once: the code
     * is cleared and the device's token replaced in the same statement's transaction.
     */
    takePairing(codeHash: string, now: number, newTokenHash: string): Device | undefined {
      const r = db
        .prepare<[string, number], DeviceRow>(
          `SELECT * FROM devices WHERE pairing_code_hash = ? AND pairing_expires_at > ?
        AND revoked_at IS NULL AND token_used_at IS NULL`,
        )
        .get(codeHash, now);
      if (!r) return undefined;
      db.prepare(
        'UPDATE devices SET pairing_code_hash = NULL, pairing_expires_at = NULL, token_hash = ? WHERE id = ?',
      ).run(newTokenHash, r.id);
      return toDevice({ ...r, pairing_code_hash: null, pairing_expires_at: null, token_hash: newTokenHash });
    },
  };
}
