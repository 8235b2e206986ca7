import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db.ts';
import { backupDatabase, listBackups, restoreBackup } from './backup.ts';

describe('backup and restore', () => {
  it('round-trips the database and keeps only the newest backups', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-bk-'));
    try {
      const dbFile = join(dir, 'queue.sqlite');
      const db = openDatabase(dbFile);
      db.prepare("INSERT INTO departments (id, code, name) VALUES ('d1', 'STP', 'Sở Tư pháp')").run();
      const t0 = Date.parse('2026-11-26T15:00:00Z');
      const first = await backupDatabase(db, join(dir, 'backups'), t0, 2);
      db.prepare("INSERT INTO departments (id, code, name) VALUES ('d2', 'STC', 'Sở Tài chính')").run();
      await backupDatabase(db, join(dir, 'backups'), t0 + 1000, 2);
      await backupDatabase(db, join(dir, 'backups'), t0 + 2000, 2);
      const list = listBackups(join(dir, 'backups'));
      expect(list.map((b) => b.file)).toEqual(['queue-20261126-150002.sqlite', 'queue-20261126-150001.sqlite']);
      expect(first.file).toBe('queue-20261126-150000.sqlite');
      db.prepare("INSERT INTO departments (id, code, name) VALUES ('d3', 'SXD', 'Sở Xây dựng')").run();
      db.close();

      const { previous } = restoreBackup(join(dir, 'backups', list[1]!.file), dbFile, t0 + 5000);
      expect(previous).toContain('before-restore');
      const restored = openDatabase(dbFile);
      expect(restored.prepare('SELECT code FROM departments ORDER BY code').pluck().all()).toEqual(['STC', 'STP']);
      restored.close();

      writeFileSync(join(dir, 'garbage.sqlite'), 'not a database');
      expect(() => restoreBackup(join(dir, 'garbage.sqlite'), dbFile, t0)).toThrow();
      const still = openDatabase(dbFile);
      expect(still.prepare('SELECT COUNT(*) AS n FROM departments').get()).toEqual({ n: 2 });
      still.close();
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
