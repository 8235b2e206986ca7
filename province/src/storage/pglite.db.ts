import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { INT8_OID, NUMERIC_OID, toNumber, type HubDb, type Queryable, type Row } from './hub.db.ts';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, persisted in `dataDir` (or in memory when null,
 * for tests). One connection, transactions serialised by PGlite itself.
 */
export async function createPgliteDb(dataDir: string | null): Promise<HubDb> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const parsers = { [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber };
  const db = dataDir ? new PGlite(dataDir, { parsers }) : new PGlite({ parsers });
  await db.waitReady;
  const wrap = (c: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await c.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await c.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    tx: (fn) => db.transaction((t) => fn(wrap(t))),
    async ping() {
      await db.query('SELECT 1');
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}
