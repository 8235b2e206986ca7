import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';

/**
 * The floor's listeners: N sockets to the bench's bare socket.io server, in their own process like the
 * busy day's displays. Each round sends POST /emit (the bare server broadcasts at once) and waits until
 * every socket heard it; also times a POST /noop (an HTTP round trip that does nothing).
 * Prints one JSON line {deliveryMs, emitMs, noopMs}.
 */
const { values: a } = parseArgs({
  options: {
    url: { type: 'string' },
    sockets: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '200' },
  },
});
const url = a.url!,
  n = Number(a.sockets),
  rounds = Number(a.rounds);
const sockets: Socket[] = [];
let pending: { t0: number; left: number; done: () => void } | null = null;
const deliveryMs: number[] = [],
  emitMs: number[] = [],
  noopMs: number[] = [];

for (let i = 0; i < n; i++) {
  const s = io(url, { forceNew: true, transports: ['websocket'], reconnection: false });
  sockets.push(s);
  s.on('ticket:called', () => {
    if (!pending) return;
    deliveryMs.push(performance.now() - pending.t0);
    if (--pending.left === 0) pending.done();
  });
  await new Promise<void>((res, rej) => {
    s.once('connect', () => res());
    s.once('connect_error', rej);
  });
}
const post = async (path: string) => {
  const t0 = performance.now();
  await (await fetch(`${url}${path}`, { method: 'POST', body: '{}' })).text();
  return performance.now() - t0;
};
for (let i = 0; i < rounds; i++) {
  const all = new Promise<void>((done) => {
    pending = { t0: performance.now(), left: n, done };
  });
  emitMs.push(await post('/emit'));
  await Promise.race([all, new Promise((r) => setTimeout(r, 2000))]);
  pending = null;
  noopMs.push(await post('/noop'));
}
for (const s of sockets) s.close();
// Exit only once the (large) line has left: a pipe may take it in several writes.
process.stdout.write(`${JSON.stringify({ deliveryMs, emitMs, noopMs })}\n`, () => process.exit(0));
