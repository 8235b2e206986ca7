import { createAdaptorServer } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ServerConfig } from './config.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { createFirstAdmin } from './core/accounts/accounts.usecases.ts';
import { LoginLimiter } from './core/accounts/login.limiter.ts';
import { randomPassword } from './core/accounts/password.ts';
import { seedCenter, seedProcedures } from './core/catalog/seed.ts';
import { MonotonicGuardClock, systemClock, type Clock } from './core/clock.ts';
import { createUnitOfWork, type Deps, type Notifier } from './core/ports.ts';
import { createGroupedUnitOfWork, type GroupedUnitOfWork } from './core/unit-of-work.group.ts';
import { createSettingsService } from './core/settings/settings.service.ts';
import { createTicketView } from './core/tickets/ticket.view.ts';
import { createBackups } from './storage/backup.ts';
import { createStorageHealth } from './storage/storage.health.ts';
import { createApp } from './http/app.ts';
import { createCitizenServices } from './http/citizen.services.ts';
import { readTlsFiles } from './http/tls.options.ts';
import type { Services } from './http/http.types.ts';
import {
  createPrintService,
  type PrintDriver,
  type PrinterExtras,
  type PrintService,
} from './printing/print.service.ts';
import { defaultPrintDriver, defaultPrinterExtras } from './printing/printer.loader.ts';
import { createRealtime, type Realtime } from './realtime/realtime.server.ts';
import { createReportRunner } from './reporting/report.runner.ts';
import { createProvinceLink, type ProvinceLinkDeps } from './province/province.link.ts';
import { createClockRepository } from './storage/clock.repository.ts';
import { openDatabase } from './storage/db.ts';
import { createStore } from './storage/store.ts';
import { createWalSync } from './storage/wal.sync.ts';
import { startServerJobs } from './server.jobs.ts';

export interface ServerOptions {
  clock?: Clock;
  printDriver?: PrintDriver;
  /** Default: a JSON-lines logger on stderr at LOG_LEVEL (main.ts makes the same from config). */
  log?: Logger;
  /** How often the day-close check runs (ms). */
  tickMs?: number;
  printerExtras?: PrinterExtras;
  /** The province sender's fetch and timers (tests). */
  province?: ProvinceLinkDeps['sender'];
}

const DEMO_SEED = new URL('./seed/demo-center.json', import.meta.url);
/** The demo center's procedures (sources and caveats: seed/demo-procedures.md). */
const DEMO_PROCEDURES = new URL('./seed/demo-procedures.json', import.meta.url);

/** Wires config → database → migrations → services → HTTP + socket.io on one port. */
export async function createServer(config: ServerConfig, opts: ServerOptions = {}) {
  const log = opts.log ?? createLogger({ level: config.logLevel, now: systemClock.now });
  // Before the database is touched: a wrong certificate path stops the start-up with a ConfigError, nothing half-open.
  const tls = config.tls ? readTlsFiles(config.tls) : null;
  const scheme = tls ? 'https' : 'http';
  const dbFile = join(config.dataDir, 'queue.sqlite');
  const db = openDatabase(dbFile);
  const store = createStore(db);
  // "Now" and the business day never run backwards, across restarts too; clock steps are kept for the
  // control room (issue #11, defect 12; core/clock.ts).
  const clockMemory = createClockRepository(db);
  const clock = new MonotonicGuardClock(opts.clock ?? systemClock, clockMemory.load());
  const settings = createSettingsService(store, clock);
  const deps: Deps = { store, clock, settings };

  const firstStart = store.accounts.users().length === 0;
  let adminPassword: string | null = null;
  if (firstStart) {
    if (config.seed === 'demo' && store.catalog.areas().length === 0) {
      seedCenter(store, clock, JSON.parse(readFileSync(DEMO_SEED, 'utf8')));
      seedProcedures(store, clock, JSON.parse(readFileSync(DEMO_PROCEDURES, 'utf8')));
    }
    adminPassword = config.adminPassword ?? randomPassword();
    await createFirstAdmin(deps, adminPassword);
  }

  let realtime: Realtime | null = null;
  // The events' payloads are read from the committed state in one read transaction (store.read).
  const notifier: Notifier = { publish: (events) => store.read(() => realtime?.notifier.publish(events)) };
  // A write through `run` that publishes while a group commit waits for its sync first settles that batch, so no
  // display hears of a call before the issue that came before it (core/unit-of-work.group.ts).
  let grouped: GroupedUnitOfWork | null = null;
  const run = createUnitOfWork(deps, {
    publish: (events) => {
      grouped?.settleCommitted();
      notifier.publish(events);
    },
  });
  // Tickets issued in one event-loop turn share one COMMIT, each answered only after the WAL's sync, which runs off
  // the main thread (storage/wal.sync.ts).
  const walSync = createWalSync(db);
  const runGrouped = (grouped = createGroupedUnitOfWork(deps, notifier, run, (cb) => setImmediate(cb), {
    durable: walSync,
  }));
  const publicUrl = () =>
    config.publicUrl ?? (settings.get().publicUrl.replace(/\/+$/, '') || `${scheme}://${lanAddress()}:${boundPort}`);
  const view = createTicketView(deps, { publicUrl });
  const driver = opts.printDriver ?? defaultPrintDriver;
  let printing: PrintService | null = null;
  printing = createPrintService(deps, view, driver, {
    agents: () => realtime!.agents,
    extras: opts.printerExtras ?? defaultPrinterExtras,
  });
  // Health answers 503 while the database cannot be written; every storage fault a request meets is told to it.
  // The health logs a fault with its error and the recovery without one: error and info.
  const storage = createStorageHealth(db, {
    dataDir: config.dataDir,
    now: () => clock.now(),
    log: (msg, err) => (err === undefined ? log.info(msg) : log.error(msg, err)),
  });
  const backups = createBackups(db, join(config.dataDir, 'backups'));
  // The province feed runs on its own timer, off every request's path (server/src/province/).
  const province = createProvinceLink({
    db,
    store,
    clock,
    run,
    env: config.province,
    timeZone: () => settings.get().timeZone,
    log,
    ...(opts.province ? { sender: opts.province } : {}),
  });
  const services: Services = {
    deps,
    run,
    runGrouped,
    view,
    limiter: new LoginLimiter(clock),
    settings,
    printing,
    config,
    reports: createReportRunner(deps, dbFile),
    storage,
    backups,
    province,
    citizens: createCitizenServices(deps, view, config.dataDir),
    disconnect: (kind, id) => realtime?.disconnect(kind, id),
  };
  const app = createApp(services, log.error);
  // With TLS_CERT/TLS_KEY the same single port speaks HTTPS; socket.io rides on it as wss.
  const http = (
    tls
      ? createAdaptorServer({
          fetch: app.fetch,
          createServer: createHttpsServer,
          serverOptions: { key: tls.key, cert: tls.cert },
        })
      : createAdaptorServer({ fetch: app.fetch })
  ) as HttpServer;
  realtime = createRealtime(http, deps, view, () => printing!, {
    log,
    noteFault: (f, e) => storage.noteFault(f, e),
    limits: config.socketLimits,
    publicUrl: config.publicUrl,
    https: config.tls !== null,
  });
  let boundPort = config.port;
  const jobs = startServerJobs({
    config,
    db,
    deps,
    clock,
    run,
    settings,
    clockMemory,
    printing,
    realtime,
    storage,
    backups,
    log,
    ...(opts.tickMs !== undefined ? { tickMs: opts.tickMs } : {}),
  });
  province.start();

  const sockets = new Set<import('node:net').Socket>();
  http.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  return {
    services,
    app,
    db,
    http,
    io: realtime.io,
    adminPassword,
    firstStart,
    scheme,
    /** The certificate served, when HTTPS: which names it covers and until when. */
    tls: tls ? { names: tls.names, validTo: tls.validTo } : null,
    get port() {
      return boundPort;
    },
    publicUrl,
    tick: jobs.tick,
    listen(): Promise<number> {
      return new Promise((resolvePort, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          const addr = http.address();
          boundPort = typeof addr === 'object' && addr ? addr.port : config.port;
          resolvePort(boundPort);
        });
      });
    },
    /** Stop accepting, let in-flight requests finish, then close sockets and the database. */
    async close(): Promise<void> {
      jobs.stop();
      await province.stop();
      await services.reports.close();
      const closed = new Promise<void>((r) => http.close(() => r()));
      // io.close() drops the transports without a "server disconnect" packet, so clients see a transport
      // close and reconnect by themselves to the next server (it also closes the HTTP server; the second close is harmless).
      realtime!.io.close();
      http.closeIdleConnections?.();
      const force = setTimeout(() => {
        for (const s of sockets) s.destroy();
      }, 3000);
      force.unref();
      await closed;
      clearTimeout(force);
      if (db.open) {
        try {
          clockMemory.save(clock.state());
        } catch {
          /* the journal still holds the latest moments */
        }
        db.close();
      }
      walSync?.close();
    },
  };
}

export type QueueServer = Awaited<ReturnType<typeof createServer>>;

/** The machine's LAN address, for the QR code on tickets when no public URL is set. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}
