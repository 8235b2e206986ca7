import { deflateSync } from 'node:zlib';
import type { RasterImage } from './printer.types.ts';
import { bytesPerRow } from './raster.bits.ts';

/**
 * 1-bit greyscale PNG written by hand: the file holds exactly the dots the printer gets,
 * with no resampling or colour conversion in between.
 */
export function rasterToPng(img: RasterImage): Buffer {
  const bpr = bytesPerRow(img.width);
  const raw = Buffer.alloc((bpr + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    raw[y * (bpr + 1)] = 0; // filter: none
    for (let i = 0; i < bpr; i++) {
      // PNG greyscale 1 = white; ESC/POS 1 = black
      raw[y * (bpr + 1) + 1 + i] = ~(img.bits[y * bpr + i] ?? 0) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td), 0);
  return Buffer.concat([len, td, crc]);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
