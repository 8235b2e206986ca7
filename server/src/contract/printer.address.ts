import { z } from 'zod';
import { parsePrinterAddress } from '../../../printer/src/address.parser.ts';
import { PRINTER_MODELS, type PrinterModel } from './print.job.ts';

/** What a person is told when an address is refused (the admin form shows the same words). */
export const PRINTER_ADDRESS_HINT =
  'Địa chỉ máy in không hợp lệ: dùng tcp://192.168.1.50:9100, cups://TÊN_MÁY_IN, một máy in dưới /dev (/dev/usb/lp0, /dev/ttyUSB0…), agent hoặc browser.';

/**
 * `agent` (a print agent beside the kiosk), `browser` (the kiosk prints its page) or an address the printer
 * module parses: a network printer, a CUPS queue, a printer device under /dev/. Nothing that writes a file.
 */
export function isPrinterAddress(s: string): boolean {
  if (s === 'agent' || s === 'browser') return true;
  try {
    parsePrinterAddress(s);
    return true;
  } catch {
    return false;
  }
}

/** A kiosk's printer model, kept in its device settings as `printerModel` (absent: epson). */
export const printerModelSchema = z.enum(PRINTER_MODELS);

/** What the admin form shows for each model (Vietnamese first). */
export const PRINTER_MODEL_LABEL: Record<PrinterModel, string> = {
  epson: 'Epson / ESC/POS (mặc định)',
  star: 'Star (Star Line Mode)',
};

export const PRINTER_MODEL_HINT = `Loại máy in không hợp lệ: dùng ${PRINTER_MODELS.join(', ')}.`;

/** The model a kiosk prints with: its settings' `printerModel`, and epson for anything else (absent, stale). */
export function printerModelOf(settings: Record<string, unknown> | null | undefined): PrinterModel {
  const r = printerModelSchema.safeParse(settings?.printerModel);
  return r.success ? r.data : 'epson';
}
