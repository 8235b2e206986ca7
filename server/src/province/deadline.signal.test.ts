import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { deadline } from './deadline.signal.ts';

// A real garbage collection, as a long-running center has many: the deadline must survive it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (!s) return;
  s.closeAllConnections();
  await new Promise((r) => s.close(r));
});

/** A hub that accepts the request and never answers. */
async function silentHub(): Promise<string> {
  server = createServer(() => {});
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** How a fetch ends within `withinMs`: the error's name, or 'hung'. */
async function outcome(p: Promise<Response>, withinMs: number): Promise<string> {
  const collect = setInterval(gc, 10);
  try {
    return await Promise.race([
      p.then(
        () => 'answered',
        (e: Error) => e.name,
      ),
      new Promise<string>((r) => setTimeout(() => r('hung'), withinMs)),
    ]);
  } finally {
    clearInterval(collect);
  }
}

describe('the province sender deadline', () => {
  it('ends a request the hub never answers even when garbage is collected meanwhile', async () => {
    const url = await silentHub();
    const got = await outcome(fetch(url, { signal: deadline(200, new AbortController().signal).signal }), 3000);
    expect(got).toBe('TimeoutError');
  });

  it('ends it at once when the sender stops', async () => {
    const url = await silentHub();
    const stop = new AbortController();
    const p = fetch(url, { signal: deadline(60_000, stop.signal).signal });
    setTimeout(() => stop.abort(), 50);
    expect(await outcome(p, 3000)).toBe('AbortError');
  });

  it('is already aborted when the sender has already stopped', () => {
    const stop = new AbortController();
    stop.abort();
    expect(deadline(60_000, stop.signal).signal.aborted).toBe(true);
  });

  it('once released, holds nothing on the stop signal and never fires (a sender catching up sends many a second)', async () => {
    const stop = new AbortController();
    const limits = Array.from({ length: 10 }, () => deadline(30, stop.signal));
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(10);
    for (const l of limits) l.release();
    // Node warns of a leak past 10 listeners on one signal: a released deadline leaves none behind.
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(limits.filter((l) => l.signal.aborted)).toHaveLength(0);
    stop.abort();
    expect(limits.filter((l) => l.signal.aborted)).toHaveLength(0);
  });
});
