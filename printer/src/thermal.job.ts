import type { PrinterTypes } from 'node-thermal-printer';
import type { PrinterModel, PrintOptions, TicketPrintData } from './printer.types.ts';
import { rasterToPng } from './raster.png.ts';
import { renderTicket } from './ticket.layout.ts';

/** The models whose bytes node-thermal-printer makes; epson stays on our own encoder (ticket.job.ts). */
export type ThermalModel = Exclude<PrinterModel, 'epson'>;

// PrinterTypes' values, written out: the library (and pngjs, iconv-lite) loads only when a Star ticket is built, so a
// server of Epson kiosks does not hold it (issue 15). Typed against the enum, so a renamed value fails to compile.
const TYPES: Record<ThermalModel, `${PrinterTypes.STAR}`> = { star: 'star' };

/** A model printed through node-thermal-printer; anything else (epson, absent, unknown) takes our own path. */
export function isThermalModel(model: unknown): model is ThermalModel {
  return typeof model === 'string' && Object.hasOwn(TYPES, model);
}

/**
 * A ticket for a printer that does not speak Epson's raster command, with node-thermal-printer's command set for
 * that model (Star Line Mode: ESC 0, ESC k bands of 24 rows, ESC z 1; cut ESC d 3). The image is our own 1-bit
 * ticket, QR included (the printer's own QR command differs per model), handed over as a 1-bit PNG: black is
 * 0 and white 255, so its threshold (grey < 128) keeps every dot and the paper equals our preview. Only the
 * bytes come from it: they go through our transports (timeouts, confirmation, the /dev rules), never its own.
 */
export async function buildThermalJob(
  data: TicketPrintData,
  opts: PrintOptions & { model: ThermalModel },
): Promise<Buffer> {
  const img = renderTicket(data, { ...opts, mode: 'raster', qr: 'image' });
  const { ThermalPrinter } = await import('node-thermal-printer');
  // No `interface`: node-thermal-printer then builds a buffer only and opens nothing (its typings ask for one).
  const printer = new ThermalPrinter({ type: TYPES[opts.model] as PrinterTypes } as ConstructorParameters<
    typeof ThermalPrinter
  >[0]);
  // ESC @ (initialise) is the same in Star Line Mode; node-thermal-printer's typings do not list initHardware().
  printer.append(Buffer.from([0x1b, 0x40]));
  await printer.printImageBuffer(rasterToPng(img));
  if (opts.cut !== false) printer.partialCut();
  return printer.getBuffer();
}
