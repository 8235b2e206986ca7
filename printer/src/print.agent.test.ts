import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { startPrintAgent, type PrintAgent, type PrintResultPayload } from './print.agent.ts';
import { sampleTicket } from './ticket.preview.ts';
import { startFakePrinter, type FakePrinter } from './testing/fake-printer.testing.ts';
import { decodeEscPos } from './testing/escpos.decoder.ts';
import type { PrinterStatus, TicketPrintData } from './printer.types.ts';

/** A tiny stand-in for the queue server: token check, print:job out, print:result in. */
async function tinyServer(token: string) {
  const http: HttpServer = createServer();
  const io = new Server(http);
  const ready: { printer: PrinterStatus }[] = [];
  const results: PrintResultPayload[] = [];
  const sockets: ServerSocket[] = [];
  const waiters: (() => void)[] = [];
  const poke = () => waiters.splice(0).forEach((w) => w());
  io.use((socket, next) => (socket.handshake.auth?.token === token ? next() : next(new Error('unauthorized'))));
  io.on('connection', (s) => {
    sockets.push(s);
    s.on('print:agent-ready', (p: { printer: PrinterStatus }) => {
      ready.push(p);
      poke();
    });
    s.on('print:result', (r: PrintResultPayload) => {
      results.push(r);
      poke();
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const until = async (cond: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  const send = (jobId: string, data: TicketPrintData, options = {}) => {
    for (const s of sockets.filter((x) => x.connected)) s.emit('print:job', { jobId, data, options });
  };
  return { io, url, ready, results, sockets, until, send, close: () => new Promise<void>((r) => io.close(() => r())) };
}

let cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup(opts: { token?: string; printerMode?: 'ok' | 'refuse' } = {}) {
  const server = await tinyServer('secret');
  const printer: FakePrinter = await startFakePrinter({ mode: opts.printerMode ?? 'ok' });
  const logs: string[] = [];
  const agent: PrintAgent = startPrintAgent({
    serverUrl: server.url,
    token: opts.token ?? 'secret',
    printer: printer.address,
    timeoutMs: 1500,
    log: (l) => logs.push(l),
    reconnectDelayMs: 50,
    reconnectDelayMaxMs: 100,
  });
  cleanups.push(
    () => server.close(),
    () => printer.close(),
    () => agent.stop(),
  );
  return { server, printer, agent, logs };
}

describe('print agent', () => {
  it('announces itself with the printer status, prints jobs and reports them', async () => {
    const { server, printer, logs } = await setup();
    await server.until(() => server.ready.length === 1);
    expect(server.ready[0]!.printer.online).toBe(true);
    expect(server.ready[0]!.printer.paper).toBe('ok');

    const data = sampleTicket({ number: '2001' });
    server.send('job-1', data, { paperWidth: 58 });
    await server.until(() => server.results.length === 1);
    expect(server.results[0]).toEqual({ jobId: 'job-1', status: 'printed' });
    const job = (await printer.waitForJobs(2)).find((j) => j.bytes[0] === 0x1b); // the other one is the status probe
    expect(decodeEscPos(job!.bytes).commands.find((c) => c.type === 'qr')).toMatchObject({ payload: data.trackUrl });
    expect(logs.join('\n')).toMatch(/Đã in vé số 2001/);
  });

  it('answers a re-sent job without printing it twice', async () => {
    const { server, printer } = await setup();
    await server.until(() => server.ready.length === 1);
    server.send('job-7', sampleTicket());
    server.send('job-7', sampleTicket());
    await server.until(() => server.results.length === 2);
    expect(server.results.map((r) => r.status)).toEqual(['printed', 'printed']);
    expect(printer.jobs.filter((j) => j.bytes[0] === 0x1b).length).toBe(1);
  });

  it('reports a failure with the code and the Vietnamese message', async () => {
    const { server } = await setup({ printerMode: 'refuse' });
    await server.until(() => server.ready.length === 1);
    expect(server.ready[0]!.printer.online).toBe(false);
    server.send('job-2', sampleTicket());
    await server.until(() => server.results.length === 1);
    expect(server.results[0]).toEqual({
      jobId: 'job-2',
      status: 'failed',
      code: 'printer.offline',
      message: 'Máy in không kết nối được. Vé của bạn vẫn hợp lệ.',
    });
  });

  it('reconnects after the server drops it, and announces itself again', async () => {
    const { server } = await setup();
    await server.until(() => server.ready.length === 1);
    for (const s of server.sockets) s.disconnect(true); // server-side kick: socket.io would not retry by itself
    await server.until(() => server.ready.length === 2);
    server.send('job-3', sampleTicket());
    await server.until(() => server.results.some((r) => r.jobId === 'job-3'));
  });

  it('keeps retrying when the token is refused, logging in Vietnamese', async () => {
    const { server, logs } = await setup({ token: 'wrong' });
    await new Promise((r) => setTimeout(r, 400));
    expect(server.ready).toHaveLength(0);
    const refusals = logs.filter((l) => l.includes('Máy chủ từ chối kết nối'));
    expect(refusals.length).toBeGreaterThanOrEqual(2);
  });
});
