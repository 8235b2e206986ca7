import { AppError } from '../../server/src/contract/errors.ts';
import type { CenterSettings } from '../../server/src/contract/settings.schema.ts';
import type { ManualClock } from '../../server/src/core/clock.ts';
import type { Ticket } from '../../server/src/core/entities.ts';
import {
  callNext,
  closeCounter,
  finish,
  openCounter,
  recall,
  setPaused,
  startServing,
  transfer,
} from '../../server/src/core/counters/counters.usecases.ts';
import { rateTicket } from '../../server/src/core/ratings/ratings.usecases.ts';
import { expireStaleTickets, issueTicket } from '../../server/src/core/tickets/tickets.usecases.ts';
import { addDays } from '../../server/src/core/time/zoned-time.ts';
import { Agenda } from './simulate.agenda.ts';
import { centerHours, dayStartMs, weekdayOf, windowsOf } from './simulate.calendar.ts';
import { arrivals, SIGMA, type CenterModel, type SimArea, type SimCounter } from './simulate.plan.ts';
import { chance, logNormal, pick, uniform, weighted, type Rng } from './simulate.random.ts';
import type { DayUnits } from './simulate.units.ts';

/**
 * One simulated business day, driven through the real use cases with the clock stepped from one happening to the
 * next: citizens take numbers at the kiosk, clerks open their counters, call, serve, transfer, mark no-shows, and
 * rating pads record what citizens press. Clerks serve everyone who took a number, past closing time if need be,
 * pause between the morning and afternoon hours and close their counters at the end.
 */

export interface DayStats {
  issued: number;
  /** Numbers the kiosk refused (an area's daily limit reached): citizens turned away, as on a real day. */
  refused: number;
  done: number;
  noShow: number;
  transferred: number;
  recalled: number;
  rated: number;
  expired: number;
}

export const SHARES = { noShow: 0.05, recall: 0.02, transfer: 0.03, rated: 0.6 };

const KIOSK = {
  kind: 'device',
  id: 'mo-phong-kiosk',
  deviceKind: 'kiosk',
  counterId: null,
  kioskId: null,
  printer: null,
  name: 'Ki-ốt mô phỏng',
} as const;

type State = 'closed' | 'idle' | 'busy' | 'paused';

export function simulateDay(
  ctx: Pick<DayUnits, 'run' | 'attempt'> & {
    clock: ManualClock;
    settings: CenterSettings;
    model: CenterModel;
    perDay: number;
  },
  day: string,
  rng: Rng,
): DayStats {
  const { run, clock, settings, model } = ctx;
  const stats: DayStats = {
    issued: 0,
    refused: 0,
    done: 0,
    noShow: 0,
    transferred: 0,
    recalled: 0,
    rated: 0,
    expired: 0,
  };
  const start = dayStartMs(day, settings.timeZone);
  const windows = windowsOf(centerHours(settings), weekdayOf(day)).map(([a, b]) => [
    start + a * 60_000,
    start + b * 60_000,
  ]);
  const lastEnd = windows.at(-1)?.[1] ?? start;
  const inHours = (t: number) => windows.some(([a, b]) => t >= a! && t < b!);
  const agenda = new Agenda();
  const state = new Map<string, State>(model.counters.map((c) => [c.counter.id, 'closed']));
  const areaOf = new Map(model.areas.map((a) => [a.area.id, a]));
  const later = (s: number, fn: () => void) => agenda.at(clock.now() + s * 1000, fn);

  // A number waiting in an area wakes one idle counter serving it.
  function wake(area: SimArea | undefined): void {
    const idle = area?.counters.filter((c) => state.get(c.counter.id) === 'idle') ?? [];
    if (idle.length) callNextAt(pick(rng, idle));
  }

  function callNextAt(c: SimCounter): void {
    const counterId = c.counter.id;
    const t = run((tx) => callNext(tx, { counterId, actor: c.clerk }));
    if (t) return serve(c, t);
    const now = clock.now();
    if (inHours(now)) state.set(counterId, 'idle');
    else if (now >= lastEnd) {
      run((tx) => closeCounter(tx, { counterId, actor: c.clerk }));
      state.set(counterId, 'closed');
    } else {
      run((tx) => setPaused(tx, { counterId, actor: c.clerk }, true));
      state.set(counterId, 'paused');
    }
  }

  function serve(c: SimCounter, t: Ticket): void {
    const counterId = c.counter.id;
    const actor = c.clerk;
    state.set(counterId, 'busy');
    const next = () => later(uniform(rng, 5, 40), () => callNextAt(c));
    if (chance(rng, SHARES.noShow)) {
      // Nobody comes: the clerk waits a minute or three, then marks the number missed.
      later(uniform(rng, 60, 180), () => {
        run((tx) => finish(tx, { counterId, actor }, 'no_show'));
        stats.noShow++;
        next();
      });
      return;
    }
    let walk = uniform(rng, 15, 60);
    if (chance(rng, SHARES.recall)) {
      // The citizen did not hear the first call: announced again, arrives later.
      later(uniform(rng, 30, 50), () => {
        run((tx) => recall(tx, { counterId, actor }));
        stats.recalled++;
      });
      walk = uniform(rng, 60, 120);
    }
    later(walk, () => run((tx) => startServing(tx, { counterId, actor })));
    const area = areaOf.get(t.areaId);
    const serviceSec = Math.min(3600, Math.max(30, logNormal(rng, area?.medianSec ?? 300, SIGMA)));
    later(walk + serviceSec, () => {
      const others = model.areas.filter((a) => a.area.id !== t.areaId);
      // Transfers only while the counters are open: a citizen sent on after closing would wait for nobody.
      if (t.transfers === 0 && others.length && inHours(clock.now()) && chance(rng, SHARES.transfer)) {
        const to = pick(rng, others);
        run((tx) => transfer(tx, { counterId, actor, areaId: to.area.id }));
        stats.transferred++;
        wake(to);
      } else {
        const done = run((tx) => finish(tx, { counterId, actor }));
        stats.done++;
        if (chance(rng, SHARES.rated))
          later(uniform(rng, 3, Math.min(25, settings.ratingTimeoutSeconds)), () => rate(c, done));
      }
      next();
    });
  }

  // Most citizens are pleased; one who waited past the area's target is less so.
  function rate(c: SimCounter, t: Ticket): void {
    const levels = settings.ratingLevels;
    if (!levels.length) return;
    const waited = (t.firstCalledAt ?? t.issuedAt) - t.issuedAt;
    const target = (areaOf.get(t.areaId)?.area.targetWaitMin ?? 20) * 60_000;
    const r = waited > target ? 0.7 : 0.35;
    const i = weighted(
      rng,
      levels.map((_, k) => r ** k),
    );
    const worst = levels.length > 1 && i === levels.length - 1;
    const reasons = worst && settings.ratingReasons.length ? [pick(rng, settings.ratingReasons)] : [];
    run((tx) => rateTicket(tx, { ticketId: t.id, level: levels[i]!.key, reasons, actor: c.pad }));
    stats.rated++;
  }

  for (const a of arrivals(model, day, settings, ctx.perDay, rng)) {
    agenda.at(a.at, () => {
      try {
        ctx.attempt((tx) =>
          issueTicket(tx, {
            areaId: a.area.area.id,
            priority: a.priority,
            priorityGroup: a.priorityGroup,
            actor: KIOSK,
          }),
        );
        stats.issued++;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        stats.refused++;
        return;
      }
      wake(a.area);
    });
  }
  for (const c of model.counters) {
    windows.forEach(([from, to], i) => {
      // The clerk arrives within the first minutes of the hours, and comes back after the break.
      agenda.at(from! + uniform(rng, 0, 300_000), () => {
        if (i === 0) {
          run((tx) => openCounter(tx, { counterId: c.counter.id, actor: c.clerk }));
          state.set(c.counter.id, 'idle');
        }
        if (state.get(c.counter.id) !== 'busy') callNextAt(c);
      });
      // Closing time: an idle clerk pauses (or closes); a busy one finishes the queue first.
      agenda.at(to!, () => {
        if (state.get(c.counter.id) === 'idle') callNextAt(c);
      });
    });
  }
  for (let e = agenda.take(); e; e = agenda.take()) {
    clock.set(e.at);
    e.fn();
  }
  // Midnight: the day close the server runs when the business day turns (it finds nothing when the day closed well).
  clock.set(dayStartMs(addDays(day, 1), settings.timeZone) + 1000);
  stats.expired = run((tx) => expireStaleTickets(tx));
  return stats;
}
