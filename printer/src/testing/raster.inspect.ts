import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import type { RasterImage } from '../printer.types.ts';
import { blankRaster, getBit, rasterToRgba, setBit, sliceRows } from '../raster.bits.ts';
import { rasterToPng } from '../raster.png.ts';

/** jsqr is CommonJS with an `exports.default`: Node ESM and Vite hand it over differently. */
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

/** Bounding box of black dots, or null when the area is blank. */
export function inkBounds(
  img: RasterImage,
  fromRow = 0,
  toRow = img.height,
): { left: number; right: number; top: number; bottom: number } | null {
  let left = Infinity;
  let right = -1;
  let top = Infinity;
  let bottom = -1;
  for (let y = Math.max(0, fromRow); y < Math.min(img.height, toRow); y++) {
    for (let x = 0; x < img.width; x++) {
      if (!getBit(img, x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return right < 0 ? null : { left, right, top, bottom };
}

export function rowIsBlank(img: RasterImage, y: number): boolean {
  for (let x = 0; x < img.width; x++) if (getBit(img, x, y)) return false;
  return true;
}

/** Nearest-neighbour zoom of some rows, for looking at tone marks up close. */
export function zoomRows(img: RasterImage, from: number, to: number, factor: number): RasterImage {
  const part = sliceRows(img, from, to);
  const out = blankRaster(part.width * factor, part.height * factor);
  for (let y = 0; y < part.height; y++)
    for (let x = 0; x < part.width; x++)
      if (getBit(part, x, y))
        for (let a = 0; a < factor; a++) for (let b = 0; b < factor; b++) setBit(out, x * factor + a, y * factor + b);
  return out;
}

/** Reads a QR code out of a raster the way a phone camera would. */
export function readQr(img: RasterImage): string | null {
  return jsQR(rasterToRgba(img), img.width, img.height)?.data ?? null;
}

export const TEST_OUTPUT_DIR = join(process.cwd(), 'test-output', 'printer');

export function savePng(name: string, pngOrRaster: Buffer | RasterImage): string {
  mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
  const path = join(TEST_OUTPUT_DIR, name);
  writeFileSync(path, Buffer.isBuffer(pngOrRaster) ? pngOrRaster : rasterToPng(pngOrRaster));
  return path;
}
