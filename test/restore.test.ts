import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup, RestoreRefusedError } from '../server/src/storage/backup.ts';
import { fixtures, MAIN, startServerProcess, type ServerProcess } from './support/server-process.ts';

/**
 * `npm run restore` against a real server process (the built one, as `npm start` runs it): refused while the
 * server uses DATA_DIR, and after a `kill -9` the copy it keeps of the replaced database holds every
 * acknowledged ticket, including those still only in the WAL.
 */
const RESTORE = join(dirname(MAIN), '../../scripts/restore.js');
let srv: ServerProcess | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const restore = (dataDir: string, file: string) =>
  spawnSync(process.execPath, [RESTORE, file], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 30_000,
  });

async function serverWithTickets(n: number) {
  srv = await startServerProcess({ env: { LOG_LEVEL: 'quiet' } });
  const fx = await fixtures(srv.url);
  const kiosk = (await fx.device('kiosk')).token;
  const area = (await fx.areas())[0];
  const acknowledged: string[] = [];
  const issue = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const r = await fx.call('POST', '/api/tickets', { areaId: area.id }, kiosk);
      expect(r.status).toBe(201);
      acknowledged.push(r.body.id);
    }
  };
  await issue(n);
  const backup = await fx.call('POST', '/api/backups', undefined, fx.admin);
  expect(backup.status).toBe(201);
  return { srv, fx, issue, acknowledged, backupFile: join(srv.dataDir, 'backups', backup.body.file as string) };
}

const keptCopies = (dataDir: string) =>
  readdirSync(dataDir).filter((f) => /^queue\.sqlite\.before-restore-\d+$/.test(f));

describe('restore', () => {
  it('is refused while a server uses the data folder: exit 3, a Vietnamese message, nothing changed, the server keeps serving', async () => {
    const { srv, issue, acknowledged, backupFile } = await serverWithTickets(3);
    await issue(2);
    const r = restore(srv.dataDir, backupFile);
    expect(r.status, r.stdout + r.stderr).toBe(3);
    expect(r.stderr).toMatch(/Không khôi phục: cơ sở dữ liệu đang được sử dụng/);
    expect(r.stderr).toMatch(/dừng máy chủ/);
    await expect(restoreBackup(backupFile, join(srv.dataDir, 'queue.sqlite'), Date.now())).rejects.toThrow(
      RestoreRefusedError,
    );
    expect(keptCopies(srv.dataDir)).toEqual([]);
    await issue(1);
    const fx = await fixtures(srv.url);
    for (const id of acknowledged) expect((await fx.call('GET', `/api/tickets/${id}`)).status, id).toBe(200);
  }, 60_000);

  it('after kill -9, keeps the replaced database whole: every acknowledged ticket is in the kept copy', async () => {
    const { srv, issue, acknowledged, backupFile } = await serverWithTickets(10);
    await issue(62); // 72 acknowledged, the last ones only in the WAL when the server dies
    await srv.kill9();
    const r = restore(srv.dataDir, backupFile);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Đã khôi phục/);
    const [kept] = keptCopies(srv.dataDir);
    expect(r.stdout).toContain(kept);
    const db = new Database(join(srv.dataDir, kept!), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = new Set(db.prepare('SELECT id FROM tickets').pluck().all() as string[]);
    db.close();
    expect(acknowledged).toHaveLength(72);
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);

    // The restored database is the backup's: the server starts on it with the first 10 tickets.
    await srv.restart();
    const fx = await fixtures(srv.url);
    expect((await fx.call('GET', `/api/tickets/${acknowledged[9]}`)).status).toBe(200);
    expect((await fx.call('GET', `/api/tickets/${acknowledged[10]}`)).status).toBe(404);
  }, 90_000);
});
