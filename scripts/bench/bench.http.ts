import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Call } from './bench.queue.ts';
import { http } from '../../test/support/server-process.ts';

/**
 * The bench's HTTP clients and the floor under the issue path (issue 15).
 *
 * Real kiosks are separate machines; in the bench the client shares the two cores with the server, so the client's
 * own CPU per request is taken from the server. Global fetch (undici) costs ≈ 0.4–0.8 ms of CPU per POST here
 * (web streams, WebIDL conversions, an AbortSignal each), node:http with a keep-alive agent ≈ 0.15–0.2 ms. The
 * issue figures use the keep-alive client (BENCH_ISSUE_CLIENT=fetch: the old one) and print, beside them, what
 * each client reaches against a server that does nothing (bench.noop.server.ts): the HTTP floor.
 */
export function keepAliveCall(url: string, sockets = 16): Call {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return (method, path, body, token) =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (data !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(data);
      }
      const req = request(`${url}${path}`, { method, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          let json: unknown = text;
          try {
            json = JSON.parse(text);
          } catch {
            /* keep text */
          }
          resolve({ status: res.statusCode ?? 0, body: json });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(data);
    });
}

/** What global fetch does: test/support/server-process.ts `http()` (the old bench client). */
export const fetchCall = (url: string): Call => http(url);

export interface NoopFloor {
  client: string;
  opsPerSec: number;
  clientCpuMs: number;
  serverCpuMs: number;
}

/** `n` POSTs at `concurrency` against the no-op hono server, once per client: requests/s and CPU per request. */
export async function noopFloor(n: number, concurrency: number): Promise<NoopFloor[]> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'bench.noop.server.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  lines.on('line', (l) => (waiting.length ? waiting.shift()!(l) : queue.push(l)));
  const line = () => new Promise<string>((r) => (queue.length ? r(queue.shift()!) : waiting.push(r)));
  const serverCpu = async () => {
    child.stdin!.write('cpu\n');
    return Number(await line());
  };
  try {
    const url = `http://127.0.0.1:${await line()}`;
    const out: NoopFloor[] = [];
    for (const [client, call] of [
      ['node:http keep-alive', keepAliveCall(url)],
      ['fetch (undici)', fetchCall(url)],
    ] as const) {
      await closedLoop(call, 200, concurrency); // warm-up
      const s0 = await serverCpu();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await closedLoop(call, n, concurrency);
      const sec = (performance.now() - t0) / 1000;
      const cu = process.cpuUsage(c0);
      const s1 = await serverCpu();
      out.push({
        client,
        opsPerSec: n / sec,
        clientCpuMs: (cu.user + cu.system) / 1000 / n,
        serverCpuMs: (s1 - s0) / n,
      });
    }
    return out;
  } finally {
    child.kill();
  }
}

async function closedLoop(call: Call, n: number, concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const r = await call(
          'POST',
          '/api/tickets',
          { areaId: 'a'.repeat(12), idempotencyKey: `noop-${i}` },
          'k'.repeat(43),
        );
        if (r.status !== 201) throw new Error(`no-op floor: ${r.status}`);
      }
    }),
  );
}
