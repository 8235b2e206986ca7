import type { PrintOptions, TicketPrintData, TransportOptions } from './printer.types.ts';
import { DEFAULT_TIMEOUT_MS } from './printer.types.ts';
import { PrinterError } from './printer.error.ts';
import { parsePrinterAddress } from './address.parser.ts';
import { createTransport } from './transport.factory.ts';
import { buildTicketJob } from './ticket.job.ts';
import { buildThermalJob, isThermalModel } from './thermal.job.ts';

/**
 * Renders, encodes (for the printer's model) and sends one ticket. Always rejects with a PrinterError, whose
 * Vietnamese message can be shown as is.
 */
export async function printTicket(
  address: string,
  data: TicketPrintData,
  opts: PrintOptions = {},
  transportOpts: Omit<TransportOptions, 'timeoutMs'> = {},
): Promise<void> {
  const addr = parsePrinterAddress(address, transportOpts.deviceDir ? { deviceDir: transportOpts.deviceDir } : {});
  const now = transportOpts.now ?? (() => performance.now());
  const started = now();
  const budget =
    opts.timeoutMs !== undefined && Number.isFinite(opts.timeoutMs) && opts.timeoutMs > 0
      ? opts.timeoutMs
      : DEFAULT_TIMEOUT_MS;
  let job: Buffer;
  try {
    // epson (and no model): our own ESC/POS; another model: node-thermal-printer's commands for it.
    const model = opts.model;
    job = isThermalModel(model) ? await buildThermalJob(data, { ...opts, model }) : buildTicketJob(data, opts);
  } catch (err) {
    throw new PrinterError('printer.io', `render: ${(err as Error).message}`, { cause: err });
  }
  // Rendering counts against the same budget: the caller's promise is "never longer than timeoutMs".
  const remaining = Math.max(1, budget - (now() - started));
  const transport = createTransport(addr, {
    ...transportOpts,
    timeoutMs: remaining,
    ...(opts.confirm ? { confirm: opts.confirm } : {}),
  });
  try {
    await transport.send(job);
  } catch (err) {
    if (err instanceof PrinterError) throw err;
    throw new PrinterError('printer.io', (err as Error)?.message ?? String(err), { cause: err });
  }
}
