import { describe, expect, it } from 'vitest';
import { createPressGuard } from './press.guard.ts';

describe('press guard', () => {
  it('drops a repeat of the last action inside the window, counted from its answer', () => {
    let t = 0;
    const g = createPressGuard(() => t, 600);
    expect(g.accept('callNext')).toBe(true);
    t = 500;
    g.settled('callNext'); // a slow answer: the window runs from here
    t = 1_000;
    expect(g.accept('callNext')).toBe(false);
    t = 1_101;
    expect(g.accept('callNext')).toBe(true);
  });

  it('another action in between makes the same key a new decision at once', () => {
    let t = 0;
    const g = createPressGuard(() => t, 600);
    expect(g.accept('callNext')).toBe(true);
    g.settled('callNext');
    t = 100;
    expect(g.accept('finish')).toBe(true);
    g.settled('finish');
    t = 200;
    expect(g.accept('callNext')).toBe(true);
    t = 250;
    expect(g.accept('callNext')).toBe(false);
  });

  it('an answer of an older action does not restart the window of the newer one', () => {
    let t = 0;
    const g = createPressGuard(() => t, 600);
    g.accept('transfer');
    t = 10;
    g.accept('transfer:force');
    t = 700;
    g.settled('transfer'); // late, and not the last press
    expect(g.accept('transfer:force')).toBe(true);
  });
});
