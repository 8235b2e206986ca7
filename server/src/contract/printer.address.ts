import { parsePrinterAddress } from '../../../printer/src/address.parser.ts';

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
