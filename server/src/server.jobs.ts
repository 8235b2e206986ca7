import { join } from 'node:path';
import type { ServerConfig } from './config.ts';
import type { Logger } from './logging/logger.ts';
import type { MonotonicGuardClock } from './core/clock.ts';
import { sweepBookings } from './core/bookings/bookings.usecases.ts';
import type { Deps, UnitOfWork } from './core/ports.ts';
import type { SettingsService } from './core/settings/settings.service.ts';
import { expireStaleTickets } from './core/tickets/tickets.usecases.ts';
import { businessDay, localParts } from './core/time/zoned-time.ts';
import type { PrintService } from './printing/print.service.ts';
import type { Realtime } from './realtime/realtime.server.ts';
import { startReportUpkeep } from './reporting/report.upkeep.ts';
import { listBackups, type Backups } from './storage/backup.ts';
import type { ClockRepository } from './storage/clock.repository.ts';
import type { Db } from './storage/db.ts';
import { storageFault } from './storage/storage.fault.ts';
import type { StorageHealth } from './storage/storage.health.ts';

export interface ServerJobsDeps {
  config: ServerConfig;
  db: Db;
  deps: Deps;
  /** The guarded clock: its state is saved every tick. */
  clock: MonotonicGuardClock;
  run: UnitOfWork;
  settings: SettingsService;
  clockMemory: ClockRepository;
  printing: PrintService;
  realtime: Realtime;
  storage: StorageHealth;
  backups: Backups;
  log: Logger;
  /** How often the day-close check runs (ms). */
  tickMs?: number;
}

/**
 * The server's periodic jobs (createServer starts them once the realtime side exists): the tick (sockets
 * revalidated, clock saved, print jobs and bookings swept, day close, nightly backup), the report upkeep and the
 * printer probe. `tick` runs once now; `stop` clears the timers.
 */
export function startServerJobs(j: ServerJobsDeps): { tick: () => void; stop: () => void } {
  const { config, db, deps, clock, run, settings, clockMemory, printing, realtime, storage, backups, log, tickMs } = j;
  // Day close: at start-up and whenever the business day turns, yesterday's waiting tickets expire.
  // Nightly backup: once per business day, from BACKUP_HOUR (local) on.
  let lastDay = '';
  const backupDir = join(config.dataDir, 'backups');
  const { store } = deps;
  let backedUpDay = businessDayOfLastBackup();
  let backupRetryAt = 0;
  // A background job never stops the process: it logs and tries again at the next tick (a storage fault is
  // logged once while it lasts, by the health, not every 15 s).
  const jobFailed = (what: string, e: unknown) => {
    const f = storageFault(e);
    if (f) storage.noteFault(f, e);
    else log.error(what, e);
  };
  const tickOnce = () => {
    // Sockets whose session expired (or whose device moved) lose their rooms within one tick.
    realtime.revalidate();
    const tz = settings.get().timeZone;
    const day = businessDay(clock.now(), tz);
    try {
      clockMemory.save(clock.state());
    } catch (e) {
      jobFailed('Không lưu được mốc giờ máy chủ, sẽ thử lại', e);
    }
    // Print jobs whose ticket was served, of an earlier day or too old are never sent (issue #11, defect 15).
    try {
      printing.expireStale();
    } catch (e) {
      jobFailed('Không dọn được lệnh in cũ, sẽ thử lại', e);
    }
    // Bookings past their late window become missed; ID hashes no booking or today's limits need are forgotten.
    try {
      run((tx) => sweepBookings(tx));
    } catch (e) {
      jobFailed('Không cập nhật được lịch hẹn quá giờ, sẽ thử lại', e);
    }
    if (day !== lastDay) {
      try {
        run((tx) => expireStaleTickets(tx));
        store.accounts.purgeSessions(clock.now());
        lastDay = day;
      } catch (e) {
        jobFailed('Đóng ngày thất bại, sẽ thử lại', e);
      }
    }
    if (backedUpDay !== day && clock.now() >= backupRetryAt && localParts(clock.now(), tz).hour >= config.backupHour) {
      // One backup at a time: while an admin's backup is being made, the nightly one waits for the next tick.
      const job = backups.start(clock.now());
      if (job) {
        backedUpDay = day;
        job.then(
          (b) => log.info('Đã sao lưu tự động (nightly backup done)', { day, file: b.file }),
          (e) => {
            backedUpDay = '';
            backupRetryAt = clock.now() + 10 * 60_000;
            jobFailed('Sao lưu tự động thất bại, sẽ thử lại sau 10 phút', e);
          },
        );
      }
    }
  };
  // Report aggregates of stale or missing days are rebuilt in the background (start-up, then every tick).
  const reportUpkeep = startReportUpkeep(db, (e) => jobFailed('Dựng lại số liệu báo cáo thất bại, sẽ thử lại', e));
  const tick = () => {
    reportUpkeep.check();
    try {
      tickOnce();
    } catch (e) {
      jobFailed('Việc định kỳ (đóng ngày, sao lưu) thất bại, sẽ thử lại', e);
    }
  };
  function businessDayOfLastBackup(): string {
    const last = listBackups(backupDir)[0];
    return last ? businessDay(last.at, settings.get().timeZone) : '';
  }
  tick();
  const timer = setInterval(tick, tickMs ?? 15_000);
  timer.unref();
  // Printer status every minute, so a printer out of paper shows before the next citizen finds out.
  const probeTimer = setInterval(() => {
    void printing.probe().catch(() => undefined);
  }, 60_000);
  probeTimer.unref();

  return {
    tick,
    stop() {
      clearInterval(timer);
      clearInterval(probeTimer);
      reportUpkeep.stop();
    },
  };
}
