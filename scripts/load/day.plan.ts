/**
 * The busy day as data: when each citizen arrives, for which area, and how long each service lasts.
 * Pure and seeded, so a failing run can be replayed with the same arrivals.
 *
 * Simulated time runs from 07:00 to 16:30 (570 minutes). `daySeconds` real seconds stand for that span,
 * so one simulated minute lasts daySeconds·1000/570 ms (30 s → 53 ms, i.e. the day ~1140× faster).
 */
export const DAY_MINUTES = 570;

/**
 * Arrivals per hour, relative: a morning peak (08:00–10:00), nothing during the lunch break
 * (11:30–13:30: the demo center issues 07:00–11:30 and 13:30–16:30) and an afternoon peak (14:00–15:00).
 * Each entry is [from minute since 07:00, to minute, weight].
 */
const PROFILE: [number, number, number][] = [
  [0, 60, 1],
  [60, 120, 3],
  [120, 180, 3.5],
  [180, 240, 2],
  [240, 270, 1],
  [270, 390, 0],
  [390, 420, 1.5],
  [420, 480, 3],
  [480, 540, 2],
  [540, 570, 0.8],
];

/**
 * Share of tickets per demo area: roughly the counters serving it (counters 1–2 share LLTP and HTCT,
 * counter 9 serves CTGD and GDDT), trimmed for LDVL and YTE so 2000 tickets stay inside every daily limit.
 */
export const AREA_WEIGHTS: Record<string, number> = {
  LLTP: 1,
  HTCT: 1,
  DKKD: 1,
  XDGT: 2,
  DDMT: 1,
  LDVL: 0.8,
  YTE: 0.8,
  CTGD: 0.5,
  GDDT: 0.5,
  XNC: 2,
  BHXH: 1,
};

export interface Arrival {
  i: number;
  atMin: number;
  areaCode: string;
  priority: boolean;
  doubleTap: boolean;
}

/** mulberry32: small, fast, good enough to pick arrivals; seeded so runs repeat. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Minute of the day at which the cumulative arrival share reaches u (0–1): the inverse of the profile's CDF. */
function minuteAt(u: number): number {
  const total = PROFILE.reduce((s, [a, b, w]) => s + (b - a) * w, 0);
  let left = u * total;
  for (const [a, b, w] of PROFILE) {
    const mass = (b - a) * w;
    if (w > 0 && left <= mass) return a + left / w;
    left -= mass;
  }
  return DAY_MINUTES;
}

/** Exact counts per area by largest remainder, so a run never exceeds a daily limit by chance. */
function areaCounts(n: number): [string, number][] {
  const total = Object.values(AREA_WEIGHTS).reduce((s, w) => s + w, 0);
  const raw = Object.entries(AREA_WEIGHTS).map(([code, w]) => [code, (n * w) / total] as const);
  const counts = raw.map(([code, x]) => [code, Math.floor(x), x - Math.floor(x)] as [string, number, number]);
  let missing = n - counts.reduce((s, [, c]) => s + c, 0);
  for (const row of [...counts].sort((a, b) => b[2] - a[2])) if (missing-- > 0) row[1]++;
  return counts.map(([code, c]) => [code, c]);
}

export function planDay(opts: {
  tickets: number;
  seed: number;
  priorityShare?: number;
  doubleTapShare?: number;
}): Arrival[] {
  const rand = rng(opts.seed);
  const codes = areaCounts(opts.tickets).flatMap(([code, c]) => Array.from({ length: c }, () => code));
  for (let i = codes.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [codes[i], codes[j]] = [codes[j]!, codes[i]!];
  }
  // Stratified draws: the day's shape holds even for a few hundred tickets.
  return codes.map((areaCode, i) => ({
    i,
    atMin: minuteAt((i + rand()) / opts.tickets),
    areaCode,
    priority: rand() < (opts.priorityShare ?? 0.05),
    doubleTap: rand() < (opts.doubleTapShare ?? 0.03),
  }));
}

/**
 * Mean service in simulated minutes so that 12 counters run at about 70 % of their capacity over the day
 * (2000 tickets → 2.4 min, 600 → 8 min): the queue builds at the peaks and drains after them.
 */
export function serviceMeanMin(tickets: number, counters = 12): number {
  return (0.7 * counters * DAY_MINUTES) / tickets;
}
