import type { Db } from './db.ts';
import type { SettingsRepository } from '../core/store.port.ts';

/** Key → JSON document. The center's settings live under 'center'. */
export function createSettingsRepository(db: Db): SettingsRepository {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    get<T>(key: string): T | undefined {
      const r = get.get(key);
      if (!r) return undefined;
      try {
        return JSON.parse(r.value) as T;
      } catch {
        return undefined;
      }
    },
    put: (key: string, value: unknown, now: number) => put.run(key, JSON.stringify(value), now),
  };
}
