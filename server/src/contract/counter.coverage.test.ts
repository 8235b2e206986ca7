import { describe, expect, it } from 'vitest';
import { areaServed, areasLeftWithoutCounter, callersOf, type ServingCounter } from './counter.coverage.ts';

const counter = (id: string, areaIds: string[], over: Partial<ServingCounter> = {}): ServingCounter => ({
  id,
  active: true,
  areaIds,
  ...over,
});

describe('who can call a waiting ticket', () => {
  const cs = [
    counter('c1', ['a1', 'a2']),
    counter('c2', ['a2']),
    counter('c3', ['a3'], { active: false }),
    counter('c4', ['a3']),
  ];

  it('the counters of its area, or only the counter it was transferred to', () => {
    expect(callersOf({ areaId: 'a2', targetCounterId: null }, cs).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(callersOf({ areaId: 'a2', targetCounterId: 'c4' }, cs).map((c) => c.id)).toEqual(['c4']);
    expect(callersOf({ areaId: 'a1', targetCounterId: 'c3' }, cs)).toEqual([]); // an inactive counter calls nobody
  });

  it('an area is served while one active counter lists it', () => {
    expect(areaServed('a3', cs)).toBe(true);
    expect(
      areaServed(
        'a3',
        cs.filter((c) => c.id !== 'c4'),
      ),
    ).toBe(false);
    expect(areaServed('a9', cs)).toBe(false);
  });

  it('names the areas a counter change leaves without any counter', () => {
    expect(areasLeftWithoutCounter({ id: 'c1', areaIds: ['a2'], active: true }, cs)).toEqual(['a1']);
    expect(areasLeftWithoutCounter({ id: 'c2', areaIds: [], active: true }, cs)).toEqual([]); // c1 still serves a2
    expect(areasLeftWithoutCounter({ id: 'c4', areaIds: ['a3'], active: false }, cs)).toEqual(['a3']);
    expect(areasLeftWithoutCounter({ id: 'new', areaIds: [], active: true }, cs)).toEqual([]);
  });
});
