/** Time comes from here, never from Date.now() in the core, so tests can move it. */
export interface Clock { now(): number }

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now(): number { return this.ms; }
  set(ms: number | string): void { this.ms = typeof ms === 'string' ? Date.parse(ms) : ms; }
  advance(ms: number): void { this.ms += ms; }
}
