import type { Actor } from '../core/entities.ts';
import type { Deps, UnitOfWork } from '../core/ports.ts';
import type { GroupedUnitOfWork } from '../core/unit-of-work.group.ts';
import type { LoginLimiter } from '../core/accounts/login.limiter.ts';
import type { SettingsService } from '../core/settings/settings.service.ts';
import type { TicketView } from '../core/tickets/ticket.view.ts';
import type { PrintService } from '../printing/print.service.ts';
import type { ServerConfig } from '../config.ts';
import type { ReportRunner } from '../reporting/report.runner.ts';
import type { Backups } from '../storage/backup.ts';
import type { StorageHealth } from '../storage/storage.health.ts';
import type { CitizenServices } from './citizen.services.ts';
import type { ProvinceLink } from '../province/province.link.ts';

/** What the routes are given: built once in server.ts, never imported as globals. */
export interface Services {
  deps: Deps;
  run: UnitOfWork;
  /** Group commit for the hot path (POST /api/tickets): calls of one event-loop turn share one COMMIT. */
  runGrouped: GroupedUnitOfWork;
  view: TicketView;
  limiter: LoginLimiter;
  settings: SettingsService;
  printing: PrintService;
  /** Long reports run off the main thread. */
  reports: ReportRunner;
  config: ServerConfig;
  /** Whether the database can be written now (health), told about every storage fault a request meets. */
  storage: StorageHealth;
  /** The server's backups, one at a time (manual and nightly). */
  backups: Backups;
  /** The feed to the province hub (issue 14) and its state for the admin. */
  province: ProvinceLink;
  /** Citizens by ID card (issue 13): the keyed hash, the bookings' view, the per-address and PIN limits. */
  citizens: CitizenServices;
  /** Drops a revoked device's or a deactivated user's open sockets at once. */
  disconnect(kind: 'device' | 'user', id: string): void;
}

export interface AppEnv {
  Variables: { actor: Actor | null; token: string | null };
}
