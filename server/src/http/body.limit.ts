import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../contract/errors.ts';

/**
 * The request body limit (413 past `maxSize`). A body with a Content-Length (every kiosk, every browser fetch) is
 * judged by that header alone, as hono's bodyLimit does, but without first asking for `c.req.raw.body`: on
 * @hono/node-server that builds a whole web Request with a ReadableStream over the socket (≈ 5 % of the issue
 * path's CPU, issue 15), whereas `c.req.text()` afterwards reads the socket directly. Node's HTTP parser never
 * delivers more than Content-Length bytes as this request's body. A chunked body (no length) goes through hono's
 * counting bodyLimit, which stops reading at the limit.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const counting = bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('request.too_large');
    },
  });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined && /^\d{1,15}$/.test(length)) {
      if (Number(length) > maxSize) throw new AppError('request.too_large');
      return next();
    }
    return counting(c, next);
  };
}
