import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/** Backups one at a time: concurrent requests never collide on a temporary file and never answer 5xx. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
});
afterAll(async () => {
  await t.close();
});

const post = () =>
  fetch(`${t.url}/api/backups`, { method: 'POST', headers: { authorization: `Bearer ${t.adminToken}` } }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as any }),
  );

describe('concurrent backups', () => {
  it('one is made, the others answer 409 backup.in_progress; every answered backup is whole; no temporary file is left', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, post));
    for (const a of answers) expect([201, 409], JSON.stringify(a.body)).toContain(a.status);
    const made = answers.filter((a) => a.status === 201);
    expect(made.length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body.error.code).toBe('backup.in_progress');
      expect(a.body.error.message).toMatch(/sao lưu/);
    }
    const dir = join(t.dataDir, 'backups');
    for (const a of made) {
      const db = new Database(join(dir, a.body.file), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n).toBeGreaterThan(0);
      db.close();
    }
    expect(readdirSync(dir).filter((f) => !/^queue-\d{8}-\d{6}\.sqlite$/.test(f))).toEqual([]);
    // Once it is done, the next one is made.
    expect((await post()).status).toBe(201);
  });
});

describe('backup audit', () => {
  it('a backup an admin asks for is in the audit log, by file and by admin', async () => {
    const entries = () =>
      t.server.db
        .prepare("SELECT actor_kind, actor_id, entity_id FROM audit_log WHERE action = 'backup.create' ORDER BY id")
        .all() as { actor_kind: string; actor_id: string; entity_id: string }[];
    const before = entries().length;
    const made = await post();
    expect(made.status).toBe(201);
    const after = entries();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actor_kind: 'user', entity_id: made.body.file });
    expect(after.at(-1)!.actor_id).toBeTruthy();
  });
});
