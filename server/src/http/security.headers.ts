import type { Context, MiddlewareHandler } from 'hono';

/**
 * The browser-side defences every answer carries (pages, assets, API, errors, 404).
 *
 * The screens are Vite bundles loaded by `<script src>`; the pages the server renders itself keep their
 * script and style in files too, so no `'unsafe-inline'` is needed anywhere. Preact sets `style={…}`
 * through the CSSOM (element.style), which style-src does not govern; only `style="…"` in HTML would be
 * blocked. `data:`/`blob:` images are QR codes and favicons; `blob:`/`data:` media are the hall's voice
 * clips; `ws:`/`wss:` because older kiosk browsers do not match a same-host WebSocket with `'self'`.
 */
const CSP = (frameAncestors: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: data:",
    "connect-src 'self' ws: wss:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');

/**
 * No screen uses a camera (the kiosk's scanner is a USB keyboard), a microphone, the position or a payment;
 * a script slipped into a page gets none of them. Only features every Chromium knows, so no console noise.
 */
const PERMISSIONS = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** 180 days, no includeSubDomains: the center's domain may serve other sites over plain HTTP. */
const HSTS = 'max-age=15552000';

export interface SecurityHeaderOptions {
  /** The server itself serves HTTPS (TLS_CERT/TLS_KEY): only then is HSTS sent. */
  https: boolean;
}

/** The headers for one path: only the ticket print page may be framed, by the kiosk page of the same origin. */
export function securityHeadersFor(path: string, opts: SecurityHeaderOptions): Record<string, string> {
  const framable = path.startsWith('/print/');
  const h: Record<string, string> = {
    'content-security-policy': CSP(framable ? "'self'" : "'none'"),
    'x-frame-options': framable ? 'SAMEORIGIN' : 'DENY',
    // Tracking links carry a ticket id: it must not leak to any other site through Referer.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': PERMISSIONS,
  };
  if (opts.https) h['strict-transport-security'] = HSTS;
  return h;
}

/**
 * Set after the route ran, so errors, 404s and responses a route built itself carry them too. The two header sets
 * (the print page's, everyone else's) are built once, not per request: the CSP join, the record and its entries
 * array were ≈ 1 µs of every answer (issue 15).
 */
export function securityHeaders(opts: SecurityHeaderOptions): MiddlewareHandler {
  const framed = Object.entries(securityHeadersFor('/print/', opts));
  const rest = Object.entries(securityHeadersFor('/', opts));
  return async (c, next) => {
    await next();
    // The same test securityHeadersFor makes.
    for (const [name, value] of c.req.path.startsWith('/print/') ? framed : rest) setAfter(c, name, value);
  };
}

/**
 * A header set on the answer a route already built. `c.header()` after the route copies the whole Response for
 * every header it sets (hono keeps a fetched Response's immutable headers safe that way), and on @hono/node-server
 * the copy turns a plain string body into a stream: eight headers were ≈ 10 % of the issue path's CPU (issue 15).
 * Our own answers' headers are mutable: set in place; an immutable one (a thrown TypeError) goes the copying way.
 */
export function setAfter(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
