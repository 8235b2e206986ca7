import { resolve } from 'node:path';

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
  logLevel: 'quiet' | 'info';
  /** Local hour from which the nightly backup runs (once per business day). */
  backupHour: number;
}

export function loadConfig(env: NodeJS.ProcessEnv, root: string): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`);
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
    logLevel: env.LOG_LEVEL === 'quiet' ? 'quiet' : 'info',
    backupHour: Math.min(23, Math.max(0, Number(env.BACKUP_HOUR ?? 22) || 0)),
  };
}
