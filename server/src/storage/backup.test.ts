import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db.ts';
import { backupDatabase, createBackups, listBackups, restoreBackup, RestoreRefusedError } from './backup.ts';

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

      const { previous } = await restoreBackup(join(dir, 'backups', list[1]!.file), dbFile, t0 + 5000);
      expect(previous).toContain('before-restore');
      const restored = openDatabase(dbFile);
      expect(restored.prepare('SELECT code FROM departments ORDER BY code').pluck().all()).toEqual(['STC', 'STP']);
      restored.close();

      writeFileSync(join(dir, 'garbage.sqlite'), 'not a database');
      await expect(restoreBackup(join(dir, 'garbage.sqlite'), dbFile, t0)).rejects.toThrow();
      const still = openDatabase(dbFile);
      expect(still.prepare('SELECT COUNT(*) AS n FROM departments').get()).toEqual({ n: 2 });
      still.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('one backup at a time, each with its own temporary file', () => {
  it('two backups in the same second both succeed and leave no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-bk-'));
    try {
      const db = openDatabase(join(dir, 'queue.sqlite'));
      const now = Date.parse('2026-11-26T15:00:00Z');
      const both = await Promise.all([
        backupDatabase(db, join(dir, 'backups'), now),
        backupDatabase(db, join(dir, 'backups'), now),
      ]);
      expect(both.map((b) => b.file)).toEqual(['queue-20261126-150000.sqlite', 'queue-20261126-150000.sqlite']);
      expect(readdirSync(join(dir, 'backups'))).toEqual(['queue-20261126-150000.sqlite']);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the server's backups refuse a second one while the first is being made", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-bk-'));
    try {
      const db = openDatabase(join(dir, 'queue.sqlite'));
      const backups = createBackups(db, join(dir, 'backups'));
      const first = backups.start(Date.parse('2026-11-26T15:00:00Z'));
      expect(first).not.toBeNull();
      expect(backups.running).toBe(true);
      expect(backups.start(Date.parse('2026-11-26T15:00:01Z'))).toBeNull();
      await first;
      expect(backups.running).toBe(false);
      await backups.start(Date.parse('2026-11-26T15:00:02Z'));
      expect(backups.list().map((b) => b.file)).toEqual([
        'queue-20261126-150002.sqlite',
        'queue-20261126-150000.sqlite',
      ]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('restore safety', () => {
  /** Another process writing the database, as a server does: commits that are only in its WAL until a checkpoint. */
  function writer(dbFile: string, rows: number) {
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('wal_autocheckpoint = 0');
      const ins = db.prepare("INSERT INTO departments (id, code, name) VALUES (?, ?, 'Sở ' || ?)");
      for (let i = 0; i < ${rows}; i++) ins.run('w' + i, 'W' + i, i);
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', script, dbFile], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        if (String(d).includes('ready')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`writer exited ${code}`)));
    });
    const killed = new Promise<void>((r) => child.once('exit', () => r()));
    return {
      ready,
      kill9: async () => {
        child.kill('SIGKILL');
        await killed;
      },
    };
  }

  it('refuses while another process has the database open, then, after that process is killed with -9, keeps the replaced database whole (WAL included)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-restore-'));
    const w = { kill9: async () => {} };
    try {
      const dbFile = join(dir, 'queue.sqlite');
      const db = openDatabase(dbFile);
      db.prepare("INSERT INTO departments (id, code, name) VALUES ('d0', 'STP', 'Sở Tư pháp')").run();
      const backup = await backupDatabase(db, join(dir, 'backups'), Date.parse('2026-11-26T15:00:00Z'));
      db.close();
      const proc = writer(dbFile, 72);
      w.kill9 = proc.kill9;
      await proc.ready;
      const backupFile = join(dir, 'backups', backup.file);

      const refused = restoreBackup(backupFile, dbFile, Date.parse('2026-11-26T16:00:00Z'));
      await expect(refused).rejects.toThrow(RestoreRefusedError);
      await expect(refused).rejects.toThrow(/đang được sử dụng/);
      expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);

      await proc.kill9(); // a crash: 72 committed rows only in the WAL, no lock left behind
      const { previous } = await restoreBackup(backupFile, dbFile, Date.parse('2026-11-26T16:00:01Z'));
      const kept = new Database(previous!, { readonly: true });
      expect((kept.prepare('SELECT COUNT(*) AS n FROM departments').get() as { n: number }).n).toBe(73);
      kept.close();
      const restored = openDatabase(dbFile);
      expect(restored.prepare('SELECT code FROM departments').pluck().all()).toEqual(['STP']);
      restored.close();
    } finally {
      await w.kill9();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
