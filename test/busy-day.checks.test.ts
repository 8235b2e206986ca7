import { describe, expect, it } from 'vitest';
import { checkDisplays, checkFinal, checkIssue } from './support/busy-day.checks.ts';
import type { LoadResult } from '../scripts/load/load.types.ts';

/** The busy day's judges must be able to say no: each is shown a day with one fault planted in it. */
function day(): LoadResult {
  return {
    tickets: 2,
    areas: { A: { id: 'a', numberStart: 1001 } },
    counters: { c1: { id: 'c1', number: 1, clerk: 'k1' }, c2: { id: 'c2', number: 2, clerk: 'k2' } },
    issued: [
      {
        key: 'k-0',
        areaCode: 'A',
        priority: false,
        id: 't1',
        number: '1001',
        status: 201,
        doubleTapId: null,
        retriedAfterFault: false,
      },
      {
        key: 'k-1',
        areaCode: 'A',
        priority: false,
        id: 't2',
        number: '1002',
        status: 201,
        doubleTapId: 't2',
        retriedAfterFault: false,
      },
    ],
    ackedCalls: [
      { counterId: 'c1', ticketId: 't1', recall: false },
      { counterId: 'c2', ticketId: 't2', recall: false },
    ],
    expected: { t1: { status: 'done', counterId: 'c1' }, t2: { status: 'done', counterId: 'c2' } },
    uncertain: [],
    displays: [0, 1].map(() => [
      [
        's',
        [
          ['c1', null],
          ['c2', null],
        ],
      ],
      ['c', 't1', 'c1', false],
      ['u', 'c1', 't1'],
      ['c', 't2', 'c2', false],
      ['u', 'c2', 't2'],
      ['u', 'c1', null],
      ['u', 'c2', null],
    ]),
    phones: [],
    errors: [],
    counts: { finishes: 2, noShows: 0, transfers: 0, recalls: 0, lateCalls: 0, pauses: 0, implicitFinishes: 0 },
    latency: { issueMs: [], callMs: [], deliveryMs: [] },
    wallMs: 0,
    parkedMs: 0,
  };
}
const server = (res: LoadResult) =>
  new Map(
    res.issued.map((r) => [
      r.id,
      { id: r.id, number: r.number, status: 'done', counter: { id: r.id === 't1' ? 'c1' : 'c2' } },
    ]),
  );

describe('busy-day checks', () => {
  it('pass a clean day', () => {
    const res = day();
    expect([...checkIssue(res, server(res)), ...checkFinal(res, server(res), []), ...checkDisplays(res)]).toEqual([]);
  });
  it('catch a reused number, a gap, a lost ticket and a second ticket for one key', () => {
    const res = day();
    res.issued[1]!.number = '1001';
    expect(checkIssue(res, server(res)).join()).toMatch(/exactly once/);
    res.issued[1]!.number = '1003';
    expect(checkIssue(res, server(res)).join()).toMatch(/exactly once/);
    const lost = server(res);
    lost.delete('t2');
    expect(checkIssue(res, lost).join()).toMatch(/not on the server/);
    res.issued[1]!.doubleTapId = 't9';
    expect(checkIssue(res, server(res)).join()).toMatch(/second ticket/);
  });
  it('catch a ticket held by two counters, or called while another holds it', () => {
    const res = day();
    res.displays[1]!.splice(4, 0, ['u', 'c2', 't1']);
    expect(checkDisplays(res).join()).toMatch(/two counters/);
    const res2 = day();
    res2.displays[0]!.splice(3, 0, ['c', 't1', 'c2', false]);
    expect(checkDisplays(res2).join()).toMatch(/while counter 1 held it/);
  });
  it('catch a display that missed a call or heard them in another order', () => {
    const res = day();
    res.displays[1] = res.displays[1]!.filter((e) => !(e[0] === 'c' && e[1] === 't2'));
    expect(checkDisplays(res).join()).toMatch(/display 1 saw other calls/);
    const res2 = day();
    const d = res2.displays[1]!;
    [d[1], d[3]] = [d[3]!, d[1]!];
    expect(checkDisplays(res2).join()).toMatch(/display 1 saw other calls or another order/);
    const res3 = day();
    res3.ackedCalls.push({ counterId: 'c1', ticketId: 't1', recall: true });
    expect(checkDisplays(res3).join()).toMatch(/displays missed 1 of the 3 calls clerks were answered for/);
  });
  it('after a crash, a call on screen whose answer the clerk lost is allowed; a call nobody made is not', () => {
    const lost = day();
    lost.ackedCalls = lost.ackedCalls.filter((c) => c.ticketId !== 't2');
    expect(checkDisplays(lost).join()).toMatch(/displays saw 1 calls no clerk made: t2:c2:false/);
    lost.uncertain = ['t2']; // the clerk's answer was lost; the clerk asked the server afterwards
    expect(checkDisplays(lost)).toEqual([]);
  });
  it('catch a ticket left at a counter or ending elsewhere than the clerk was told', () => {
    const res = day();
    const s = server(res);
    s.get('t1')!.status = 'no_show';
    expect(checkFinal(res, s, [{ number: 3, currentTicket: { number: '1001' } }]).join()).toMatch(
      /no_show.*counter 3 still holds/s,
    );
  });
});
