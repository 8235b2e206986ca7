import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { callNext, finish, openCounter, startServing } from '../counters/counters.usecases.ts';
import { issueTicket } from '../tickets/tickets.usecases.ts';
import { clerkTally } from './clerk.tally.ts';

const DAY = '2026-11-26';

describe("a clerk's tally of the day", () => {
  it('is zeros, with every rating level at 0, before the clerk has served anyone', () => {
    const h = coreHarness();
    const lan = h.clerk('lan');
    const levels = h.settings.get().ratingLevels.map((l) => l.key);
    expect(clerkTally(h.deps, { day: DAY, userId: lan.id })).toEqual({
      businessDay: DAY,
      served: 0,
      noShow: 0,
      called: 0,
      avgServiceSec: null,
      ratings: Object.fromEntries(levels.map((k) => [k, 0])),
    });
  });

  it("counts the clerk's own calls, served and no-shows, not another clerk's", () => {
    const h = coreHarness();
    const [lan, minh] = [h.clerk('lan'), h.clerk('minh')];
    const area = h.area('LLTP').id;
    const counterId = h.counter(1).id;
    for (let i = 0; i < 3; i++) h.run((tx) => issueTicket(tx, { areaId: area, actor: h.kiosk }));
    h.run((tx) => openCounter(tx, { counterId, actor: lan }));
    h.run((tx) => callNext(tx, { counterId, actor: lan }));
    h.run((tx) => startServing(tx, { counterId, actor: lan }));
    h.clock.advance(120_000);
    h.run((tx) => finish(tx, { counterId, actor: lan }));
    h.run((tx) => callNext(tx, { counterId, actor: lan }));
    h.run((tx) => finish(tx, { counterId, actor: lan }, 'no_show'));
    expect(clerkTally(h.deps, { day: DAY, userId: lan.id })).toMatchObject({
      served: 1,
      noShow: 1,
      called: 2,
      avgServiceSec: 120,
    });
    expect(clerkTally(h.deps, { day: DAY, userId: minh.id })).toMatchObject({ served: 0, called: 0 });
  });
});
