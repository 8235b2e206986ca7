/**
 * Exact histograms {whole seconds → count} packed into a BLOB: the number of entries, then for each entry the value
 * (the first zigzag-encoded, so negative seconds survive; then the gap to the previous one) and its count, all as
 * LEB128 varints. No bucket is wider than one second and no value is capped, so a median or P90 read from a merged
 * histogram is the nearest-rank percentile of the very same values the reference (report.aggregate.ts) ranks: the
 * reference puts each wait in bucket floor(ms / 1000) too. A busy day of one area is a few hundred entries, ~1 KB.
 */

function writeVarint(out: number[], v: number): void {
  let n = v;
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

const zigzag = (v: number) => (v >= 0 ? v * 2 : -v * 2 - 1);
const unzigzag = (v: number) => (v % 2 === 0 ? v / 2 : -(v + 1) / 2);

/** Calls `each(value, count)` in ascending value order. */
export function decodeHistogram(blob: Uint8Array | null, each: (value: number, count: number) => void): void {
  if (!blob || blob.length === 0) return;
  let i = 0;
  const read = () => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = blob[i++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 0x80;
    }
  };
  const n = read();
  let value = 0;
  for (let k = 0; k < n; k++) {
    value = k === 0 ? unzigzag(read()) : value + read();
    each(value, read());
  }
}

/** Packs ascending [value, count] pairs (counts > 0); null for an empty histogram. */
export function encodeHistogram(entries: [number, number][]): Buffer | null {
  if (entries.length === 0) return null;
  const out: number[] = [];
  writeVarint(out, entries.length);
  let prev = 0;
  entries.forEach(([v, n], k) => {
    writeVarint(out, k === 0 ? zigzag(v) : v - prev);
    writeVarint(out, n);
    prev = v;
  });
  return Buffer.from(out);
}

/**
 * The blob with `delta` (value → signed change) added; entries that reach zero disappear. A merge walk over the
 * stored entries (already in order) straight into bytes: a call or a finish rewrites a day's histogram of a few
 * thousand entries, so no Map and no sort of them.
 */
export function addToHistogram(blob: Uint8Array | null, delta: Map<number, number>): Buffer | null {
  const ds = [...delta].filter(([, d]) => d !== 0).sort((a, b) => a[0] - b[0]);
  const vals: number[] = [];
  const cnts: number[] = [];
  decodeHistogram(blob, (v, n) => {
    vals.push(v);
    cnts.push(n);
  });
  const outV: number[] = [];
  const outC: number[] = [];
  let i = 0;
  let j = 0;
  while (i < vals.length || j < ds.length) {
    if (j >= ds.length || (i < vals.length && vals[i]! < ds[j]![0])) {
      outV.push(vals[i]!);
      outC.push(cnts[i++]!);
    } else if (i >= vals.length || ds[j]![0] < vals[i]!) {
      outV.push(ds[j]![0]);
      outC.push(ds[j++]![1]);
    } else {
      const n = cnts[i]! + ds[j]![1];
      if (n !== 0) {
        outV.push(vals[i]!);
        outC.push(n);
      }
      i++;
      j++;
    }
  }
  if (outV.length === 0) return null;
  const out = Buffer.allocUnsafe(10 + outV.length * 14);
  let o = 0;
  const put = (x: number) => {
    let n = x;
    while (n >= 0x80) {
      out[o++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    out[o++] = n;
  };
  put(outV.length);
  for (let k = 0; k < outV.length; k++) {
    put(k === 0 ? zigzag(outV[0]!) : outV[k]! - outV[k - 1]!);
    put(outC[k]!);
  }
  return Buffer.from(out.subarray(0, o));
}

/** A pair's two histograms straight into two empty Maps, in ascending order (one blob needs no summing). */
export function pairInto(blob: Uint8Array, waits: Map<number, number>, services: Map<number, number>): void {
  const [w, s] = splitPair(blob);
  decodeHistogram(w, (v, n) => waits.set(v, n));
  decodeHistogram(s, (v, n) => services.set(v, n));
}

/** Where the first of two histograms packed one after the other ends (its entry count, then its entries). */
function histogramEnd(blob: Uint8Array, start: number): number {
  let i = start;
  const read = () => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = blob[i++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 0x80;
    }
  };
  const n = read();
  for (let k = 0; k < 2 * n; k++) read();
  return i;
}

/** Two histograms (waits, services) in one blob: each as above, an empty one as the single byte 0. */
export function splitPair(blob: Uint8Array | null): [Uint8Array | null, Uint8Array | null] {
  if (!blob || blob.length === 0) return [null, null];
  const end = histogramEnd(blob, 0);
  return [blob.subarray(0, end), blob.subarray(end)];
}
export function joinPair(a: Uint8Array | null, b: Uint8Array | null): Buffer | null {
  // One spelling per content (a rebuilt day is byte for byte the day kept write by write): nothing is null.
  const empty = (x: Uint8Array | null) => !x || x.length === 0 || (x.length === 1 && x[0] === 0);
  if (empty(a) && empty(b)) return null;
  return Buffer.concat([empty(a) ? Buffer.from([0]) : a!, empty(b) ? Buffer.from([0]) : b!]);
}

/**
 * Sums many histograms fast: a dense array for 0 … DENSE_CAP seconds (every real wait and service time), grown to
 * the largest value seen (a group of a few short waits costs a few hundred slots, not a day's worth), and a Map
 * beyond it and for negative values, so nothing is ever clipped.
 */
const DENSE_CAP = 6 * 3600;
export class HistogramSum {
  private dense = new Float64Array(0);
  private top = -1;
  private sparse = new Map<number, number>();
  add(blob: Uint8Array | null): void {
    if (blob && blob.length > 0) this.addAt(blob, 0);
  }
  /** Adds every histogram of `blob`, several packed one after the other (as PostgreSQL's string_agg joins them). */
  addPacked(blob: Uint8Array): void {
    let i = 0;
    while (i < blob.length) i = this.addAt(blob, i);
  }
  /** Adds `n` (signed) values `v`. */
  addValue(v: number, n: number): void {
    if (v >= 0 && v < DENSE_CAP) {
      if (v >= this.dense.length) {
        const grown = new Float64Array(Math.min(DENSE_CAP, 2 ** Math.ceil(Math.log2(v + 1)) * 2));
        grown.set(this.dense);
        this.dense = grown;
      }
      this.dense[v]! += n;
      if (v > this.top) this.top = v;
    } else this.sparse.set(v, (this.sparse.get(v) ?? 0) + n);
  }
  /** Adds the waits of a pair to this sum and its services to `services`. */
  addPair(blob: Uint8Array | null, services: HistogramSum): void {
    if (!blob || blob.length === 0) return;
    services.addAt(blob, this.addAt(blob, 0));
  }
  /** decodeHistogram inlined (this loop runs for every entry of every day of a year's report); returns the end. */
  private addAt(blob: Uint8Array, start: number): number {
    let i = start;
    let v = 0;
    let mul = 1;
    let b: number;
    do {
      b = blob[i++]!;
      v += (b & 0x7f) * mul;
      mul *= 0x80;
    } while (b >= 0x80);
    const n = v;
    let value = 0;
    for (let k = 0; k < n; k++) {
      v = 0;
      mul = 1;
      do {
        b = blob[i++]!;
        v += (b & 0x7f) * mul;
        mul *= 0x80;
      } while (b >= 0x80);
      value = k === 0 ? (v % 2 === 0 ? v / 2 : -(v + 1) / 2) : value + v;
      v = 0;
      mul = 1;
      do {
        b = blob[i++]!;
        v += (b & 0x7f) * mul;
        mul *= 0x80;
      } while (b >= 0x80);
      if (value >= 0 && value < DENSE_CAP) {
        if (value >= this.dense.length) {
          const grown = new Float64Array(Math.min(DENSE_CAP, 2 ** Math.ceil(Math.log2(value + 1)) * 2));
          grown.set(this.dense);
          this.dense = grown;
        }
        this.dense[value]! += v;
        if (value > this.top) this.top = value;
      } else this.sparse.set(value, (this.sparse.get(value) ?? 0) + v);
    }
    return i;
  }

  /** Into `target` (value → count), only values with a non-zero count. */
  into(target: Map<number, number>): void {
    const d = this.dense;
    // Into an empty Map (a report's group), nothing to add to: ~3 000 values a busy day, 250 days a year by day.
    if (target.size === 0) {
      for (let v = 0; v <= this.top; v++) if (d[v] !== 0) target.set(v, d[v]!);
    } else {
      for (let v = 0; v <= this.top; v++) if (d[v] !== 0) target.set(v, (target.get(v) ?? 0) + d[v]!);
    }
    for (const [v, n] of this.sparse) {
      const t = (target.get(v) ?? 0) + n;
      if (t === 0) target.delete(v);
      else target.set(v, t);
    }
  }
}
