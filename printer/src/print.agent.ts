import { io, type Socket } from 'socket.io-client';
import type { PrintJobEvent, PrintJobOptions, PrintResultEvent } from '../../server/src/contract/print.job.ts';
import type { PrintOptions, PrinterStatus, TicketPrintData } from './printer.types.ts';
import { PrinterError } from './printer.error.ts';
import { formatPrinterAddress, parsePrinterAddress } from './address.parser.ts';
import { createTransport } from './transport.factory.ts';
import { printTicket } from './printer.print.ts';
import { formatIssuedAt } from './ticket.text.ts';

/** A job as it arrives (the server's `print:job`); a hand-made or older sender may leave out the options. */
export type PrintJobPayload = Omit<PrintJobEvent, 'options'> & { options?: PrintJobOptions };
/** What the agent answers (`print:result`). */
export type PrintResultPayload = PrintResultEvent;

export interface PrintAgentOptions {
  serverUrl: string;
  token: string;
  printer: string;
  /** Overrides the job's own timeoutMs when set (the --timeout flag). */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Wall clock for log timestamps. */
  now?: () => number;
  /** Injected in tests; printTicket by default. */
  print?: (address: string, data: TicketPrintData, opts: PrintOptions) => Promise<void>;
  /** Socket.IO reconnection delays (ms); short in tests. */
  reconnectDelayMs?: number;
  reconnectDelayMaxMs?: number;
}

export interface PrintAgent {
  stop(): Promise<void>;
  readonly socket: Socket;
}

/** Results kept so a job re-sent after a reconnect is answered, not printed twice. */
const REMEMBERED_RESULTS = 200;

export function startPrintAgent(o: PrintAgentOptions): PrintAgent {
  const address = parsePrinterAddress(o.printer);
  const now = o.now ?? Date.now;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const log = (msg: string) => (o.log ?? console.log)(`[${formatIssuedAt(now(), zone)}] ${msg}`);
  const print = o.print ?? ((a, d, opts) => printTicket(a, d, opts));
  const delay = o.reconnectDelayMs ?? 1000;
  const printerName = formatPrinterAddress(address);

  const socket: Socket = io(o.serverUrl, {
    auth: { token: o.token },
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: delay,
    reconnectionDelayMax: o.reconnectDelayMaxMs ?? 10_000,
  });

  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const results = new Map<string, PrintResultPayload>();
  const inFlight = new Set<string>();
  let chain: Promise<void> = Promise.resolve();

  /** Socket.IO gives up after a middleware refusal or a server-side kick; we never do. */
  const retryLater = () => {
    if (stopped || socket.active || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (!stopped && !socket.connected) socket.connect();
    }, delay);
  };

  const reportStatus = async () => {
    const status: PrinterStatus = await createTransport(address, { timeoutMs: Math.min(o.timeoutMs ?? 3000, 3000) })
      .status()
      .catch((e: unknown) => ({
        online: false,
        paper: 'unknown' as const,
        error: e instanceof Error ? e.message : String(e),
      }));
    if (stopped || !socket.connected) return;
    socket.emit('print:agent-ready', { printer: status });
    const paper = { ok: 'còn giấy', near_end: 'sắp hết giấy', out: 'hết giấy', unknown: 'không rõ giấy' }[
      status.paper ?? 'unknown'
    ];
    log(
      status.online
        ? `Máy in ${printerName} sẵn sàng (${paper}).`
        : `Máy in ${printerName} chưa sẵn sàng: ${status.error ?? 'không rõ lý do'}`,
    );
  };

  socket.on('connect', () => {
    log(`Đã kết nối tới máy chủ ${o.serverUrl}.`);
    void reportStatus();
  });
  socket.on('disconnect', (reason) => {
    if (stopped) return;
    log(`Mất kết nối tới máy chủ (${reason}). Đang thử kết nối lại…`);
    retryLater();
  });
  socket.on('connect_error', (err) => {
    if (stopped) return;
    const refused = !socket.active;
    log(
      refused
        ? `Máy chủ từ chối kết nối (${err.message}). Kiểm tra mã truy cập; sẽ thử lại.`
        : `Không kết nối được tới máy chủ (${err.message}). Đang thử lại…`,
    );
    retryLater();
  });

  const handle = async (payload: PrintJobPayload): Promise<PrintResultPayload> => {
    const opts: PrintOptions = { ...(payload.options ?? {}) };
    if (o.timeoutMs !== undefined) opts.timeoutMs = o.timeoutMs;
    try {
      await print(o.printer, payload.data, opts);
      log(`Đã in vé số ${payload.data.number} (lệnh in ${payload.jobId}).`);
      return { jobId: payload.jobId, status: 'printed' };
    } catch (err) {
      const e = err instanceof PrinterError ? err : new PrinterError('printer.io', String(err), { cause: err });
      log(`In vé số ${payload.data?.number ?? '?'} thất bại: ${e.message}${e.detail ? ` [${e.detail}]` : ''}`);
      return { jobId: payload.jobId, status: 'failed', code: e.code, message: e.message };
    }
  };

  socket.on('print:job', (payload: PrintJobPayload, ack?: (r: PrintResultPayload) => void) => {
    const reply = (r: PrintResultPayload) => {
      socket.emit('print:result', r);
      if (typeof ack === 'function') ack(r);
    };
    if (stopped) return;
    if (!payload || typeof payload.jobId !== 'string' || !payload.data || typeof payload.data !== 'object') {
      log('Nhận được lệnh in không hợp lệ, bỏ qua.');
      if (payload && typeof payload.jobId === 'string')
        reply({ jobId: payload.jobId, status: 'failed', code: 'printer.io', message: 'Lệnh in không hợp lệ.' });
      return;
    }
    const known = results.get(payload.jobId);
    if (known) return reply(known);
    if (inFlight.has(payload.jobId)) {
      // a re-send while it prints: answer it once the first attempt is done, print once
      chain = chain.then(() => {
        const r = results.get(payload.jobId);
        if (r) reply(r);
      });
      return;
    }
    inFlight.add(payload.jobId);
    // One job at a time: a printer serves one connection, and tickets must come out in order.
    chain = chain.then(async () => {
      const r = await handle(payload);
      inFlight.delete(payload.jobId);
      results.set(payload.jobId, r);
      if (results.size > REMEMBERED_RESULTS) results.delete(results.keys().next().value as string);
      reply(r);
    });
  });

  log(`Trình in khởi động: máy in ${printerName}, máy chủ ${o.serverUrl}.`);
  return {
    socket,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      await chain;
      socket.disconnect();
      log('Trình in đã dừng.');
    },
  };
}
