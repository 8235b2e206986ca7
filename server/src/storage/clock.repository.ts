import { CLOCK_GUARD, type ClockState, type ClockStep } from '../core/clock.ts';
import type { Db } from './db.ts';

/**
 * Where the guarded clock's high-water mark survives a restart. The mark is saved by the day-close tick (only
 * when it moved a second or more, or a step was seen), and on load it is raised to the latest moment the
 * journal recorded: every ticket transition and configuration change is already a persisted "it was at least
 * this late", written in its own transaction, so a crash between two saves loses nothing that matters.
 */
export function createClockRepository(db: Db) {
  const row = db.prepare<[], { high_water: number; steps: string }>(
    'SELECT high_water, steps FROM clock_state WHERE id = 1',
  );
  // Journal moments up to a bound. ticket_events is appended in time order (ids autoincrement): its last rows
  // are the latest events, read without a scan; audit_log has an index on at.
  const lastEvent = db.prepare<[number], { at: number | null }>(
    'SELECT MAX(at) AS at FROM (SELECT at FROM ticket_events ORDER BY id DESC LIMIT 100) WHERE at <= ?',
  );
  const lastAudit = db.prepare<[number], { at: number | null }>('SELECT MAX(at) AS at FROM audit_log WHERE at <= ?');
  const put =
    db.prepare(`INSERT INTO clock_state (id, high_water, steps, updated_at) VALUES (1, @highWater, @steps, @highWater)
    ON CONFLICT (id) DO UPDATE SET high_water = excluded.high_water, steps = excluded.steps, updated_at = excluded.updated_at`);
  let saved: { highWater: number; steps: string } | null = null;
  const sig = (steps: ClockStep[]) => `${steps.length}:${steps.at(-1)?.kind ?? ''}:${steps.at(-1)?.at ?? ''}`;

  return {
    load(): ClockState | undefined {
      const r = row.get();
      // Journal moments far beyond the saved mark are from before a followed correction (a clock that was days
      // ahead): they must not pull "now" back there on every restart.
      const bound = r ? r.high_water + CLOCK_GUARD.maxHoldMs : Number.MAX_SAFE_INTEGER;
      const journal = [lastEvent.get(bound)?.at, lastAudit.get(bound)?.at].filter(
        (x): x is number => typeof x === 'number',
      );
      const marks = [...(r ? [r.high_water] : []), ...journal];
      if (!marks.length) return undefined;
      let steps: ClockStep[] = [];
      try {
        steps = r ? (JSON.parse(r.steps) as ClockStep[]).filter((s) => s && typeof s.at === 'number') : [];
      } catch {
        /* a damaged list is dropped */
      }
      saved = r ? { highWater: r.high_water, steps: sig(steps) } : null;
      return { highWater: Math.max(...marks), steps };
    },
    /** Writes when the mark moved a second or more, or the steps changed; true when it wrote. */
    save(state: ClockState): boolean {
      if (!Number.isFinite(state.highWater)) return false;
      if (saved && state.highWater - saved.highWater < 1000 && sig(state.steps) === saved.steps) return false;
      put.run({ highWater: state.highWater, steps: JSON.stringify(state.steps) });
      saved = { highWater: state.highWater, steps: sig(state.steps) };
      return true;
    },
  };
}

export type ClockRepository = ReturnType<typeof createClockRepository>;
