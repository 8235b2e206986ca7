import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { ManualClock, type Clock } from '../core/clock.ts';
import { createLogger, type LogEntry } from '../logging/logger.ts';
import type { PrintDriver, PrinterExtras } from '../printing/print.service.ts';
import { createServer, type QueueServer, type ServerOptions } from '../server.ts';
import { isUnexpectedLog, recordUnexpected } from './unexpected.testing.ts';

export const ADMIN_PASSWORD = 'admin-test-pass';

export interface TestServerOptions {
  clock?: Clock;
  dataDir?: string;
  seed?: 'demo' | 'none';
  printDriver?: PrintDriver;
  printerExtras?: PrinterExtras;
  listen?: boolean;
  env?: Record<string, string>;
  /** The province sender's fetch and timers (server/src/province/). */
  province?: ServerOptions['province'];
}

/** A real server on a temporary DATA_DIR with the real migrations; in-process requests via app.request. */
export async function startTestServer(opts: TestServerOptions = {}) {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'hcc-test-'));
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD,
      SEED: opts.seed ?? 'demo',
      PUBLIC_URL: 'http://hcc.test',
      ...opts.env,
    },
    process.cwd(),
  );
  const clock = opts.clock ?? new ManualClock(Date.parse('2026-11-26T08:00:00+07:00'));
  // Everything the server logs is kept (t.logs); what it logs as unexpected (a 500, a socket handler's bug)
  // fails the current test through the process guard, as an uncaught exception would.
  // Every level is kept, whatever LOG_LEVEL says: nothing is printed, and the guard must see every bug.
  const logs: LogEntry[] = [];
  const log = createLogger({
    level: 'debug',
    now: () => clock.now(),
    sink: (entry) => {
      logs.push(entry);
      const { msg, err } = entry;
      if (isUnexpectedLog(msg))
        recordUnexpected({
          source: 'test server log',
          message: `${msg}: ${err instanceof Error ? err.message : String(err ?? '')}`,
          error: err,
        });
    },
  });
  const server: QueueServer = await createServer(config, {
    clock,
    log,
    ...(opts.printDriver ? { printDriver: opts.printDriver } : {}),
    ...(opts.printerExtras ? { printerExtras: opts.printerExtras } : {}),
    ...(opts.province ? { province: opts.province } : {}),
  });
  const port = opts.listen ? await server.listen() : 0;
  const url = `http://127.0.0.1:${port}`;

  async function call(method: string, path: string, body?: unknown, token?: string, raw?: string) {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
    const res = await server.app.request(path, {
      method,
      headers,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  }

  const login = async (username: string, password: string) =>
    (await call('POST', '/api/auth/login', { username, password })).body.token as string;
  const adminToken = await login('admin', ADMIN_PASSWORD);

  async function createClerk(username: string, role: 'clerk' | 'supervisor' | 'admin' = 'clerk') {
    const r = await call(
      'POST',
      '/api/users',
      { username, password: 'password-123', displayName: `Cán bộ ${username}`, role },
      adminToken,
    );
    if (r.status !== 201) throw new Error(`createClerk: ${r.status} ${JSON.stringify(r.body)}`);
    return { id: r.body.id as string, token: await login(username, 'password-123') };
  }
  async function createDevice(kind: string, extra: Record<string, unknown> = {}) {
    const r = await call('POST', '/api/devices', { kind, name: `${kind} test`, ...extra }, adminToken);
    if (r.status !== 201) throw new Error(`createDevice: ${r.status} ${JSON.stringify(r.body)}`);
    return { id: r.body.id as string, token: r.body.token as string };
  }
  const areas = async () => (await call('GET', '/api/areas', undefined, adminToken)).body as any[];
  const counters = async () => (await call('GET', '/api/counters', undefined, adminToken)).body as any[];

  return {
    server,
    url,
    dataDir,
    clock,
    logs,
    call,
    login,
    adminToken,
    createClerk,
    createDevice,
    areas,
    counters,
    async close(removeData = !opts.dataDir) {
      await server.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
