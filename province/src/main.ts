import { systemClock } from '../../server/src/core/clock.ts';
import { createLogger, parseLogLevel } from '../../server/src/logging/logger.ts';
import { loadHubConfig } from './hub.config.ts';
import { startHub } from './hub.server.ts';

/** Entry point: `npm run province`. Prints where the screens are; SIGTERM/SIGINT stop it cleanly. */
let config;
try {
  config = loadHubConfig(process.env, process.cwd());
} catch (e) {
  console.error(`\nKhông khởi động được máy chủ tỉnh: ${(e as Error).message}\n`);
  process.exit(1);
}
const log = createLogger({ level: parseLogLevel(process.env.LOG_LEVEL), now: systemClock.now });
// Nothing may take the process down: a driver error nobody awaited is logged, the hub carries on.
process.on('unhandledRejection', (e) => log.error('Lỗi không mong đợi (unhandled rejection)', e));
const hub = await startHub({
  port: config.port,
  host: config.host,
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? null : config.dataDir,
  adminPassword: config.adminPassword,
  timeZone: config.timeZone,
  publicUrl: config.publicUrl,
  log,
});
console.log('\nMáy chủ tỉnh — province hub');
console.log(config.databaseUrl ? 'Cơ sở dữ liệu: PostgreSQL (PROVINCE_DATABASE_URL)' : `Dữ liệu: ${config.dataDir}`);
console.log(`Phòng điều hành: http://localhost:${hub.port}/province`);
console.log(`Báo cáo:         http://localhost:${hub.port}/province/reports\n`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`Nhận ${signal}, đang dừng máy chủ tỉnh (stopping)`);
  try {
    await hub.close();
    process.exit(0);
  } catch (e) {
    log.error('Dừng không sạch (unclean stop)', e);
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
