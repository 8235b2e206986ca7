import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramPercentile } from '../core/reports/report.aggregate.ts';
import { addToHistogram, decodeHistogram, HistogramSum } from './report.histogram.ts';

const decoded = (b: Uint8Array | null) => {
  const m = new Map<number, number>();
  decodeHistogram(b, (v, n) => m.set(v, n));
  return m;
};
/** The nearest-rank percentile of the raw values, sorted: what a report must print. */
const exact = (values: number[], p: number) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil((p / 100) * values.length)) - 1]! : null;

describe('exact histograms in a blob', () => {
  it('split into blobs (days), stored and summed, give the median and P90 of the very values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -5_000, max: 200_000 }), { maxLength: 60 }), { maxLength: 8 }),
        (days) => {
          const sum = new HistogramSum();
          for (const values of days) {
            let blob: Buffer | null = null;
            // One write at a time, as the transactions do; a value taken back and put again changes nothing.
            for (const v of values) {
              blob = addToHistogram(blob, new Map([[v, 1]]));
              blob = addToHistogram(addToHistogram(blob, new Map([[v, -1]])), new Map([[v, 1]]));
            }
            sum.add(blob);
          }
          const merged = new Map<number, number>();
          sum.into(merged);
          const all = days.flat();
          expect([...merged.values()].reduce((a, b) => a + b, 0)).toBe(all.length);
          for (const p of [50, 90, 100]) expect(histogramPercentile(merged, p)).toBe(exact(all, p));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('drops an entry that reaches zero and is empty (null) with none left', () => {
    const b = addToHistogram(
      null,
      new Map([
        [7, 2],
        [-3, 1],
      ]),
    );
    expect(decoded(b)).toEqual(
      new Map([
        [-3, 1],
        [7, 2],
      ]),
    );
    expect(decoded(addToHistogram(b, new Map([[7, -2]])))).toEqual(new Map([[-3, 1]]));
    expect(
      addToHistogram(
        b,
        new Map([
          [7, -2],
          [-3, -1],
        ]),
      ),
    ).toBeNull();
  });
});
