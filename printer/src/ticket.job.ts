import type { PrintOptions, TicketPrintData } from './printer.types.ts';
import { EscPosBuilder } from './escpos.encoder.ts';
import { renderTicket } from './ticket.layout.ts';
import { sliceRows } from './raster.bits.ts';
import { buildTextTicketJob } from './ticket.textmode.ts';

/** Lines fed before the cut so the last printed line clears the cutter blade. */
export const FEED_BEFORE_CUT = 4;

/**
 * The full ESC/POS stream. Raster mode: ESC @, the image above the QR (GS v 0), the QR
 * (GS ( k, centred), the image below it, feed, cut. With opts.qr = 'image' the QR is in
 * the one image and no GS ( k is sent.
 */
export function buildTicketJob(data: TicketPrintData, opts: PrintOptions = {}): Buffer {
  if (opts.mode === 'text') return buildTextTicketJob(data, opts);
  const img = renderTicket(data, opts);
  const b = new EscPosBuilder().init().align('left');
  if (img.nativeQr) {
    const q = img.nativeQr;
    b.raster(sliceRows(img, 0, q.top));
    b.align('center').qr(q.payload, q.moduleDots, q.ecc).align('left');
    b.raster(sliceRows(img, q.top + q.height, img.height));
  } else {
    b.raster(img);
  }
  b.feed(FEED_BEFORE_CUT);
  if (opts.cut !== false) b.cut();
  return b.build();
}
