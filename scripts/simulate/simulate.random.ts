/**
 * A small seeded PRNG (mulberry32) and the few distributions the simulation draws from. Math.random() would make
 * two runs with one `--seed` differ; this gives the same history, draw for draw.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Uniform in [min, max). */
export const uniform = (rng: Rng, min: number, max: number): number => min + (max - min) * rng.next();

export const chance = (rng: Rng, p: number): boolean => rng.next() < p;

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.min(list.length - 1, Math.floor(rng.next() * list.length))]!;
}

/** Index drawn with the given (non-negative, not all zero) weights. */
export function weighted(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** Standard normal (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Log-normal with the given median and shape: service times are skewed, a few take far longer than most. */
export const logNormal = (rng: Rng, median: number, sigma: number): number => median * Math.exp(sigma * normal(rng));

/** A cumulative table to draw from a fixed weighted distribution many times, by binary search. */
export function cumulative(weights: readonly number[]): (rng: Rng) => number {
  const acc: number[] = [];
  let s = 0;
  for (const w of weights) acc.push((s += w));
  return (rng) => {
    const x = rng.next() * s;
    let lo = 0;
    let hi = acc.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (acc[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
