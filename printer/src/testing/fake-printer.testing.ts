import net from 'node:net';
import { newDecoderState, parseOne } from './escpos.decoder.ts';
import { parseStarOne } from './star.decoder.ts';

/**
 * A network ESC/POS printer on 127.0.0.1 for tests and the benchmark. Modes:
 * ok (reads, answers DLE EOT, closes after the client's FIN), silent (same, never answers
 * DLE EOT), stall (accepts, never reads or answers), drop (resets after dropAfterBytes),
 * refuse (nothing listens on the port).
 */
export type FakePrinterMode = 'ok' | 'silent' | 'stall' | 'drop' | 'refuse';
export type FakePaper = 'ok' | 'near_end' | 'out';

export interface FakePrinterOptions {
  mode?: FakePrinterMode;
  paper?: FakePaper;
  dropAfterBytes?: number;
  /**
   * The command set it reads. escpos (default) answers DLE EOT like an Epson; star reads Star Line Mode
   * (testing/star.decoder.ts) and, like a Star printer in Star mode, does not answer DLE EOT: the job is
   * confirmed by the close after our FIN.
   */
  dialect?: 'escpos' | 'star';
  now?: () => number;
}

export interface FakePrintJob {
  bytes: Buffer;
  connectedAt: number;
  firstByteAt: number | null;
  lastByteAt: number | null;
  closedAt: number | null;
  statusRequests: number[];
}

export interface FakePrinter {
  readonly host: string;
  readonly port: number;
  /** tcp://127.0.0.1:PORT */
  readonly address: string;
  readonly jobs: FakePrintJob[];
  mode: FakePrinterMode;
  paper: FakePaper;
  /** Resolves when n connections have closed (or rejects after timeoutMs). */
  waitForJobs(n: number, timeoutMs?: number): Promise<FakePrintJob[]>;
  close(): Promise<void>;
}

/** Epson DLE EOT answers: fixed bits 0x12, plus the state bits. */
export function statusAnswer(n: number, paper: FakePaper): number {
  const out = paper === 'out';
  if (n === 1) return out ? 0x1a : 0x12;
  if (n === 2) return out ? 0x32 : 0x12;
  if (n === 4) return out ? 0x72 : paper === 'near_end' ? 0x1e : 0x12;
  return 0x12;
}

export async function startFakePrinter(opts: FakePrinterOptions = {}): Promise<FakePrinter> {
  const now = opts.now ?? (() => performance.now());
  const sockets = new Set<net.Socket>();
  const jobs: FakePrintJob[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const job: FakePrintJob = {
      bytes: Buffer.alloc(0),
      connectedAt: now(),
      firstByteAt: null,
      lastByteAt: null,
      closedAt: null,
      statusRequests: [],
    };
    jobs.push(job);
    const mode = printer.mode;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      job.closedAt = now();
      notify();
    });
    if (mode === 'stall') {
      socket.pause();
      return;
    }
    const st = newDecoderState();
    let pos = 0;
    const chunks: Buffer[] = [];
    let size = 0;
    socket.on('data', (chunk: Buffer) => {
      const t = now();
      job.firstByteAt ??= t;
      job.lastByteAt = t;
      chunks.push(chunk);
      size += chunk.length;
      job.bytes = Buffer.concat(chunks, size);
      if (mode === 'drop' && size >= (opts.dropAfterBytes ?? 1024)) {
        socket.resetAndDestroy();
        return;
      }
      // Parse whole commands so bytes inside raster data are never taken for DLE EOT.
      for (;;) {
        const r = opts.dialect === 'star' ? starStatusScan(job.bytes, pos) : parseOne(job.bytes, pos, st);
        if (!r) break;
        pos = r.next;
        if (r.cmd?.type === 'status' && opts.dialect === 'star') job.statusRequests.push(r.cmd.n);
        else if (r.cmd?.type === 'status') {
          job.statusRequests.push(r.cmd.n);
          if (mode === 'ok') socket.write(Uint8Array.of(statusAnswer(r.cmd.n, printer.paper)));
        }
      }
    });
    socket.on('end', () => socket.end());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  if (opts.mode === 'refuse') await new Promise<void>((r) => server.close(() => r()));

  const printer: FakePrinter = {
    host: '127.0.0.1',
    port,
    address: `tcp://127.0.0.1:${port}`,
    jobs,
    mode: opts.mode ?? 'ok',
    paper: opts.paper ?? 'ok',
    waitForJobs(n, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const closed = jobs.filter((j) => j.closedAt !== null);
          if (closed.length >= n) {
            cleanup();
            resolve(closed.slice(0, n));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake printer: ${jobs.length} connections, wanted ${n} closed`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return printer;
}

/** A Star Line Mode command at pos, seen only for the DLE EOT requests among them (bit image data skipped). */
function starStatusScan(
  buf: Uint8Array,
  pos: number,
): { cmd: { type: 'status'; n: number } | null; next: number } | null {
  const r = parseStarOne(buf, pos);
  if (!r) return null;
  return { cmd: r.cmd.type === 'epsonStatus' ? { type: 'status', n: r.cmd.n } : null, next: r.next };
}
