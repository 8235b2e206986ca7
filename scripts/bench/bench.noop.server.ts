import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The HTTP floor of the issue path (issue 15): hono on @hono/node-server, as the real server, answering
 * POST /api/tickets with a ticket-sized JSON body and doing nothing else (no auth, no validation, no SQLite).
 * Run as its own process by bench.http.ts; prints its port, then its CPU time (ms) on every "cpu" line read.
 */
const app = new Hono();
app.post('/api/tickets', async (c) => {
  const body = (await c.req.json()) as { areaId?: string };
  return c.json(
    { id: 'x'.repeat(22), number: '100001', areaId: body.areaId ?? '', status: 'waiting', waitingAhead: 0 },
    201,
  );
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(String(info.port)));
process.stdin.setEncoding('utf8');
process.stdin.on('data', () => {
  const u = process.cpuUsage();
  console.log(String((u.user + u.system) / 1000));
});
