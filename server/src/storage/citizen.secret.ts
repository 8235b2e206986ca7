import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CitizenKeyer } from '../core/citizens/citizen.identity.ts';

/**
 * The installation's secret for citizen hashes, `DATA_DIR/citizen.secret` (0600, 256 random bits, made on the
 * first start and kept). It is deliberately NOT in the database nor in its backups: a 12-digit number with a
 * known province and birth year is a small space, so a hash beside its key would be the number itself. Hashes live
 * for the day and the open bookings only, so losing the file (a restore on a new machine without it) costs at most
 * today's limits and the card check-in of open bookings (their codes still work); docs/booking.md says to copy the
 * file with the backups when moving a server.
 */
export const CITIZEN_SECRET_FILE = 'citizen.secret';

export function loadCitizenSecret(dataDir: string): Buffer {
  const file = join(dataDir, CITIZEN_SECRET_FILE);
  if (!existsSync(file)) {
    try {
      // 'wx': two processes starting at once never overwrite each other's secret.
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(32).toString('hex') + '\n');
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file}: not a citizen secret (64 hex digits expected)`);
  return Buffer.from(hex, 'hex');
}

/** HMAC-SHA256 under the secret, one domain per use so a PIN hash never equals an ID hash. */
export function createCitizenKeyer(secret: Buffer): CitizenKeyer {
  const mac = (domain: string, text: string) => createHmac('sha256', secret).update(`${domain}:${text}`).digest('hex');
  return {
    hashId: (id) => mac('cccd', id),
    hashPin: (pin) => mac('override-pin', pin),
  };
}
