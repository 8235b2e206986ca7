import { AUTH_ERRORS } from './errors.auth.ts';
import { CATALOG_ERRORS } from './errors.catalog.ts';
import { CITIZEN_ERRORS } from './errors.citizens.ts';
import { PROVINCE_ERRORS } from './errors.province.ts';
import { REQUEST_ERRORS } from './errors.request.ts';
import type { ErrorEntry } from './errors.table.ts';
import { TICKET_ERRORS } from './errors.tickets.ts';

export type { ErrorEntry } from './errors.table.ts';

/** The domains' parts of the catalogue (errors.<domain>.ts); a code stands in exactly one (errors.test.ts). */
export const ERROR_DOMAINS = {
  request: REQUEST_ERRORS,
  auth: AUTH_ERRORS,
  catalog: CATALOG_ERRORS,
  tickets: TICKET_ERRORS,
  citizens: CITIZEN_ERRORS,
  province: PROVINCE_ERRORS,
};

/**
 * Every error a caller can get: a stable dotted code, its HTTP status and a Vietnamese message
 * a citizen or clerk can act on. Front-ends import this table to show the same words. One catalogue, one
 * import path: the domains write their parts, this file assembles them.
 */
export const ERRORS = {
  ...REQUEST_ERRORS,
  ...AUTH_ERRORS,
  ...CATALOG_ERRORS,
  ...TICKET_ERRORS,
  ...CITIZEN_ERRORS,
  ...PROVINCE_ERRORS,
} satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** A coded error raised by the core or the edges; the HTTP layer maps it to {error: {code, message}}. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERRORS[code].vi);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}
