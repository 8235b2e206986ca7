import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordUnexpected } from '../../server/src/testing/unexpected.testing.ts';

/** The repository root: the nearest folder up with package.json (this file also runs compiled from dist/). */
export const ROOT = findRoot(import.meta.dirname);
function findRoot(dir: string): string {
  for (let d = dir, i = 0; i < 8; i++, d = resolve(d, '..')) if (existsSync(join(d, 'package.json'))) return d;
  return process.cwd();
}
// HCC_SERVER_MAIN: a server built elsewhere (a private outDir), so a test can run without swapping the shared dist/.
export const MAIN = process.env.HCC_SERVER_MAIN
  ? resolve(process.env.HCC_SERVER_MAIN)
  : join(ROOT, 'dist/server/server/src/main.js');
export const ADMIN_PASSWORD = 'admin-e2e-pass';

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const p = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(p));
    });
    s.on('error', rej);
  });
}

/**
 * The real server in its own process (the built dist/), on a free port and a temporary DATA_DIR.
 * restart() keeps DATA_DIR and port; kill9() is a crash.
 */
export async function startServerProcess(opts: { env?: Record<string, string>; dataDir?: string; port?: number } = {}) {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'hcc-e2e-'));
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  // Set while a test asks the server to stop (stop, kill9, restart, close) or while it starts (start() itself
  // reports a failed start): any other exit is a crash, and fails the test through the process guard.
  let exitExpected = true;

  async function start(): Promise<void> {
    output = '';
    exitExpected = true;
    const c = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      // All test clients share 127.0.0.1: the per-address limit of anonymous sockets would count them as one phone.
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_PASSWORD,
        PUBLIC_URL: url,
        SOCKET_ANON_PER_ADDRESS: '10000',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    c.stdout!.on('data', (d) => {
      output += d;
    });
    c.stderr!.on('data', (d) => {
      output += d;
      watch(String(d));
    });
    c.once('exit', (code, signal) => {
      if (!exitExpected && child === c)
        recordUnexpected({
          source: 'server process',
          message: `the server exited unasked (code ${code}, signal ${signal}):\n${output.slice(-4000)}`,
        });
    });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (!running()) throw new Error(`server exited ${c.exitCode}:\n${output}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) {
          exitExpected = false;
          return;
        }
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become healthy:\n${output}`);
  }

  /** An uncaught exception the server survived (a last-resort handler) or a bug it logged is still a failure. */
  function watch(chunk: string): void {
    const m = /uncaughtException|unhandledRejection|Lỗi không mong đợi[^\n]*/i.exec(chunk);
    if (m)
      recordUnexpected({
        source: 'server process output',
        message: chunk.slice(Math.max(0, m.index - 200), m.index + 2000),
      });
  }

  // A process killed by a signal has exitCode null and signalCode set: both mean it is gone.
  const running = () => child !== null && child.exitCode === null && child.signalCode === null;

  function waitExit(): Promise<number | null> {
    const c = child;
    if (!c || !running()) return Promise.resolve(c?.exitCode ?? null);
    return new Promise((r) => c.once('exit', (code) => r(code)));
  }

  await start();
  return {
    url,
    port,
    dataDir,
    output: () => output,
    /** The server's process id while it runs (the bench reads its CPU and memory from /proc). */
    pid: () => (running() ? child!.pid : undefined),
    async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
      exitExpected = true;
      child?.kill(signal);
      return waitExit();
    },
    async kill9(): Promise<void> {
      exitExpected = true;
      child?.kill('SIGKILL');
      await waitExit();
    },
    async restart(): Promise<void> {
      exitExpected = true;
      if (running()) {
        child!.kill('SIGTERM');
        await waitExit();
      }
      await start();
    },
    async close(): Promise<void> {
      exitExpected = true;
      if (running()) {
        child!.kill('SIGTERM');
        await waitExit();
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ServerProcess = Awaited<ReturnType<typeof startServerProcess>>;

/** Small HTTP helper against a running server. */
export function http(url: string) {
  return async function call(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = text;
    try {
      json = JSON.parse(text);
    } catch {
      /* keep text */
    }
    return { status: res.status, body: json };
  };
}

/** Logs in as admin and creates what a test needs: clerks and devices. */
export async function fixtures(url: string) {
  const call = http(url);
  const admin = (await call('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).body
    .token as string;
  return {
    call,
    admin,
    async clerk(username: string, role = 'clerk') {
      await call(
        'POST',
        '/api/users',
        { username, password: 'password-123', displayName: `Cán bộ ${username}`, role },
        admin,
      );
      return (await call('POST', '/api/auth/login', { username, password: 'password-123' })).body.token as string;
    },
    async device(kind: string, extra: Record<string, unknown> = {}) {
      const r = await call('POST', '/api/devices', { kind, name: `${kind} e2e`, ...extra }, admin);
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      return r.body as { id: string; token: string; pairingCode: string };
    },
    async areas() {
      return (await call('GET', '/api/areas', undefined, admin)).body as any[];
    },
    async counters() {
      return (await call('GET', '/api/counters', undefined, admin)).body as any[];
    },
  };
}
