import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, ROOT } from './support/server-process.ts';

/**
 * `npm run province` as a person runs it (the built dist/; HCC_PROVINCE_MAIN: a private build): no database
 * server, no password given → the embedded PostgreSQL in PROVINCE_DATA_DIR and a first password printed once;
 * SIGTERM stops it with exit code 0; started again on the same folder, everything is still there.
 */
const HUB_MAIN = process.env.HCC_PROVINCE_MAIN
  ? resolve(process.env.HCC_PROVINCE_MAIN)
  : join(ROOT, 'dist/server/province/src/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'hcc-province-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(port: number) {
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [HUB_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PROVINCE_PORT: String(port),
      HOST: '127.0.0.1',
      PROVINCE_DATA_DIR: dataDir,
      PROVINCE_DATABASE_URL: '',
      PROVINCE_ADMIN_PASSWORD: '',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, exited, output: () => out };
}

describe('npm run province on the embedded default', () => {
  it('prints a first password once, stops cleanly on SIGTERM and keeps its data across a restart', async () => {
    const port = await freePort();
    const first = await run(port);
    const password = /shown once\): (\S+)/.exec(first.output())?.[1];
    expect(password, first.output()).toBeTruthy();
    const login = async () =>
      (
        await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password }),
        })
      ).json() as Promise<{ token: string }>;
    const { token } = await login();
    const made = await fetch(`http://127.0.0.1:${port}/api/province/centers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ code: 'GIU-LAI', name: 'Xã Giữ Lại' }),
    });
    expect(made.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await run(port);
    try {
      expect(second.output()).not.toContain('shown once');
      const again = await login();
      const list = await fetch(`http://127.0.0.1:${port}/api/province/centers`, {
        headers: { authorization: `Bearer ${again.token}` },
      });
      expect(((await list.json()) as { code: string }[]).map((c) => c.code)).toEqual(['GIU-LAI']);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 120_000);
});
