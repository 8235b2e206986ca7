import { createAdaptorServer } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ServerConfig } from './config.ts';
import { createUser } from './core/accounts/accounts.usecases.ts';
import { LoginLimiter } from './core/accounts/login.limiter.ts';
import { randomPassword } from './core/accounts/password.ts';
import { seedCenter } from './core/catalog/seed.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { createUnitOfWork, type Deps, type Notifier } from './core/ports.ts';
import { createSettingsService } from './core/settings/settings.service.ts';
import { createTicketView } from './core/tickets/ticket.view.ts';
import { expireStaleTickets } from './core/tickets/tickets.usecases.ts';
import { businessDay, localParts } from './core/time/zoned-time.ts';
import { backupDatabase, listBackups } from './storage/backup.ts';
import { createApp } from './http/app.ts';
import type { Services } from './http/http.types.ts';
import { createPrintService, type PrintDriver, type PrinterExtras, type PrintService } from './printing/print.service.ts';
import { createRealtime, type Realtime } from './realtime/realtime.server.ts';
import { createReportRunner } from './reporting/report.runner.ts';
import { openDatabase } from './storage/db.ts';
import { createStore } from './storage/store.ts';

export interface ServerOptions {
  clock?: Clock;
  printDriver?: PrintDriver;
  log?: (msg: string, err?: unknown) => void;
  /** How often the day-close check runs (ms). */
  tickMs?: number;
  printerExtras?: PrinterExtras;
}

const DEMO_SEED = new URL('./seed/demo-center.json', import.meta.url);

/** Wires config → database → migrations → services → HTTP + socket.io on one port. */
export async function createServer(config: ServerConfig, opts: ServerOptions = {}) {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ''));
  const dbFile = join(config.dataDir, 'queue.sqlite');
  const db = openDatabase(dbFile);
  const store = createStore(db);
  const settings = createSettingsService(store, clock);
  const deps: Deps = { store, clock, settings };

  const firstStart = store.accounts.users().length === 0;
  let adminPassword: string | null = null;
  if (firstStart) {
    if (config.seed === 'demo' && store.catalog.areas().length === 0) seedCenter(store, clock, JSON.parse(readFileSync(DEMO_SEED, 'utf8')));
    adminPassword = config.adminPassword ?? randomPassword();
    await createUser(deps, { username: 'admin', password: adminPassword, displayName: 'Quản trị viên', role: 'admin' }, { kind: 'system', id: 'system' });
  }

  let realtime: Realtime | null = null;
  const notifier: Notifier = { publish: (events) => realtime?.notifier.publish(events) };
  const run = createUnitOfWork(deps, notifier);
  const publicUrl = () => config.publicUrl ?? (settings.get().publicUrl.replace(/\/+$/, '') || `http://${lanAddress()}:${boundPort}`);
  const view = createTicketView(deps, { publicUrl });
  const driver = opts.printDriver ?? defaultPrintDriver;
  let printing: PrintService | null = null;
  printing = createPrintService(deps, view, driver, { agents: () => realtime!.agents, extras: opts.printerExtras ?? defaultPrinterExtras });
  const services: Services = {
    deps, run, view, limiter: new LoginLimiter(clock), settings, printing, config, reports: createReportRunner(deps, dbFile),
    disconnect: (kind, id) => realtime?.disconnect(kind, id),
  };
  const app = createApp(services, log);
  const http = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  realtime = createRealtime(http, deps, view, () => printing!);
  let boundPort = config.port;

  // Day close: at start-up and whenever the business day turns, yesterday's waiting tickets expire.
  // Nightly backup: once per business day, from BACKUP_HOUR (local) on.
  let lastDay = '';
  const backupDir = join(config.dataDir, 'backups');
  let backedUpDay = businessDayOfLastBackup();
  const tick = () => {
    const tz = settings.get().timeZone;
    const day = businessDay(clock.now(), tz);
    if (day !== lastDay) {
      try { run((tx) => expireStaleTickets(tx)); store.accounts.purgeSessions(clock.now()); lastDay = day; } catch (e) { log('Đóng ngày thất bại, sẽ thử lại', e); }
    }
    if (backedUpDay !== day && localParts(clock.now(), tz).hour >= config.backupHour) {
      backedUpDay = day;
      backupDatabase(db, backupDir, clock.now()).catch((e) => { backedUpDay = ''; log('Sao lưu tự động thất bại', e); });
    }
  };
  function businessDayOfLastBackup(): string {
    const last = listBackups(backupDir)[0];
    return last ? businessDay(last.at, settings.get().timeZone) : '';
  }
  tick();
  const timer = setInterval(tick, opts.tickMs ?? 15_000);
  timer.unref();
  // Printer status every minute, so a printer out of paper shows before the next citizen finds out.
  const probeTimer = setInterval(() => { void printing!.probe().catch(() => undefined); }, 60_000);
  probeTimer.unref();

  const sockets = new Set<import('node:net').Socket>();
  http.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

  return {
    services, app, db, http, io: realtime.io, adminPassword, firstStart,
    get port() { return boundPort; },
    publicUrl,
    tick,
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
      clearInterval(timer);
      clearInterval(probeTimer);
      await services.reports.close();
      const closed = new Promise<void>((r) => http.close(() => r()));
      // io.close() drops the transports without a "server disconnect" packet, so clients see a transport
      // close and reconnect by themselves to the next server (it also closes the HTTP server; the second close is harmless).
      realtime!.io.close();
      http.closeIdleConnections?.();
      const force = setTimeout(() => { for (const s of sockets) s.destroy(); }, 3000);
      force.unref();
      await closed;
      clearTimeout(force);
      if (db.open) db.close();
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

const defaultPrinterExtras: PrinterExtras = {
  async status(address, timeoutMs) {
    const printer = await import('../../printer/src/index.ts');
    const st = await printer.createTransport(printer.parsePrinterAddress(address), { timeoutMs }).status();
    return { online: st.online, ...(st.paper ? { paper: st.paper } : {}), ...(st.error ? { error: st.error } : {}) };
  },
  async png(data, options) {
    const printer = await import('../../printer/src/index.ts');
    return printer.ticketToPng(data as unknown as import('../../printer/src/index.ts').TicketPrintData, options);
  },
};

/** printer/ is loaded on first use: a center without printers never pays for canvas and fonts. */
const defaultPrintDriver: PrintDriver = async (address, data, options) => {
  const printer = await import('../../printer/src/index.ts');
  await printer.printTicket(address, data as unknown as import('../../printer/src/index.ts').TicketPrintData, options);
};
