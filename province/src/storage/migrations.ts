import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubDb } from './hub.db.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any constant: two hubs starting on one database take turns instead of both creating tables. */
const LOCK_KEY = 14_000_001;

/** Numbered SQL files in order; each applies with its record in one transaction, so a crash leaves none half-done. */
export async function migrate(db: HubDb, dir = DIR): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await q.exec('CREATE TABLE IF NOT EXISTS province_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)');
  });
  for (const f of files) {
    await db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const done = await q.query('SELECT 1 FROM province_migrations WHERE name = $1', [f]);
      if (done.length) return;
      await q.exec(readFileSync(join(dir, f), 'utf8'));
      await q.query('INSERT INTO province_migrations (name, applied_at) VALUES ($1, $2)', [f, Date.now()]);
      applied.push(f);
    });
  }
  return applied;
}
