import type { AlertDto } from '../contract/dto.ts';
import { businessDay, localParts } from './time/zoned-time.ts';

/** Time comes from here, never from Date.now() in the core, so tests can move it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(ms: number | string): void {
    this.ms = typeof ms === 'string' ? Date.parse(ms) : ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A jump of the machine's clock: `at` is the guarded time when it was seen (before the jump). */
export interface ClockStep {
  kind: 'back' | 'forward';
  deltaMs: number;
  at: number;
  followed: boolean;
}
export interface ClockState {
  highWater: number;
  steps: ClockStep[];
}
/** A clock that remembers its steps (the guard below): the control room's clock alert reads them. */
export interface SteppedClock extends Clock {
  steps(): ClockStep[];
}

export const CLOCK_GUARD = {
  /** A reading this far behind the previous one is a step back (NTP slews smaller offsets anyway). */
  backMs: 2_000,
  /** A reading this far ahead of the previous one (the day-close tick reads every 15 s) is a jump forward. */
  forwardMs: 3_600_000,
  /**
   * Further back than this is taken as the correction of a wrong clock (say a BIOS a day ahead at boot) and
   * followed: holding "now" for days would stop the center's day (and its day close) altogether.
   */
  maxHoldMs: 2 * 3_600_000,
  keepSteps: 20,
};

/**
 * "Now" never runs backwards: max(last, the machine's clock). A clock stepped back (NTP, a person at the
 * BIOS) would otherwise file tickets under yesterday right after midnight, where they expire. The time holds
 * still until the machine's clock catches up; ticket order never depended on it (issue sequence). Each step
 * is kept for the control room. `saved` is the mark persisted before a restart (storage/clock.repository.ts).
 */
export class MonotonicGuardClock implements SteppedClock {
  private last: number;
  private lastRaw: number | null = null;
  private list: ClockStep[];

  constructor(
    private readonly inner: Clock,
    saved?: Partial<ClockState>,
    private readonly opts = CLOCK_GUARD,
  ) {
    this.last = saved?.highWater ?? Number.NEGATIVE_INFINITY;
    this.list = [...(saved?.steps ?? [])];
  }

  now(): number {
    const raw = this.inner.now();
    // Before the first reading the reference is the saved mark: a restart behind it is a step back, but a
    // restart after a night switched off is not a jump forward.
    const ref = this.lastRaw ?? this.last;
    if (Number.isFinite(ref) && raw < ref - this.opts.backMs) {
      const followed = this.last - raw > this.opts.maxHoldMs;
      this.record({ kind: 'back', deltaMs: ref - raw, at: this.last, followed });
      if (followed) this.last = raw;
    } else if (this.lastRaw !== null && raw - this.lastRaw > this.opts.forwardMs) {
      this.record({
        kind: 'forward',
        deltaMs: raw - this.lastRaw,
        at: Math.max(this.last, this.lastRaw),
        followed: true,
      });
    }
    this.lastRaw = raw;
    if (raw > this.last) this.last = raw;
    return this.last;
  }

  steps(): ClockStep[] {
    return [...this.list];
  }

  /** What to persist: the high-water mark and the recent steps. */
  state(): ClockState {
    return { highWater: this.last, steps: this.steps() };
  }

  private record(step: ClockStep): void {
    this.list.push(step);
    if (this.list.length > this.opts.keepSteps) this.list.splice(0, this.list.length - this.opts.keepSteps);
  }
}

/** "5 phút", "2 giờ 30 phút", "3 ngày": how far the clock jumped, as a person says it. */
export function stepDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} giây`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} phút`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} giờ ${min % 60} phút` : `${h} giờ`;
  return `${Math.round(h / 24)} ngày`;
}

/** The control room's words for a clock step, with the time it happened in the center's zone. */
export function clockStepText(step: ClockStep, timeZone: string): string {
  const p = localParts(step.at, timeZone);
  const at = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  const d = stepDuration(step.deltaMs);
  if (step.kind === 'forward') return `Đồng hồ máy chủ nhảy tới ${d} lúc ${at}. Hãy kiểm tra giờ máy chủ (NTP).`;
  if (step.followed)
    return `Đồng hồ máy chủ bị lùi ${d} lúc ${at}, quá xa để giữ giờ cũ: hệ thống đã theo giờ mới. Hãy kiểm tra giờ máy chủ (NTP).`;
  return `Đồng hồ máy chủ bị lùi ${d} lúc ${at}; hệ thống giữ thứ tự vé theo trình tự cấp số.`;
}

/** The steps seen on the current business day, as control-room alerts, newest first. */
export function clockStepAlerts(steps: ClockStep[], now: number, timeZone: string): AlertDto[] {
  const today = businessDay(now, timeZone);
  return steps
    .filter((s) => businessDay(s.at, timeZone) === today)
    .reverse()
    .map((s) => ({
      kind: 'clock_step',
      key: `clock:${s.kind}:${s.at}`,
      severity: s.kind === 'back' && !s.followed ? 'medium' : 'high',
      text: clockStepText(s, timeZone),
    }));
}
