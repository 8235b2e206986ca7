import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './db.ts';
import { createAccountsRepository } from './accounts.repository.ts';

describe('migration 0003 (pairing codes)', () => {
  it('drops the plain codes and tokens of an older database and keeps who is in use', () => {
    const db = new Database(':memory:');
    const all = loadMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 3),
    );
    const insert =
      db.prepare(`INSERT INTO devices (id, kind, name, token_hash, pairing_code, pairing_token, pairing_expires_at, created_at, last_seen_at)
      VALUES (?, 'kiosk', ?, ?, ?, ?, ?, 0, ?)`);
    insert.run('k1', 'Ki-ốt cũ, đang chạy', 'h1', '123456', 'plain-token-1', 9e12, 5000);
    insert.run('k2', 'Ki-ốt chưa ghép nối', 'h2', '654321', 'plain-token-2', 9e12, null);
    migrate(db, all);
    const rows = db.prepare('SELECT * FROM devices ORDER BY id').all() as Record<string, unknown>[];
    for (const r of rows) {
      expect(Object.keys(r)).not.toContain('pairing_code');
      expect(Object.keys(r)).not.toContain('pairing_token');
      expect(JSON.stringify(r)).not.toMatch(/123456|654321|plain-token/);
      expect(r.pairing_expires_at).toBeNull();
    }
    const repo = createAccountsRepository(db);
    expect(repo.device('k1')).toMatchObject({ tokenUsedAt: 5000, pairingExpiresAt: null });
    expect(repo.device('k2')).toMatchObject({ tokenUsedAt: null, pairingExpiresAt: null });
    db.close();
  });
});
