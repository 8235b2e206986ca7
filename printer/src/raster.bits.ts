import type { RasterImage } from './printer.types.ts';

export function bytesPerRow(width: number): number {
  return Math.ceil(width / 8);
}

/**
 * RGBA (drawn black on white) → 1-bit. Threshold a bit above mid-grey: thermal dots
 * spread a little, and anti-aliased edges of small Vietnamese tone marks vanish at 128.
 */
export function thresholdRgba(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  threshold = 150,
): RasterImage {
  const img = { width, height, bits: new Uint8Array(bytesPerRow(width) * height) };
  thresholdInto(img, rgba, { x: 0, y: 0, w: width, h: height }, threshold);
  return img;
}

/** Thresholds the RGBA pixels of one region (read at `at`) into `img`, setting the dark dots (the others untouched). */
export function thresholdInto(
  img: RasterImage,
  rgba: Uint8ClampedArray | Uint8Array,
  at: { x: number; y: number; w: number; h: number },
  threshold = 150,
): void {
  const bpr = bytesPerRow(img.width);
  const bits = img.bits;
  let i = 0;
  for (let ry = 0; ry < at.h; ry++) {
    const row = (at.y + ry) * bpr;
    for (let x = at.x, end = at.x + at.w; x < end; x++, i += 4) {
      const r = rgba[i]!,
        g = rgba[i + 1]!,
        b = rgba[i + 2]!,
        alpha = rgba[i + 3]!;
      // Opaque white (most of a ticket, even around text) is paper whatever the threshold: skip the arithmetic.
      if ((r & g & b & alpha) === 255) continue;
      const a = alpha / 255;
      // composite on white so transparent pixels read as paper
      const lum = (0.299 * r + 0.587 * g + 0.114 * b) * a + 255 * (1 - a);
      if (lum < threshold) bits[row + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
}

export function getBit(img: RasterImage, x: number, y: number): boolean {
  const bpr = bytesPerRow(img.width);
  return ((img.bits[y * bpr + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

export function setBit(img: RasterImage, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
  const bpr = bytesPerRow(img.width);
  img.bits[y * bpr + (x >> 3)]! |= 0x80 >> (x & 7);
}

export function sliceRows(img: RasterImage, from: number, to: number): RasterImage {
  const bpr = bytesPerRow(img.width);
  const a = Math.max(0, Math.min(img.height, from));
  const b = Math.max(a, Math.min(img.height, to));
  return { width: img.width, height: b - a, bits: img.bits.slice(a * bpr, b * bpr) };
}

export function stackRows(parts: RasterImage[]): RasterImage {
  const width = parts[0]?.width ?? 0;
  if (parts.some((p) => p.width !== width)) throw new Error('raster parts differ in width');
  const height = parts.reduce((n, p) => n + p.height, 0);
  const bits = new Uint8Array(bytesPerRow(width) * height);
  let off = 0;
  for (const p of parts) {
    bits.set(p.bits, off);
    off += p.bits.length;
  }
  return { width, height, bits };
}

export function blankRaster(width: number, height: number): RasterImage {
  return { width, height, bits: new Uint8Array(bytesPerRow(width) * height) };
}

/** Back to RGBA (for decoders and QR readers). */
export function rasterToRgba(img: RasterImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = getBit(img, x, y) ? 0 : 255;
      const i = (y * img.width + x) * 4;
      out[i] = v;
      out[i + 1] = v;
      out[i + 2] = v;
      out[i + 3] = 255;
    }
  }
  return out;
}
