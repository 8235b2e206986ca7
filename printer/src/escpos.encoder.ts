import type { RasterImage } from './printer.types.ts';
import { bytesPerRow, sliceRows } from './raster.bits.ts';

/**
 * Our own ESC/POS byte builder, for model epson (the default). node-thermal-printer's Epson type is
 * not used for these bytes: its text path re-encodes strings per character (mangling Vietnamese) and
 * its image is one GS v 0 block (no bands). It makes the bytes of the other models (thermal.job.ts).
 * Only documented Epson commands.
 */
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** Rows per GS v 0 block: small blocks keep cheap printers' receive buffers from overflowing. */
export const RASTER_BAND_ROWS = 128;

export type QrEcc = 'L' | 'M' | 'Q' | 'H';

export class EscPosBuilder {
  private readonly parts: Uint8Array[] = [];

  raw(bytes: ArrayLike<number>): this {
    this.parts.push(Uint8Array.from(bytes));
    return this;
  }
  /** ESC @: clears modes left over from a previous job (bold, size, code page). */
  init(): this {
    return this.raw([ESC, 0x40]);
  }
  /** ESC a n: 0 left, 1 centre, 2 right. */
  align(a: 'left' | 'center' | 'right'): this {
    return this.raw([ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2]);
  }
  /** ESC t n: character code table. */
  codePage(n: number): this {
    return this.raw([ESC, 0x74, n & 0xff]);
  }
  /** ESC E n */
  bold(on: boolean): this {
    return this.raw([ESC, 0x45, on ? 1 : 0]);
  }
  /** GS ! n: width and height multipliers 1..8. */
  size(w: number, h: number): this {
    const cw = Math.max(1, Math.min(8, Math.floor(w))) - 1;
    const ch = Math.max(1, Math.min(8, Math.floor(h))) - 1;
    return this.raw([GS, 0x21, (cw << 4) | ch]);
  }
  text(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }
  newline(): this {
    return this.raw([LF]);
  }
  /** ESC d n: print and feed n lines. */
  feed(lines: number): this {
    return this.raw([ESC, 0x64, Math.max(0, Math.min(255, lines))]);
  }
  /** GS v 0 m=0, in bands of RASTER_BAND_ROWS rows. */
  raster(img: RasterImage): this {
    const bpr = bytesPerRow(img.width);
    for (let y = 0; y < img.height; y += RASTER_BAND_ROWS) {
      const band = sliceRows(img, y, Math.min(img.height, y + RASTER_BAND_ROWS));
      this.raw([GS, 0x76, 0x30, 0, bpr & 0xff, bpr >> 8, band.height & 0xff, band.height >> 8]);
      this.parts.push(band.bits);
    }
    return this;
  }
  /** GS ( k, QR model 2: select model, module size, error correction, store, print. */
  qr(payload: string, moduleDots: number, ecc: QrEcc = 'M'): this {
    const data = new TextEncoder().encode(payload);
    const len = data.length + 3;
    const eccByte = { L: 48, M: 49, Q: 50, H: 51 }[ecc];
    this.raw([GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0]);
    this.raw([GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, Math.max(1, Math.min(16, moduleDots))]);
    this.raw([GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, eccByte]);
    this.raw([GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30]);
    this.parts.push(data);
    return this.raw([GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]);
  }
  /** GS V 1: partial cut, so the ticket hangs on a hinge instead of dropping to the floor. */
  cut(): this {
    return this.raw([GS, 0x56, 0x01]);
  }
  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** DLE EOT n: 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}
