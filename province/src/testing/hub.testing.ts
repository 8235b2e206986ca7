import pg from 'pg';
import { ManualClock } from '../../../server/src/core/clock.ts';
import { createLogger, type LogEntry } from '../../../server/src/logging/logger.ts';
import { startHub, type Hub } from '../hub.server.ts';
import type { PgCluster } from './pg.cluster.testing.ts';

export const HUB_ADMIN_PASSWORD = 'hub-admin-pass';
export type Backend = 'pglite' | 'pg';

let dbCounter = 0;
/** A fresh, empty database on the cluster for one hub: tests never see each other's rows. */
export async function freshDatabase(cluster: PgCluster): Promise<string> {
  const name = `hub_${process.pid}_${++dbCounter}`;
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return cluster.url.replace(/\/[^/]*$/, `/${name}`);
}

export interface TestHub {
  hub: Hub;
  clock: ManualClock;
  logs: LogEntry[];
  url: string;
  call(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    raw?: string,
  ): Promise<{ status: number; json: any; text: string; headers: Headers }>;
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

/** A hub on a real socket, over PGlite in memory or a fresh database of a real PostgreSQL cluster. */
export async function startTestHub(
  backend: Backend,
  cluster: PgCluster | null,
  opts: { clock?: ManualClock; databaseUrl?: string } = {},
): Promise<TestHub> {
  const clock = opts.clock ?? new ManualClock(Date.parse('2026-11-26T08:00:00+07:00'));
  const logs: LogEntry[] = [];
  const log = createLogger({ level: 'debug', now: () => clock.now(), sink: (e) => logs.push(e) });
  const databaseUrl = backend === 'pg' ? (opts.databaseUrl ?? (await freshDatabase(cluster!))) : null;
  const hub = await startHub({
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    adminPassword: HUB_ADMIN_PASSWORD,
    clock,
    log,
  });
  let admin: string | null = null;
  async function call(method: string, path: string, body?: unknown, token?: string, raw?: string) {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(hub.url + path, {
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
    return { status: res.status, json, text, headers: res.headers };
  }
  return {
    hub,
    clock,
    logs,
    url: hub.url,
    call,
    async adminToken() {
      if (admin) return admin;
      const r = await call('POST', '/api/auth/login', { username: 'admin', password: HUB_ADMIN_PASSWORD });
      if (r.status !== 200) throw new Error(`login ${r.status} ${r.text}`);
      admin = r.json.token as string;
      return admin;
    },
    close: () => hub.close(),
  };
}
