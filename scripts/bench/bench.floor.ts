import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Server } from 'socket.io';

/**
 * The floor under the call → display latency: a bare socket.io server in this (bench) process that
 * broadcasts a call-sized message the moment an HTTP request asks, with no queue, no SQLite, no auth.
 * Its listeners run in a child process, as the busy day's displays do.
 */
export async function broadcastFloor(sockets: number, rounds: number) {
  const http = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/emit') {
        io.emit('ticket:called', {
          ticket: { id: 'x'.repeat(22), number: '1005', areaId: 'a'.repeat(12) },
          counter: { id: 'c'.repeat(12), number: 3, name: 'Quầy 3 – Đầu tư, doanh nghiệp' },
          recall: false,
          at: new Date().toISOString(),
        });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  const io = new Server(http, { serveClient: false });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  try {
    const child = spawn(
      process.execPath,
      [
        // Beside this file once built (a private build runs its own copy).
        join(import.meta.dirname, '../load/floor.client.js'),
        '--url',
        url,
        '--sockets',
        String(sockets),
        '--rounds',
        String(rounds),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    await new Promise((r) => child.once('exit', r));
    return JSON.parse(out) as { deliveryMs: number[]; emitMs: number[]; noopMs: number[] };
  } finally {
    io.close();
    http.close();
  }
}
