import type { CenterSettings } from '../../server/src/contract/settings.schema.ts';
import type { Actor, Area, Counter } from '../../server/src/core/entities.ts';
import { centerHours, dayStartMs, minuteWeights, weekdayOf, windowsOf } from './simulate.calendar.ts';
import { cumulative, mulberry32, uniform, type Rng } from './simulate.random.ts';

/** The simulated center: its areas with their demand and service times, and the counters a simulated clerk holds. */

export interface SimCounter {
  counter: Counter;
  clerk: Extract<Actor, { kind: 'user' }>;
  /** The counter's rating pad: a rating comes only from the pad of the counter that served the citizen. */
  pad: Extract<Actor, { kind: 'device' }>;
}

export interface SimArea {
  area: Area;
  /** Share of the day's citizens (relative). */
  weight: number;
  /** Median service time, seconds (log-normal, shape SIGMA). */
  medianSec: number;
  counters: SimCounter[];
}

export interface CenterModel {
  areas: SimArea[];
  counters: SimCounter[];
  /** Opening minutes of the longest day: a day with fewer gets that share of `--per-day`. */
  fullDayMinutes: number;
}

export const SIGMA = 0.5;
/** Walking to the counter, greeting, the pause between two citizens: about a minute a ticket besides service. */
const OVERHEAD_MIN = 1;
/** Counters are planned to be busy at most this share of the day, so each day's queue empties. */
const UTILISATION = 0.8;

const hash = (s: string) => [...s].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);

export const openMinutes = (windows: Array<[number, number]>) => windows.reduce((s, [a, b]) => s + b - a, 0);

/**
 * Demand follows an area's daily limit (where it has one), so a busy day stays under each limit; medians of
 * 3–12 minutes per area, drawn from the seed. When the counters serving an area could not serve its share at
 * those medians, service is shortened to fit (a day that never closes shows nothing real).
 */
export function buildModel(
  areas: Area[],
  counters: SimCounter[],
  settings: CenterSettings,
  perDay: number,
  seed: number,
): CenterModel {
  const hours = centerHours(settings);
  const fullDayMinutes = Math.max(...Array.from({ length: 7 }, (_, d) => openMinutes(windowsOf(hours, d))));
  const served = areas
    .filter((a) => a.active && a.open)
    .map((area) => ({
      area,
      weight: area.dailyLimit ?? 200,
      medianSec: 60 * uniform(mulberry32(seed ^ hash(area.code)), 3, 12),
      counters: counters.filter((c) => c.counter.areaIds.includes(area.id)),
    }))
    .filter((a) => a.counters.length > 0);
  const totalWeight = served.reduce((s, a) => s + a.weight, 0);
  const meanFactor = Math.exp((SIGMA * SIGMA) / 2);
  const count = new Map(served.map((a) => [a.area.id, (perDay * a.weight) / totalWeight]));
  const load = new Map(
    served.map((a) => [a.area.id, count.get(a.area.id)! * (OVERHEAD_MIN + (a.medianSec / 60) * meanFactor)]),
  );
  for (const a of served) {
    // A counter's time is shared among its areas by their load.
    const capacity = a.counters.reduce((s, c) => {
      const total = c.counter.areaIds.reduce((t, id) => t + (load.get(id) ?? 0), 0);
      return s + (fullDayMinutes * UTILISATION * load.get(a.area.id)!) / total;
    }, 0);
    const n = count.get(a.area.id)!;
    const fit = (capacity / n - OVERHEAD_MIN) / ((a.medianSec / 60) * meanFactor);
    a.medianSec *= Math.min(1, Math.max(0.1, fit));
  }
  return { areas: served, counters, fullDayMinutes };
}

export interface Arrival {
  at: number;
  area: SimArea;
  priority: boolean;
  priorityGroup: string | null;
}

const PRIORITY_SHARE = 0.08;

/** The day's citizens: how many by the day's opening minutes, each at a time drawn from its area's waves. */
export function arrivals(
  model: CenterModel,
  day: string,
  settings: CenterSettings,
  perDay: number,
  rng: Rng,
): Arrival[] {
  const tz = settings.timeZone;
  const hours = centerHours(settings);
  const open = openMinutes(windowsOf(hours, weekdayOf(day)));
  const center = minuteWeights(hours, day, tz);
  // An area keeps its own hours, within the center's (clerks hold counters in the center's hours).
  const areas = model.areas
    .map((a) => ({ a, w: minuteWeights(a.area.hours ?? hours, day, tz).map((x, m) => (center[m]! > 0 ? x : 0)) }))
    .filter((x) => x.w.some((v) => v > 0));
  if (!areas.length || open === 0) return [];
  const start = dayStartMs(day, tz);
  const drawArea = cumulative(areas.map((x) => x.a.weight));
  const drawMinute = areas.map((x) => cumulative(x.w));
  const groups = settings.priorityGroups;
  const n = Math.round((perDay * open) / model.fullDayMinutes);
  const out: Arrival[] = [];
  for (let i = 0; i < n; i++) {
    const k = drawArea(rng);
    const minute = drawMinute[k]!(rng);
    const priority = rng.next() < PRIORITY_SHARE;
    out.push({
      at: Math.floor(start + minute * 60_000 + rng.next() * 60_000),
      area: areas[k]!.a,
      priority,
      priorityGroup: priority && groups.length ? groups[Math.floor(rng.next() * groups.length)]! : null,
    });
  }
  return out.sort((x, y) => x.at - y.at);
}
