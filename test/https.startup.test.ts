import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasOpenssl, selfSignedCert } from '../server/src/testing/cert.testing.ts';
import { ADMIN_PASSWORD, MAIN, ROOT, freePort } from './support/server-process.ts';

/** `npm start` (the built server) with TLS_CERT/TLS_KEY: https URLs when right, one sentence and exit 1 when wrong. */
const OPENSSL = hasOpenssl();
if (!OPENSSL)
  console.warn('https.startup.test: bỏ qua — máy này không có openssl để tạo chứng chỉ thử / skipped: no openssl');

describe.skipIf(!OPENSSL)('starting the built server with a certificate', () => {
  let cert: ReturnType<typeof selfSignedCert>;
  let dataDir: string;
  beforeAll(() => {
    cert = selfSignedCert();
    dataDir = mkdtempSync(join(tmpdir(), 'hcc-tls-main-'));
  });
  afterAll(() => {
    rmSync(cert.dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  function start(env: Record<string, string>, port: number) {
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_PASSWORD,
        PUBLIC_URL: '',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    children.push(child);
    return { child, exited, output: () => output };
  }
  const children: ReturnType<typeof spawn>[] = [];
  // A server that starts when it should have refused must not outlive the test.
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  /** The exit code, or 'still running' (then stopped) when it has not exited within 15 s. */
  async function exitOf(p: ReturnType<typeof start>): Promise<number | null | 'still running'> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'still running'>((r) => {
      timer = setTimeout(() => r('still running'), 15_000);
    });
    const code = await Promise.race([p.exited, late]);
    clearTimeout(timer);
    if (code === 'still running') {
      p.child.kill('SIGKILL');
      await p.exited;
    }
    return code;
  }

  it(
    'a missing or mismatched file: a Vietnamese sentence, no stack trace, exit code 1',
    { timeout: 60_000 },
    async () => {
      const junk = join(cert.dir, 'junk.pem');
      writeFileSync(junk, 'junk');
      const cases: [Record<string, string>, RegExp][] = [
        [
          { TLS_CERT: join(cert.dir, 'missing.pem'), TLS_KEY: cert.keyFile },
          /Không đọc được TLS_CERT .*không có tệp này/,
        ],
        [{ TLS_CERT: cert.certFile, TLS_KEY: junk }, /TLS_KEY .* không phải khoá riêng PEM hợp lệ/],
        [{ TLS_CERT: cert.certFile }, /Cần đặt cả TLS_CERT và TLS_KEY/],
      ];
      for (const [env, message] of cases) {
        const p = start(env, await freePort());
        const code = await exitOf(p);
        expect(code, p.output()).toBe(1);
        expect(p.output(), JSON.stringify(env)).toMatch(message);
        expect(p.output()).toMatch(/^\s*Không khởi động được: /);
        expect(p.output()).not.toMatch(/\n\s+at /);
      }
    },
  );

  it('a good pair: the listed screens are https, and /api/health answers over TLS', async () => {
    const port = await freePort();
    const p = start({ TLS_CERT: cert.certFile, TLS_KEY: cert.keyFile }, port);
    try {
      const deadline = Date.now() + 20_000;
      while (!p.output().includes('Sẵn sàng')) {
        if (p.child.exitCode !== null) throw new Error(`server exited ${p.child.exitCode}:\n${p.output()}`);
        if (Date.now() > deadline) throw new Error(`server did not start:\n${p.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(p.output()).toContain(`https://localhost:${port}/kiosk`);
      expect(p.output()).toMatch(/HTTPS: chứng chỉ cho DNS:localhost/);
      expect(p.output()).not.toMatch(/http:\/\//);
      const status = await new Promise<number>((resolve, reject) => {
        request(`https://127.0.0.1:${port}/api/health`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(200);
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  });
});
