/**
 * The hub's one database interface: PostgreSQL through `pg` (a Pool, PROVINCE_DATABASE_URL) or the embedded
 * PGlite (PROVINCE_DATA_DIR). Both speak PostgreSQL with `$1` parameters, so every query, migration and test
 * runs unchanged on either. 64-bit integers and numerics come back as numbers (epoch ms and counts fit in a
 * double), the same on both drivers.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface HubDb extends Queryable {
  kind: 'pg' | 'pglite';
  /** One transaction: committed when `fn` resolves, rolled back (nothing applied) when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** A real round trip: throws while the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const INT8_OID = 20;
export const NUMERIC_OID = 1700;
export const toNumber = (v: string) => Number(v);
