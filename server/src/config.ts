import { resolve } from 'node:path';
import { parseLogLevel, type LogThreshold } from './logging/logger.ts';
import type { SocketLimits } from './realtime/realtime.limits.ts';

/** Every setting read from the environment, once, with its default and what it is for. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Password of `admin` when the database is created; random and printed once when empty. */
  adminPassword: string | null;
  /** 'demo' seeds the demo center into a new database; 'none' leaves it empty. */
  seed: 'demo' | 'none';
  /** Where the built front-ends are (dist/ at the repository root). */
  staticDir: string;
  /** Address phones use to reach the server; overrides the center setting when set. */
  publicUrl: string | null;
  /** Max JSON body size in bytes. */
  bodyLimit: number;
  /** LOG_LEVEL: silent, error, warn, info (default), debug; `quiet` = error (logging/logger.ts). */
  logLevel: LogThreshold;
  /** Local hour from which the nightly backup runs (once per business day). */
  backupHour: number;
  /**
   * Anonymous (tracking) sockets: at most SOCKET_TRACKERS_PER_TICKET per ticket id (5) and
   * SOCKET_ANON_PER_ADDRESS per remote address (20). Behind a reverse proxy on this machine every phone
   * has the proxy's address: raise the second there.
   */
  socketLimits: SocketLimits;
  /** PEM files (TLS_CERT, TLS_KEY): when set, the server serves HTTPS (and socket.io over wss) on its one port. */
  tls: { certFile: string; keyFile: string } | null;
  /**
   * The province hub this center feeds (issue 14): PROVINCE_URL and PROVINCE_TOKEN (the token the hub's admin
   * made for this center). Each wins over the same field stored by an admin (GET/PUT /api/province/link).
   */
  province: { url: string | null; token: string | null };
}

/** A setting the center must fix: main prints the message alone (no stack trace) and exits with code 1. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv, root: string): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT không hợp lệ: ${env.PORT}`);
  if (!env.TLS_CERT !== !env.TLS_KEY) {
    throw new ConfigError(
      'Cần đặt cả TLS_CERT và TLS_KEY (đường dẫn tệp PEM của chứng chỉ và khoá riêng), hoặc bỏ cả hai để chạy HTTP. / Set both TLS_CERT and TLS_KEY, or neither.',
    );
  }
  const seed = (env.SEED ?? 'demo').toLowerCase();
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(root, env.DATA_DIR ?? './data'),
    adminPassword: env.ADMIN_PASSWORD || null,
    seed: seed === 'none' ? 'none' : 'demo',
    staticDir: resolve(root, env.STATIC_DIR ?? './dist'),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    bodyLimit: Number(env.BODY_LIMIT ?? 64 * 1024),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    backupHour: Math.min(23, Math.max(0, Number(env.BACKUP_HOUR ?? 22) || 0)),
    socketLimits: {
      trackersPerTicket: positiveInt(env.SOCKET_TRACKERS_PER_TICKET, 5),
      anonymousPerAddress: positiveInt(env.SOCKET_ANON_PER_ADDRESS, 20),
    },
    tls:
      env.TLS_CERT && env.TLS_KEY
        ? { certFile: resolve(root, env.TLS_CERT), keyFile: resolve(root, env.TLS_KEY) }
        : null,
    province: {
      url: env.PROVINCE_URL ? env.PROVINCE_URL.trim().replace(/\/+$/, '') : null,
      token: env.PROVINCE_TOKEN?.trim() || null,
    },
  };
}

function positiveInt(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}
