import { describe, expect, it } from 'vitest';
import { CLOCK_GUARD } from '../core/clock.ts';
import { coreHarness } from '../testing/core.harness.testing.ts';
import { createClockRepository } from './clock.repository.ts';

describe('the clock high-water mark on disk', () => {
  it('saves when the mark moved a second or a step was seen, and loads it back with its steps', () => {
    const h = coreHarness();
    const repo = createClockRepository(h.db);
    const t0 = h.clock.now() + 60_000;
    expect(repo.save({ highWater: t0, steps: [] })).toBe(true);
    expect(repo.save({ highWater: t0 + 500, steps: [] })).toBe(false); // under a second: no write
    const step = { kind: 'back' as const, deltaMs: 300_000, at: t0, followed: false };
    expect(repo.save({ highWater: t0 + 500, steps: [step] })).toBe(true);
    expect(createClockRepository(h.db).load()).toEqual({ highWater: t0 + 500, steps: [step] });
  });

  it('is raised to the latest moment the journal recorded (a crash between two saves), but not to one from before a followed correction', () => {
    const h = coreHarness();
    const repo = createClockRepository(h.db);
    const t0 = h.clock.now() + 60_000;
    repo.save({ highWater: t0, steps: [] });
    h.store.journal.audit({ at: t0 + 20_000, actorKind: 'system', actorId: 'system', action: 'test' });
    expect(createClockRepository(h.db).load()?.highWater).toBe(t0 + 20_000);
    h.store.journal.audit({
      at: t0 + CLOCK_GUARD.maxHoldMs + 86_400_000,
      actorKind: 'system',
      actorId: 'system',
      action: 'test',
    }); // a clock a day ahead, since corrected
    expect(createClockRepository(h.db).load()?.highWater).toBe(t0 + 20_000);
  });
});
