import pg from 'pg';
import { INT8_OID, NUMERIC_OID, toNumber, type HubDb, type Queryable, type Row } from './hub.db.ts';

/** Types for this pool only: no global type parser that would change other pg users in the process. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return toNumber;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/**
 * A real PostgreSQL server through a pg Pool. The pool's 'error' events (a server restarting, the link cut)
 * are logged, never thrown: an idle client dying must not take the hub down; the next query connects again.
 */
export function createPgDb(url: string, log: (msg: string, err?: unknown) => void): HubDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    // A server that stops answering mid-query (the link cut, not closed) fails the request instead of holding it.
    query_timeout: 60_000,
    idleTimeoutMillis: 30_000,
    types: types as pg.CustomTypesConfig,
  });
  pool.on('error', (err) => log('PostgreSQL: kết nối rảnh bị lỗi (idle client error)', err));
  pool.on('connect', (client) => {
    // A client that breaks mid-query also emits 'error' on itself; unhandled it would crash the process.
    client.on('error', (err) => log('PostgreSQL: kết nối bị lỗi (client error)', err));
  });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await c.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'pg',
    ...base,
    async tx(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection itself failed: PostgreSQL rolls back on its own
        }
        throw e;
      } finally {
        client.release(broken);
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
