import { isAbsolute, join } from 'node:path';

/** Every variable `npm run province` reads, once (the contract's "Province hub" table). */
export interface HubConfig {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  adminPassword: string | null;
  timeZone: string;
  publicUrl: string | null;
}

export function loadHubConfig(env: Record<string, string | undefined>, cwd: string): HubConfig {
  const port = Number(env.PROVINCE_PORT ?? 8090);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PROVINCE_PORT không hợp lệ (invalid): ${env.PROVINCE_PORT}`);
  const dir = env.PROVINCE_DATA_DIR || './data-province';
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.PROVINCE_DATABASE_URL || null,
    dataDir: isAbsolute(dir) ? dir : join(cwd, dir),
    adminPassword: env.PROVINCE_ADMIN_PASSWORD || null,
    timeZone: env.PROVINCE_TIME_ZONE || 'Asia/Ho_Chi_Minh',
    publicUrl: env.PROVINCE_PUBLIC_URL || null,
  };
}
