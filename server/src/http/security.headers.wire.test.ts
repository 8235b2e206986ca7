import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * The answer's header block as it leaves the socket, byte for byte (but the Date): security.headers.ts writes our
 * headers into @hono/node-server's own plain header record instead of a WHATWG Headers (issue 15), and what a kiosk
 * or a browser receives must stay what it was: the same names in the same case and order, the same values, the
 * Content-Length where it was. Every kind of answer: a route's JSON (201, 200), an error, a 404, a page, an asset,
 * a HEAD, the print page's own framing rule.
 */
let t: TestServer;
let kiosk: string;
let areaId: string;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  kiosk = (await t.createDevice('kiosk')).token;
  areaId = (await t.areas())[0].id;
});
afterAll(async () => {
  await t.close();
});

/** One request on a fresh socket; the answer's status line and header lines as sent, and its body. */
function raw(method: string, path: string, opts: { token?: string; body?: string } = {}) {
  return new Promise<{ head: string[]; body: string }>((resolve, reject) => {
    const { port } = new URL(t.url);
    const s = connect(Number(port), '127.0.0.1');
    const lines = [`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close'];
    if (opts.token) lines.push(`Authorization: Bearer ${opts.token}`);
    if (opts.body !== undefined)
      lines.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(opts.body)}`);
    const chunks: Buffer[] = [];
    s.on('data', (d: Buffer) => chunks.push(d));
    s.on('error', reject);
    s.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const at = text.indexOf('\r\n\r\n');
      resolve({ head: text.slice(0, at).split('\r\n'), body: text.slice(at + 4) });
    });
    // Written, not ended: the server answers a half-closed socket only if the answer is ready before it sees the end.
    s.write(`${lines.join('\r\n')}\r\n\r\n${opts.body ?? ''}`);
  });
}

const CSP = (ancestors: string) =>
  `content-security-policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; ` +
  `media-src 'self' blob: data:; connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; ` +
  `form-action 'self'; frame-ancestors ${ancestors}`;
const COMMON = [
  'cross-origin-opener-policy: same-origin',
  'cross-origin-resource-policy: same-origin',
  'permissions-policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'referrer-policy: no-referrer',
  'x-content-type-options: nosniff',
];

/** The header block of an API answer, sorted by name as it always was, with its length before the Date. */
const apiHead = (status: string, body: string, type = 'application/json') => [
  `HTTP/1.1 ${status}`,
  'cache-control: no-store',
  CSP("'none'"),
  `content-type: ${type}`,
  ...COMMON,
  'x-frame-options: DENY',
  `Content-Length: ${Buffer.byteLength(body)}`,
  'Date: <date>',
  'Connection: close',
];
const noDate = (head: string[]) => head.map((l) => (l.startsWith('Date: ') ? 'Date: <date>' : l));

describe('answer headers on the wire', () => {
  it('an issued ticket, its replay, a refusal and an unknown API path: the same bytes as before', async () => {
    const issue = JSON.stringify({ areaId, idempotencyKey: 'wire-1' });
    const created = await raw('POST', '/api/tickets', { token: kiosk, body: issue });
    expect(noDate(created.head)).toEqual(apiHead('201 Created', created.body));
    const replay = await raw('POST', '/api/tickets', { token: kiosk, body: issue });
    expect(noDate(replay.head)).toEqual(apiHead('200 OK', replay.body));
    expect(JSON.parse(replay.body).id).toBe(JSON.parse(created.body).id);
    const refused = await raw('POST', '/api/tickets', { token: kiosk, body: '{"areaId":1}' });
    expect(noDate(refused.head)).toEqual(apiHead('422 Unprocessable Entity', refused.body));
    const missing = await raw('GET', '/api/nope');
    expect(noDate(missing.head)).toEqual(apiHead('404 Not Found', missing.body));
    const health = await raw('GET', '/api/health');
    expect(noDate(health.head)).toEqual(apiHead('200 OK', health.body));
  });

  it('a HEAD has no Content-Length it did not have, and the print page keeps its own framing rule', async () => {
    const head = await raw('HEAD', '/api/health');
    expect(head.body).toBe('');
    expect(noDate(head.head)).toEqual(apiHead('200 OK', '').filter((l) => !l.startsWith('Content-Length')));
    const print = await raw('GET', '/print/ticket/nope');
    expect(print.head).toContain(CSP("'self'"));
    expect(print.head).toContain('x-frame-options: SAMEORIGIN');
    expect(print.head).not.toContain('cache-control: no-store');
    expect(print.head.filter((l) => /^content-length:/i.test(l))).toEqual([
      `Content-Length: ${Buffer.byteLength(print.body)}`,
    ]);
  });
});
