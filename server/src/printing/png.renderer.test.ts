import { describe, expect, it } from 'vitest';
import type { AppError } from '../contract/errors.ts';
import { createPngRenderer } from './png.renderer.ts';

/** A render the test finishes by hand: how many run at once, and in which order. */
function manualRender() {
  const calls: { data: Record<string, unknown>; done: (b: Buffer) => void }[] = [];
  const render = (data: Record<string, unknown>) =>
    new Promise<Buffer>((done) => {
      calls.push({ data, done });
    });
  return { calls, render };
}
/** Two loop turns: the render ends, frees the queue, and the next one starts from its own setImmediate. */
const turn = async () => {
  for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
};

describe('the ticket PNG renderer', () => {
  it('renders one at a time, each from its own loop turn', async () => {
    const r = manualRender();
    const png = createPngRenderer(r.render, { maxPending: 10, cacheBytes: 1e6 });
    const a = png.png({ n: 1 }, {});
    const b = png.png({ n: 2 }, {});
    expect(r.calls.length).toBe(0); // nothing drawn in the caller's turn
    await turn();
    expect(r.calls.map((c) => c.data.n)).toEqual([1]);
    r.calls[0]!.done(Buffer.from('one'));
    expect((await a).toString()).toBe('one');
    await turn();
    expect(r.calls.map((c) => c.data.n)).toEqual([1, 2]);
    r.calls[1]!.done(Buffer.from('two'));
    expect((await b).toString()).toBe('two');
  });

  it('refuses past maxPending with server.busy; the same payload shares one render and is then cached', async () => {
    const r = manualRender();
    const png = createPngRenderer(r.render, { maxPending: 2, cacheBytes: 1e6 });
    const a = png.png({ n: 1 }, {});
    const again = png.png({ n: 1 }, {});
    const b = png.png({ n: 2 }, {});
    await expect(png.png({ n: 3 }, {})).rejects.toSatisfy((e: AppError) => e.code === 'server.busy');
    await turn();
    r.calls[0]!.done(Buffer.from('one'));
    expect([(await a).toString(), (await again).toString()]).toEqual(['one', 'one']);
    await turn();
    r.calls[1]!.done(Buffer.from('two'));
    await b;
    expect((await png.png({ n: 1 }, {})).toString()).toBe('one');
    expect(r.calls.length).toBe(2);
    expect(png.stats().pending).toBe(0);
  });

  it('keeps at most cacheBytes, dropping the least recently used', async () => {
    const r = manualRender();
    const png = createPngRenderer(r.render, { maxPending: 10, cacheBytes: 3 * (100 + 20) });
    const draw = async (n: number) => {
      const p = png.png({ n }, {});
      await turn();
      r.calls.at(-1)!.done(Buffer.alloc(100, n));
      return p;
    };
    for (const n of [1, 2, 3]) await draw(n);
    await png.png({ n: 1 }, {}); // 1 is used again: 2 is now the oldest
    await draw(4);
    const before = r.calls.length;
    await png.png({ n: 1 }, {});
    await png.png({ n: 3 }, {});
    expect(r.calls.length).toBe(before); // cached
    const p2 = png.png({ n: 2 }, {});
    await turn();
    expect(r.calls.length).toBe(before + 1); // dropped, drawn again
    r.calls.at(-1)!.done(Buffer.alloc(100, 2));
    await p2;
  });

  it('a failed render frees its place', async () => {
    const png = createPngRenderer(
      async () => {
        throw new Error('canvas');
      },
      { maxPending: 1, cacheBytes: 1e6 },
    );
    await expect(png.png({ n: 1 }, {})).rejects.toThrow('canvas');
    await expect(png.png({ n: 1 }, {})).rejects.toThrow('canvas');
    expect(png.stats().pending).toBe(0);
  });
});
