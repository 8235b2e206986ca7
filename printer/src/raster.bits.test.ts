import { describe, expect, it } from 'vitest';
import { getBit, thresholdInto, thresholdRgba } from './raster.bits.ts';

/** One RGBA pixel per entry, in a row. */
const row = (...px: [number, number, number, number][]) => new Uint8ClampedArray(px.flat());

describe('RGBA → 1-bit', () => {
  it('black is a dot; white, light grey and transparent are paper; dark grey and half-transparent black are dots', () => {
    const img = thresholdRgba(
      row([0, 0, 0, 255], [255, 255, 255, 255], [200, 200, 200, 255], [0, 0, 0, 0], [90, 90, 90, 255], [0, 0, 0, 160]),
      6,
      1,
    );
    expect([0, 1, 2, 3, 4, 5].map((x) => getBit(img, x, 0))).toEqual([true, false, false, false, true, true]);
  });

  it('a region lands at its place in the raster, and leaves the dots around it as they were', () => {
    const img = { width: 16, height: 3, bits: new Uint8Array(2 * 3) };
    img.bits[0] = 0x80; // (0, 0) already set
    thresholdInto(img, row([0, 0, 0, 255], [255, 255, 255, 255], [0, 0, 0, 255], [255, 255, 255, 254]), {
      x: 9,
      y: 1,
      w: 2,
      h: 2,
    });
    const set = [];
    for (let y = 0; y < 3; y++) for (let x = 0; x < 16; x++) if (getBit(img, x, y)) set.push([x, y]);
    expect(set).toEqual([
      [0, 0],
      [9, 1],
      [9, 2],
    ]);
  });
});
