import { randomBytes, randomFillSync, randomInt } from 'node:crypto';

/**
 * Random bytes drawn from the system 4 KiB at a time and each used once (as Node's own randomUUID does): a call into
 * the system's generator for every id cost more than the rest of making a ticket's id (issue 15).
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

/** Ticket ids are what lets anyone follow a ticket: 128 random bits, url-safe. */
export function newId(bytes = 16): string {
  if (bytes > pool.length) return randomBytes(bytes).toString('base64url');
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const id = pool.toString('base64url', used, used + bytes);
  used += bytes;
  return id;
}

/** A device or session token: 256 random bits. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Letters and digits nobody misreads: no 0/O, 1/I/L (nor U/V, read alike on a phone). 29 symbols. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/**
 * A booking code: 8 symbols drawn with crypto.randomInt (no modulo bias), about 39 bits. Guessing one needs the
 * per-address limit's patience; the code alone shows only a slot and the last three digits nowhere.
 */
export function newBookingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
  return code;
}
