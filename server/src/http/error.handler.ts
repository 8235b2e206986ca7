import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERRORS, type ErrorCode } from '../contract/errors.ts';
import { storageFault } from '../storage/storage.fault.ts';
import type { StorageHealth } from '../storage/storage.health.ts';

export function errorBody(code: ErrorCode, message?: string, details?: unknown) {
  return { error: { code, message: message ?? ERRORS[code].vi, ...(details !== undefined ? { details } : {}) } };
}

/**
 * One mapper for every error: coded errors keep their status; storage faults (disk full, read-only, locked,
 * I/O) are 503 `server.storage_unavailable`; anything else is a 500 with no stack.
 */
export function onError(log: (msg: string, err: unknown) => void, storage?: Pick<StorageHealth, 'noteFault'>) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) {
      const retry = (err.details as { retryAfterSec?: unknown } | undefined)?.retryAfterSec;
      if (typeof retry === 'number') c.header('Retry-After', String(retry)); // a throttled caller learns when to come back
      return c.json(errorBody(err.code, err.message, err.details), err.status as 400);
    }
    if (err instanceof HTTPException) {
      const code: ErrorCode =
        err.status === 413
          ? 'request.too_large'
          : err.status === 404
            ? 'request.not_found'
            : err.status === 401
              ? 'auth.required'
              : 'request.invalid';
      return c.json(errorBody(code), ERRORS[code].status as 400);
    }
    // Migration 0007's guard: the center's own edits cannot change a procedure that came from the province.
    if (err.message === 'province.procedure_readonly') return c.json(errorBody('procedure.from_province'), 409);
    const fault = storageFault(err);
    if (fault) {
      // The machine's fault, not the caller's: 503 and the process carries on; health probes again at once.
      if (storage) storage.noteFault(fault, err);
      else log(`Lỗi lưu trữ ở ${c.req.method} ${c.req.path}`, err);
      c.header('Retry-After', '5');
      return c.json(errorBody('server.storage_unavailable', undefined, { reason: fault }), 503);
    }
    log(`Lỗi không mong đợi ở ${c.req.method} ${c.req.path}`, err);
    return c.json(errorBody('server.internal'), 500);
  };
}
