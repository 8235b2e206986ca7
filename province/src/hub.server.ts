import { createAdaptorServer } from '@hono/node-server';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LoginLimiter } from '../../server/src/core/accounts/login.limiter.ts';
import { systemClock, type Clock } from '../../server/src/core/clock.ts';
import { createLogger, type Logger } from '../../server/src/logging/logger.ts';
import { ensureFirstAdmin } from './accounts/hub.accounts.ts';
import { createHubApp } from './http/hub.app.ts';
import type { HubServices } from './http/hub.http.ts';
import type { HubDb } from './storage/hub.db.ts';
import { rebuildReportDays } from './reports/report-days.rebuild.ts';
import { rollUpMonths } from './reports/report-months.rollup.ts';
import { migrate } from './storage/migrations.ts';
import { createPgDb } from './storage/pg.db.ts';
import { createPgliteDb } from './storage/pglite.db.ts';

export interface HubOptions {
  port: number;
  host?: string;
  /** A real PostgreSQL server (`postgres://…`); without it PGlite in `dataDir` (in memory when neither is given). */
  databaseUrl?: string | null;
  dataDir?: string | null;
  /** User `admin`'s password on a new database; without it a random one is printed once. */
  adminPassword?: string | null;
  clock?: Clock;
  log?: Logger;
  timeZone?: string;
  publicUrl?: string | null;
  /** The built screens (default: <repository>/dist/province/web). */
  webDir?: string;
  /** Where the generated first password goes (default: the console). */
  print?: (line: string) => void;
}

export interface Hub {
  port: number;
  url: string;
  db: HubDb;
  close(): Promise<void>;
}

const RETRY_MS = 1_000;
/** How often the upkeep rolls up past months (a month closes once a day; a correction voids one now and then). */
const ROLLUP_MS = 15 * 60_000;

function repoRoot(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(resolve(d, 'package.json'))) return d;
    d = resolve(d, '..');
  }
  return process.cwd();
}

/**
 * The province hub: database, migrations, first admin, HTTP. PostgreSQL may be down when the hub starts or at
 * any time after: the hub listens anyway, answers 503 (health says why) and keeps trying on its own.
 */
export async function startHub(opts: HubOptions): Promise<Hub> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger({ level: 'info', now: () => Date.now() });
  const db = opts.databaseUrl
    ? createPgDb(opts.databaseUrl, (msg, err) => log.warn(msg, err))
    : await createPgliteDb(opts.dataDir ?? null);
  let ready = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let rebuilding: Promise<void> = Promise.resolve();
  // Centers whose report aggregates are missing or old (a migration) are rebuilt from their tickets, one at a
  // time and after the hub answers; their reports are read from the tickets until then, never wrong.
  const rebuild = async () => {
    try {
      const n = await rebuildReportDays(db, { stopped: () => closed });
      if (n) log.info(`Đã dựng lại số liệu báo cáo của ${n} trung tâm (report aggregates rebuilt for ${n} centers)`);
    } catch (e) {
      if (!closed) log.warn('Chưa dựng lại được số liệu báo cáo; báo cáo đọc từ vé (report aggregates not rebuilt)', e);
    }
    await rollUp();
  };
  // Past months summed into monthly roll-ups (migration 0003), off the feed's path; reports read the days meanwhile.
  const rollUp = async () => {
    try {
      if (!closed) await rollUpMonths(db, { now: clock.now(), stopped: () => closed });
    } catch (e) {
      if (!closed) log.warn('Chưa cộng được số liệu theo tháng; báo cáo đọc theo ngày (monthly roll-ups not made)', e);
    }
  };
  const upkeep = setInterval(() => {
    if (ready) rebuilding = rebuilding.then(rollUp);
  }, ROLLUP_MS).unref();
  const prepare = async () => {
    try {
      await migrate(db);
      const admin = await ensureFirstAdmin({ db, clock }, opts.adminPassword ?? null);
      if (admin.generated)
        (opts.print ?? console.log)(
          `Mật khẩu ban đầu của tài khoản admin (first admin password, shown once): ${admin.generated}`,
        );
      ready = true;
      rebuilding = rebuild();
    } catch (e) {
      if (closed) return;
      log.warn('Chưa chuẩn bị được cơ sở dữ liệu tỉnh, sẽ thử lại (database not ready, retrying)', e);
      timer = setTimeout(() => void prepare(), RETRY_MS);
    }
  };
  await prepare();

  const services: HubServices = {
    db,
    clock,
    log,
    limiter: new LoginLimiter(clock),
    timeZone: opts.timeZone ?? 'Asia/Ho_Chi_Minh',
    publicUrl: opts.publicUrl ?? null,
    ready: () => ready,
  };
  const app = createHubApp(services, opts.webDir ?? join(repoRoot(), 'dist/province/web'));
  const http = createAdaptorServer({ fetch: app.fetch });
  // A client that drops mid-request must not surface as an error event nobody handles.
  http.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host ?? '0.0.0.0', () => resolveListen());
  });
  const port = (http.address() as AddressInfo).port;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  return {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    db,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      clearInterval(upkeep);
      const done = new Promise<void>((r) => http.close(() => r()));
      (http as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      await done;
      await rebuilding;
      await db.close();
    },
  };
}
