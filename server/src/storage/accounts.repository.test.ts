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

describe('tokenHolder: who holds a token, in one statement (issue 15)', () => {
  const NOW = 1_000_000;
  function repoWith() {
    const db = new Database(':memory:');
    migrate(db);
    const repo = createAccountsRepository(db);
    const user = (id: string, active: boolean) =>
      repo.insertUser({
        id,
        username: id,
        displayName: `Cán bộ ${id}`,
        role: 'clerk',
        passwordHash: 'x',
        active,
        createdAt: 0,
      });
    user('u1', true);
    user('u2', false);
    repo.insertSession('s-live', 'u1', 0, NOW + 1);
    repo.insertSession('s-expired', 'u1', 0, NOW);
    repo.insertSession('s-inactive', 'u2', 0, NOW + 1);
    const device = (id: string, hash: string) =>
      repo.insertDevice(
        {
          id,
          kind: 'kiosk',
          name: `Ki-ốt ${id}`,
          counterId: null,
          kioskId: null,
          printer: 'browser',
          settings: {},
          pairingExpiresAt: null,
          tokenUsedAt: null,
          createdAt: 0,
          revokedAt: null,
          lastSeenAt: null,
        },
        hash,
      );
    device('k1', 'd-live');
    device('k2', 'd-revoked');
    repo.revokeDevice('k2', NOW - 1);
    return { db, repo };
  }

  it('a live session of an active user is that user, never a device', () => {
    const { db, repo } = repoWith();
    expect(repo.tokenHolder('s-live', NOW)).toEqual({
      kind: 'user',
      user: { id: 'u1', username: 'u1', displayName: 'Cán bộ u1', role: 'clerk' },
    });
    db.close();
  });

  it('a live device token is that device, never a user; its first use shows', () => {
    const { db, repo } = repoWith();
    expect(repo.tokenHolder('d-live', NOW)).toEqual({
      kind: 'device',
      device: {
        id: 'k1',
        kind: 'kiosk',
        name: 'Ki-ốt k1',
        counterId: null,
        kioskId: null,
        printer: 'browser',
        tokenUsedAt: null,
      },
    });
    repo.markTokenUsed('k1', NOW);
    expect(repo.tokenHolder('d-live', NOW)).toMatchObject({ kind: 'device', device: { tokenUsedAt: NOW } });
    db.close();
  });

  it('an expired session, an inactive user, a revoked device and an unknown hash hold nothing', () => {
    const { db, repo } = repoWith();
    for (const h of ['s-expired', 's-inactive', 'd-revoked', 'nobody', 'k1', 'u1'])
      expect(repo.tokenHolder(h, NOW), h).toBeUndefined();
    // The checks are made at each call: the same token, good a moment ago, is refused at once.
    expect(repo.tokenHolder('s-live', NOW + 1)).toBeUndefined();
    db.prepare('UPDATE users SET active = 0 WHERE id = ?').run('u1');
    expect(repo.tokenHolder('s-live', NOW)).toBeUndefined();
    repo.revokeDevice('k1', NOW);
    expect(repo.tokenHolder('d-live', NOW)).toBeUndefined();
    db.close();
  });

  it('a hash in both tables is the live session first, the device once the session is gone', () => {
    const { db, repo } = repoWith();
    repo.insertSession('d-live', 'u1', 0, NOW + 1);
    expect(repo.tokenHolder('d-live', NOW)?.kind).toBe('user');
    expect(repo.tokenHolder('d-live', NOW + 1)?.kind).toBe('device');
    db.close();
  });
});
