import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { systemClock } from '../core/clock.ts';
import { hasOpenssl, selfSignedCert } from '../testing/cert.testing.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../testing/server.testing.ts';

/** With TLS_CERT and TLS_KEY the one port speaks HTTPS, and socket.io runs over wss on it. */
const OPENSSL = hasOpenssl();
if (!OPENSSL)
  console.warn(
    'https.server.test: bỏ qua — máy này không có openssl để tạo chứng chỉ thử / skipped: no openssl to make a test certificate',
  );

describe.skipIf(!OPENSSL)('HTTPS when a certificate is configured', () => {
  let t: TestServer;
  let cert: ReturnType<typeof selfSignedCert>;
  let base: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    cert = selfSignedCert();
    t = await startTestServer({
      clock: systemClock,
      listen: true,
      env: { TLS_CERT: cert.certFile, TLS_KEY: cert.keyFile, PUBLIC_URL: '' },
    });
    base = `https://127.0.0.1:${t.server.port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
    if (cert) rmSync(cert.dir, { recursive: true, force: true });
  });

  function get(
    url: string,
    insecure = true,
  ): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
    const req = url.startsWith('https:') ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const r = req(url, { rejectUnauthorized: !insecure } as object, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      r.on('error', reject);
      r.end();
    });
  }

  it("answers /api/health over HTTPS with HSTS, and the tickets' QR address says https", async () => {
    const res = await get(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
    expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // Without PUBLIC_URL the QR code on tickets points at this machine: over https, since that is all it serves.
    expect(t.server.publicUrl()).toMatch(new RegExp(`^https://[^/]+:${t.server.port}$`));
  });

  it('a browser page of this https origin can sign in (its Origin is recognised as ours)', async () => {
    const body = JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD });
    const status = await new Promise<number>((resolve, reject) => {
      const r = httpsRequest(
        `${base}/api/auth/login`,
        {
          method: 'POST',
          rejectUnauthorized: false,
          headers: {
            'content-type': 'application/json',
            origin: base,
            'sec-fetch-site': 'same-origin',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      r.on('error', reject);
      r.end(body);
    });
    expect(status).toBe(200);
  });

  it('the certificate is the one configured (an unknown issuer is refused by a checking client)', async () => {
    await expect(get(`${base}/api/health`, false)).rejects.toThrow(/self[- ]signed|unable to verify/i);
  });

  it('does not speak plain HTTP on that port', async () => {
    const plain = await get(`http://127.0.0.1:${t.server.port}/api/health`).catch((e: Error) => e);
    // Node answers a plain request to a TLS port by closing it (or a 400): never the API over clear text.
    if (plain instanceof Error) expect(plain.message).toMatch(/socket hang up|ECONNRESET|parse error/i);
    else expect(plain.status).toBe(400);
  });

  it('socket.io connects over wss and gets its snapshot', async () => {
    const display = await t.createDevice('display');
    const socket = io(base, {
      auth: { token: display.token },
      transports: ['websocket'],
      reconnection: false,
      rejectUnauthorized: false,
    });
    sockets.push(socket);
    const snapshot = await new Promise<unknown>((resolve, reject) => {
      socket.once('state:snapshot', resolve);
      socket.once('connect_error', reject);
    });
    expect(snapshot).toBeTruthy();
    // Also over the polling transport, which a browser falls back to behind some proxies.
    const polling = io(base, {
      auth: { token: display.token },
      transports: ['polling'],
      reconnection: false,
      rejectUnauthorized: false,
    });
    sockets.push(polling);
    await new Promise((resolve, reject) => {
      polling.once('state:snapshot', resolve);
      polling.once('connect_error', reject);
    });
  });
});
