import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERRORS, type ErrorCode } from '../contract/errors.ts';

export function errorBody(code: ErrorCode, message?: string, details?: unknown) {
  return { error: { code, message: message ?? ERRORS[code].vi, ...(details !== undefined ? { details } : {}) } };
}

/** One mapper for every error: coded errors keep their status; anything else is a 500 with no stack. */
export function onError(log: (msg: string, err: unknown) => void) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) return c.json(errorBody(err.code, err.message, err.details), err.status as 400);
    if (err instanceof HTTPException) {
      const code: ErrorCode = err.status === 413 ? 'request.too_large' : err.status === 404 ? 'request.not_found' : err.status === 401 ? 'auth.required' : 'request.invalid';
      return c.json(errorBody(code), ERRORS[code].status as 400);
    }
    if (isSqliteBusy(err)) return c.json(errorBody('server.unavailable'), 503);
    log(`Lỗi không mong đợi ở ${c.req.method} ${c.req.path}`, err);
    return c.json(errorBody('server.internal'), 500);
  };
}

function isSqliteBusy(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: string }).code === 'SQLITE_BUSY';
}
