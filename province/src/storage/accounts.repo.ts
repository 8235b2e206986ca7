import type { Queryable } from './hub.db.ts';

export type HubRole = 'admin' | 'supervisor';
export interface HubUser {
  id: string;
  username: string;
  displayName: string;
  role: HubRole;
  passwordHash: string;
  active: boolean;
}
export interface HubUserDto {
  id: string;
  username: string;
  displayName: string;
  role: HubRole;
}
export const hubUserDto = (u: HubUser): HubUserDto => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
});

const COLS = 'id, username, display_name, role, password_hash, active';
const toUser = (r: Record<string, unknown>): HubUser => ({
  id: String(r.id),
  username: String(r.username),
  displayName: String(r.display_name),
  role: r.role as HubRole,
  passwordHash: String(r.password_hash),
  active: Boolean(r.active),
});

/** Hub users and their sessions (tokens kept only as SHA-256, as on a center). */
export const accountsRepo = {
  async count(q: Queryable): Promise<number> {
    const [r] = await q.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM hub_users');
    return r?.n ?? 0;
  },
  async byUsername(q: Queryable, username: string): Promise<HubUser | null> {
    const [r] = await q.query(`SELECT ${COLS} FROM hub_users WHERE lower(username) = lower($1)`, [username]);
    return r ? toUser(r) : null;
  },
  /** Inserts unless the username exists (any case); false when it does. */
  async insert(q: Queryable, u: HubUser, now: number): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO hub_users (id, username, display_name, role, password_hash, active, created_at)
       SELECT $1, $2, $3, $4, $5, true, $6
       WHERE NOT EXISTS (SELECT 1 FROM hub_users WHERE lower(username) = lower($2))
       ON CONFLICT DO NOTHING RETURNING id`,
      [u.id, u.username, u.displayName, u.role, u.passwordHash, now],
    );
    return rows.length === 1;
  },
  async insertSession(q: Queryable, tokenHash: string, userId: string, now: number, expiresAt: number) {
    await q.query('INSERT INTO hub_sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      tokenHash,
      userId,
      now,
      expiresAt,
    ]);
  },
  async sessionUser(q: Queryable, tokenHash: string, now: number): Promise<HubUser | null> {
    const [r] = await q.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.password_hash, u.active
       FROM hub_sessions s JOIN hub_users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
      [tokenHash, now],
    );
    return r ? toUser(r) : null;
  },
  /** Sessions past their day are dead already; swept at each login so the table does not grow for ever. */
  async deleteExpiredSessions(q: Queryable, now: number) {
    await q.query('DELETE FROM hub_sessions WHERE expires_at <= $1', [now]);
  },
  async deleteSession(q: Queryable, tokenHash: string) {
    await q.query('DELETE FROM hub_sessions WHERE token_hash = $1', [tokenHash]);
  },
};
