import type { FeedCatalog, FeedItem } from '../../../server/src/contract/province.feed.ts';

/**
 * Tests only: a seeded history of one center as the feed may carry it, with everything the protocol allows and
 * a real center rarely does: each ticket in several revisions (some re-sent, some arriving after a newer one),
 * later revisions that change the procedure or even the business day, recalls, transfers (a ticket waiting in
 * another area with its clerk kept), events and ratings before their ticket, ratings of tickets never sent,
 * calls of one ticket by one clerk on two days, negative waits, areas and clerks the catalogue does not name,
 * and the catalogue re-sent unchanged, then with a new target and an area gone.
 */
export type Item = Omit<FeedItem, 'seq'>;

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

export function historyCatalog(c: number, variant: 0 | 1 = 0): FeedCatalog {
  const areas = [
    { id: `c${c}-a1`, code: 'HT', name: 'Hộ tịch', targetWaitSec: variant ? 300 : 600 },
    { id: `c${c}-a2`, code: 'DD', name: 'Đất đai', targetWaitSec: 900 },
    { id: `c${c}-a3`, code: c % 2 ? 'CT' : `X${c}`, name: 'Chứng thực', targetWaitSec: null },
  ];
  return {
    areas: variant ? areas.slice(0, 2) : areas,
    counters: [1, 2, 3].map((n) => ({ id: `c${c}-k${n}`, number: n, name: `Quầy ${n}` })),
    clerks: [1, 2, 3].map((n) => ({ id: `c${c}-u${n}`, username: `cb${n}`, displayName: `Cán bộ ${n}` })),
    procedures: [1, 2, 3].map((n) => ({ id: `c${c}-p${n}`, code: `TT.${n}`, name: `Thủ tục ${n}` })),
  };
}

export function centerHistory(c: number, days: string[], perDay: number, seed: number): Item[] {
  const r = rng(seed);
  const areas = [`c${c}-a1`, `c${c}-a2`, `c${c}-a3`, `c${c}-a9`];
  const clerks = [`c${c}-u1`, `c${c}-u2`, `c${c}-u3`, `c${c}-u9`];
  const procs = [`c${c}-p1`, `c${c}-p2`, `c${c}-p3`, null];
  const out: { at: number; item: Item }[] = [];
  const push = (at: number, item: Item) => out.push({ at, item });
  let ev = 0;
  days.forEach((day, di) => {
    const open = Date.parse(`${day}T07:30:00+07:00`);
    for (let n = 0; n < perDay; n++) {
      const id = `c${c}-t${di}-${n}`;
      const issuedAt = open + r.int(8 * 3600_000);
      const issuedArea = r.chance(0.05) ? areas[3]! : r.pick(areas.slice(0, 3));
      let proc = r.pick(procs);
      const base = {
        id,
        number: n + 1,
        channel: r.pick(['kiosk', 'web', null]),
        priority: r.chance(0.1),
        issuedAreaId: issuedArea,
        areaId: issuedArea,
        counterId: null as string | null,
        clerkId: null as string | null,
        status: 'waiting',
        businessDay: day,
        issuedAt,
        firstCalledAt: null as number | null,
        calledAt: null as number | null,
        finishedAt: null as number | null,
        transfers: 0,
        procedureId: proc,
      };
      let rev = 0;
      const revs: { at: number; data: typeof base & { rev: number } }[] = [];
      const state = (at: number, patch: Partial<typeof base>) => {
        Object.assign(base, patch);
        revs.push({ at, data: { ...base, rev: ++rev } });
      };
      const event = (at: number, type: 'called' | 'transferred', actor: string | null, area: string | null, d = day) =>
        push(at, {
          at,
          kind: 'event',
          data: {
            id: `c${c}-e${++ev}`,
            at,
            type,
            ticketId: id,
            counterId: `c${c}-k1`,
            actorId: actor,
            areaId: area,
            businessDay: d,
            issuedAt,
            procedureId: proc,
          },
        });
      state(issuedAt, {});
      const fate = r.next();
      if (fate < 0.08) state(issuedAt + 9 * 3600_000, { status: 'expired' });
      else if (fate > 0.05 + 0.08) {
        const wait = r.chance(0.02) ? -5_500 : r.int(2400_000);
        const t1 = issuedAt + wait;
        const clerk = r.chance(0.05) ? clerks[3]! : r.pick(clerks.slice(0, 3));
        state(t1, { status: 'serving', firstCalledAt: t1, calledAt: t1, clerkId: clerk, counterId: `c${c}-k1` });
        event(t1, 'called', r.chance(0.03) ? null : clerk, base.areaId);
        if (r.chance(0.1)) event(t1 + 30_000, 'called', clerk, base.areaId); // a recall
        if (r.chance(0.03)) event(t1 + 60_000, 'called', clerk, base.areaId, days[(di + 1) % days.length]);
        let tEnd = t1 + 60_000 + r.int(900_000);
        if (r.chance(0.12)) {
          const to = r.pick(areas);
          event(tEnd, 'transferred', r.chance(0.1) ? null : clerk, r.chance(0.1) ? null : to);
          state(tEnd, { status: 'waiting', areaId: to, transfers: 1 }); // waits in the new area, clerk kept
          if (r.chance(0.7)) {
            const clerk2 = r.pick(clerks);
            tEnd += r.int(600_000);
            state(tEnd, { status: 'serving', calledAt: tEnd, clerkId: clerk2 });
            event(tEnd, 'called', clerk2, to);
            tEnd += 60_000 + r.int(600_000);
          } else tEnd = -1;
        }
        if (tEnd > 0) {
          if (r.chance(0.12)) state(tEnd, { status: 'no_show' });
          else {
            state(tEnd, { status: 'done', finishedAt: tEnd });
            if (r.chance(0.5)) {
              const at = tEnd + 10_000;
              push(r.chance(0.1) ? issuedAt - 1 : at, {
                at,
                kind: 'rating',
                data: {
                  id: `c${c}-r${id}`,
                  ticketId: id,
                  at,
                  level: r.pick(['very_satisfied', 'satisfied', 'unsatisfied']),
                  areaId: r.chance(0.1) ? null : base.areaId,
                  counterId: `c${c}-k1`,
                  clerkId: r.chance(0.1) ? null : base.clerkId,
                  businessDay: day,
                  issuedAt,
                  procedureId: proc,
                },
              });
            }
          }
        }
      }
      if (r.chance(0.1)) {
        proc = r.pick(procs);
        state((revs.at(-1)?.at ?? issuedAt) + 1000, { procedureId: proc }); // a later correction
      }
      if (r.chance(0.03)) state((revs.at(-1)?.at ?? issuedAt) + 2000, { businessDay: days[(di + 1) % days.length]! });
      const sendAll = !r.chance(0.02); // a few tickets never reach the hub: their ratings wait for nothing
      for (const v of revs) {
        if (!sendAll) break;
        // Some revisions arrive late (after a newer one), some twice.
        const at = r.chance(0.1) ? v.at + 3_600_000 : v.at;
        push(at, { at, kind: 'ticket', data: v.data });
        if (r.chance(0.05)) push(at + 5, { at: at + 5, kind: 'ticket', data: v.data });
      }
    }
  });
  out.sort((a, b) => a.at - b.at);
  const items = out.map((o) => o.item);
  const start = Date.parse(`${days[0]}T00:00:00+07:00`);
  const mid = Math.floor(items.length / 2);
  const cat = (at: number, v: 0 | 1): Item => ({ at, kind: 'catalog', data: historyCatalog(c, v) });
  return [
    cat(start, 0),
    ...items.slice(0, mid),
    cat(start + 1, 0),
    ...items.slice(mid, mid + 40),
    cat(start + 2, 1),
    ...items.slice(mid + 40),
  ];
}
