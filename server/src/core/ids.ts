import { randomBytes } from 'node:crypto';

/** Ticket ids are what lets anyone follow a ticket: 128 random bits, url-safe. */
export function newId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** A device or session token: 256 random bits. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
