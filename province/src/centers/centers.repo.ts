import type { FeedCatalog } from '../../../server/src/contract/province.feed.ts';
import type { Queryable } from '../storage/hub.db.ts';

export interface CenterRow {
  id: string;
  code: string;
  name: string;
  lastSeenAt: number | null;
  lagSec: number;
  ackSeq: number;
  tokenActive: boolean;
  catalog: Partial<FeedCatalog>;
}

const toCenter = (r: Record<string, unknown>): CenterRow => ({
  id: String(r.id),
  code: String(r.code),
  name: String(r.name),
  lastSeenAt: r.last_seen_at === null ? null : Number(r.last_seen_at),
  lagSec: Number(r.lag_sec),
  ackSeq: Number(r.ack_seq),
  tokenActive: r.token_hash !== null,
  catalog: (typeof r.catalog === 'string' ? JSON.parse(r.catalog) : r.catalog) as Partial<FeedCatalog>,
});
const COLS = 'id, code, name, last_seen_at, lag_sec, ack_seq, token_hash, catalog';

export const centersRepo = {
  /** False when the code is taken (any case). */
  async insert(q: Queryable, c: { id: string; code: string; name: string; tokenHash: string }, now: number) {
    const rows = await q.query(
      `INSERT INTO centers (id, code, name, token_hash, created_at)
       SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM centers WHERE lower(code) = lower($2))
       ON CONFLICT DO NOTHING RETURNING id`,
      [c.id, c.code, c.name, c.tokenHash, now],
    );
    return rows.length === 1;
  },
  async list(q: Queryable): Promise<CenterRow[]> {
    return (await q.query(`SELECT ${COLS} FROM centers ORDER BY code`)).map(toCenter);
  },
  async idByTokenHash(q: Queryable, tokenHash: string): Promise<string | null> {
    const [r] = await q.query<{ id: string }>('SELECT id FROM centers WHERE token_hash = $1', [tokenHash]);
    return r?.id ?? null;
  },
  /** Revoke (tokenHash null) or replace the token; false for an unknown center. */
  async setToken(q: Queryable, id: string, tokenHash: string | null): Promise<boolean> {
    const rows = await q.query('UPDATE centers SET token_hash = $2 WHERE id = $1 RETURNING id', [id, tokenHash]);
    return rows.length === 1;
  },
};
