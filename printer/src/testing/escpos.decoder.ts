import QRCode from 'qrcode';
import type { RasterImage } from '../printer.types.ts';
import { blankRaster, bytesPerRow, setBit, stackRows } from '../raster.bits.ts';
import { rasterToPng } from '../raster.png.ts';
import { decodeCp1258 } from '../cp1258.encoder.ts';
import { decodeTcvn3 } from '../tcvn3.encoder.ts';

/** Parses an ESC/POS stream back into commands, for tests and the fake printer. */
export type EscPosCommand =
  | { type: 'init' }
  | { type: 'align'; value: 'left' | 'center' | 'right' }
  | { type: 'codepage'; n: number }
  | { type: 'bold'; on: boolean }
  | { type: 'size'; w: number; h: number }
  | { type: 'reverse'; on: boolean }
  | { type: 'raster'; image: RasterImage }
  | { type: 'qr'; payload: string; moduleDots: number; ecc: 'L' | 'M' | 'Q' | 'H' }
  | { type: 'text'; bytes: Uint8Array; codePage: number; text: string }
  | { type: 'newline' }
  | { type: 'feed'; lines: number }
  | { type: 'cut'; mode: number }
  | { type: 'status'; n: number }
  | { type: 'unknown'; bytes: Uint8Array };

export interface DecoderState {
  codePage: number;
  qrModule: number;
  qrEcc: 'L' | 'M' | 'Q' | 'H';
  qrStored: string;
}

export function newDecoderState(): DecoderState {
  return { codePage: 0, qrModule: 3, qrEcc: 'L', qrStored: '' };
}

function decodeText(bytes: Uint8Array, page: number): string {
  if (page === 52) return decodeCp1258(bytes);
  if (page === 30 || page === 31) return decodeTcvn3(bytes, page === 31);
  return Buffer.from(bytes).toString('latin1');
}

/** One command at pos, or null when the buffer ends inside it (stream still arriving). */
export function parseOne(
  buf: Uint8Array,
  pos: number,
  st: DecoderState,
): { cmd: EscPosCommand | null; next: number } | null {
  const b0 = buf[pos];
  if (b0 === undefined) return null;
  const need = (n: number) => pos + n <= buf.length;
  const at = (i: number) => buf[pos + i] ?? 0;
  if (b0 === 0x0a) return { cmd: { type: 'newline' }, next: pos + 1 };
  if (b0 === 0x10) {
    if (!need(3)) return null;
    if (at(1) === 0x04) return { cmd: { type: 'status', n: at(2) }, next: pos + 3 };
    return { cmd: { type: 'unknown', bytes: buf.slice(pos, pos + 2) }, next: pos + 2 };
  }
  if (b0 === 0x1b) {
    if (!need(2)) return null;
    const c = at(1);
    if (c === 0x40) return { cmd: { type: 'init' }, next: pos + 2 };
    if (!need(3)) return null;
    const n = at(2);
    if (c === 0x61)
      return {
        cmd: { type: 'align', value: n % 48 === 0 ? 'left' : n % 48 === 1 ? 'center' : 'right' },
        next: pos + 3,
      };
    if (c === 0x74) {
      st.codePage = n;
      return { cmd: { type: 'codepage', n }, next: pos + 3 };
    }
    if (c === 0x45) return { cmd: { type: 'bold', on: (n & 1) === 1 }, next: pos + 3 };
    if (c === 0x64) return { cmd: { type: 'feed', lines: n }, next: pos + 3 };
    return { cmd: { type: 'unknown', bytes: buf.slice(pos, pos + 3) }, next: pos + 3 };
  }
  if (b0 === 0x1d) {
    if (!need(2)) return null;
    const c = at(1);
    if (c === 0x56) {
      if (!need(3)) return null;
      const m = at(2);
      const len = m >= 65 ? 4 : 3;
      if (!need(len)) return null;
      return { cmd: { type: 'cut', mode: m }, next: pos + len };
    }
    if (c === 0x21 || c === 0x42) {
      if (!need(3)) return null;
      const n = at(2);
      const cmd: EscPosCommand =
        c === 0x21 ? { type: 'size', w: (n >> 4) + 1, h: (n & 15) + 1 } : { type: 'reverse', on: (n & 1) === 1 };
      return { cmd, next: pos + 3 };
    }
    if (c === 0x76) {
      if (!need(8)) return null;
      const bpr = at(4) | (at(5) << 8);
      const rows = at(6) | (at(7) << 8);
      const end = pos + 8 + bpr * rows;
      if (end > buf.length) return null;
      const image = { width: bpr * 8, height: rows, bits: buf.slice(pos + 8, end) };
      return { cmd: { type: 'raster', image }, next: end };
    }
    if (c === 0x28 && at(2) === 0x6b) {
      if (!need(5)) return null;
      const len = at(3) | (at(4) << 8);
      const end = pos + 5 + len;
      if (end > buf.length) return null;
      const fn = at(6);
      if (fn === 0x43) st.qrModule = at(7);
      if (fn === 0x45) st.qrEcc = (['L', 'M', 'Q', 'H'] as const)[at(7) - 48] ?? 'L';
      if (fn === 0x50) st.qrStored = Buffer.from(buf.slice(pos + 8, end)).toString('utf8');
      if (fn === 0x51)
        return { cmd: { type: 'qr', payload: st.qrStored, moduleDots: st.qrModule, ecc: st.qrEcc }, next: end };
      return { cmd: null, next: end };
    }
    return { cmd: { type: 'unknown', bytes: buf.slice(pos, pos + 2) }, next: pos + 2 };
  }
  // DEL is no text either; taking it for an empty text run would never move pos (a fake printer fed a
  // non-ESC/POS stream then spun forever).
  if (b0 < 0x20 || b0 === 0x7f) return { cmd: { type: 'unknown', bytes: buf.slice(pos, pos + 1) }, next: pos + 1 };
  let end = pos;
  while (end < buf.length && (buf[end] ?? 0) >= 0x20 && buf[end] !== 0x7f) end++;
  const bytes = buf.slice(pos, end);
  return { cmd: { type: 'text', bytes, codePage: st.codePage, text: decodeText(bytes, st.codePage) }, next: end };
}

export function decodeEscPos(buf: Uint8Array): { commands: EscPosCommand[]; truncated: boolean } {
  const st = newDecoderState();
  const commands: EscPosCommand[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const r = parseOne(buf, pos, st);
    if (!r) return { commands, truncated: true };
    if (r.cmd) commands.push(r.cmd);
    pos = r.next;
  }
  return { commands, truncated: false };
}

/** What the printer's own QR would look like: same library, ECC and module size, centred. */
export function simulateQr(
  payload: string,
  moduleDots: number,
  ecc: 'L' | 'M' | 'Q' | 'H',
  width: number,
): RasterImage {
  const code = QRCode.create(payload || ' ', { errorCorrectionLevel: ecc });
  const n = code.modules.size;
  const img = blankRaster(width, n * moduleDots);
  const x0 = Math.floor((width - n * moduleDots) / 2);
  for (let my = 0; my < n; my++)
    for (let mx = 0; mx < n; mx++)
      if (code.modules.data[my * n + mx])
        for (let dy = 0; dy < moduleDots; dy++)
          for (let dx = 0; dx < moduleDots; dx++) setBit(img, x0 + mx * moduleDots + dx, my * moduleDots + dy);
  return img;
}

/** All raster blocks stacked (and native QRs drawn in place) as the paper would come out. */
export function paperImage(commands: EscPosCommand[]): RasterImage {
  const width = commands.find((c) => c.type === 'raster')?.image.width ?? 576;
  const parts: RasterImage[] = [];
  for (const c of commands) {
    if (c.type === 'raster') parts.push(c.image);
    if (c.type === 'qr') parts.push(simulateQr(c.payload, c.moduleDots, c.ecc, width));
  }
  return parts.length ? stackRows(parts) : blankRaster(width, 0);
}

export function paperPng(commands: EscPosCommand[]): Buffer {
  return rasterToPng(paperImage(commands));
}

/** Printed text lines, decoded through the code page that was active for each run. */
export function textLines(commands: EscPosCommand[]): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const c of commands) {
    if (c.type === 'text') cur += c.text;
    if (c.type === 'newline') {
      lines.push(cur.normalize('NFC'));
      cur = '';
    }
  }
  if (cur) lines.push(cur.normalize('NFC'));
  return lines;
}

export { bytesPerRow };
