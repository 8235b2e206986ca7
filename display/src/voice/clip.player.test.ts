import { describe, expect, it, vi } from 'vitest';
import {
  AudioBlockedError,
  createWebClipPlayer,
  type AudioContextLike,
  type AudioSourceLike,
  type ResponseLike,
} from './clip.player.ts';

type Source = AudioSourceLike & { startedAt?: number; stopped: boolean; name?: string };

/** A fake AudioContext: buffers carry their duration, sources record when they start. */
function fakeContext(initial: 'running' | 'suspended' = 'running', allowResume = true) {
  const listeners: Array<() => void> = [];
  const sources: Source[] = [];
  const oscillators: Array<{ startedAt?: number; freq: number[] }> = [];
  const param = () => ({ value: 1, setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() });
  const ctx = {
    state: initial as string,
    currentTime: 10,
    destination: {},
    decodeAudioData: vi.fn(async (data: ArrayBuffer) => {
      const text = new TextDecoder().decode(data);
      if (text === 'garbage') throw new Error('EncodingError');
      return { duration: Number(text) };
    }),
    createBufferSource: () => {
      const s: Source = {
        buffer: null,
        onended: null,
        stopped: false,
        connect: vi.fn(),
        start(when) {
          s.startedAt = when;
        },
        stop() {
          s.stopped = true;
        },
      };
      sources.push(s);
      return s;
    },
    createOscillator: () => {
      const o = {
        freq: [] as number[],
        startedAt: undefined as number | undefined,
        onended: null,
        connect: vi.fn(),
        frequency: {
          ...param(),
          setValueAtTime: (v: number) => {
            o.freq.push(v);
          },
        },
        start(when?: number) {
          o.startedAt = when;
        },
        stop: vi.fn(),
      };
      oscillators.push(o);
      return o;
    },
    createGain: () => ({ gain: param(), connect: vi.fn() }),
    resume: vi.fn(async () => {
      if (allowResume && ctx.state !== 'running') {
        ctx.state = 'running';
        for (const l of listeners) l();
      }
    }),
    addEventListener: (_type: 'statechange', l: () => void) => listeners.push(l),
  } satisfies AudioContextLike;
  const endLast = () =>
    sources
      .filter((s) => s.startedAt !== undefined)
      .at(-1)
      ?.onended?.(new Event('ended'));
  const allowResumeNow = () => {
    allowResume = true;
  };
  return { ctx, sources, oscillators, endLast, allowResumeNow };
}

/** Serves packs from an object: {pack: {manifest, files: {file: duration-seconds or 'garbage'}}}. */
function fakeFetch(packs: Record<string, { clips: Record<string, number | 'garbage'> }>) {
  return vi.fn(async (url: string): Promise<ResponseLike> => {
    const m = /^\/voice\/([^/]+)\/(.+)$/.exec(url);
    const pack = m ? packs[decodeURIComponent(m[1] as string)] : undefined;
    const notFound = { ok: false, status: 404, json: async () => ({}), arrayBuffer: async () => new ArrayBuffer(0) };
    if (!m || !pack) return notFound;
    if (m[2] === 'manifest.json') {
      const clips = Object.fromEntries(
        Object.entries(pack.clips).map(([n, d]) => [
          n,
          { file: `${n}.wav`, durationMs: typeof d === 'number' ? d * 1000 : 0 },
        ]),
      );
      return {
        ok: true,
        status: 200,
        json: async () => ({ name: m[1], language: 'vi-VN', clips }),
        arrayBuffer: async () => new ArrayBuffer(0),
      };
    }
    const name = (m[2] as string).replace(/\.wav$/, '');
    const d = pack.clips[name];
    if (d === undefined) return notFound;
    const bytes = new TextEncoder().encode(String(d));
    return {
      ok: true,
      status: 200,
      json: async () => ({}),
      arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer,
    };
  });
}

const logger = () => ({ info: vi.fn(), warn: vi.fn() });
const PACK = { clips: { chime: 1.2, 'xin-moi-cong-dan-co-so-thu-tu': 2, 'mot-nang': 0.4, ba: 0.5 } };

describe('web clip player', () => {
  it('loads the manifest and decodes every clip', async () => {
    const { ctx } = fakeContext();
    const p = createWebClipPlayer({ pack: 'hue', context: ctx, fetch: fakeFetch({ hue: PACK }), logger: logger() });
    await p.load();
    expect(p.packName).toBe('hue');
    expect(p.has('mot-nang')).toBe(true);
    expect(p.has('hai')).toBe(false);
    expect(p.canPlay(['chime', 'ba', 'pause', 'ba'])).toBe(true);
    expect(p.canPlay(['ba', 'hai'])).toBe(false);
  });

  it('falls back to the default pack when the center pack is missing, and logs it', async () => {
    const { ctx } = fakeContext();
    const log = logger();
    const p = createWebClipPlayer({ pack: 'hue', context: ctx, fetch: fakeFetch({ default: PACK }), logger: log });
    await p.ready();
    expect(p.packName).toBe('default');
    expect(log.warn).toHaveBeenCalledWith('voice pack "hue" not available', expect.anything());
  });

  it('skips a clip that does not decode, with a warning', async () => {
    const { ctx } = fakeContext();
    const log = logger();
    const p = createWebClipPlayer({
      pack: 'x',
      context: ctx,
      fetch: fakeFetch({ x: { clips: { ba: 'garbage', hai: 0.3 } } }),
      logger: log,
    });
    await p.load();
    expect(p.has('ba')).toBe(false);
    expect(p.has('hai')).toBe(true);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('clip "ba"'), expect.anything());
  });

  it('schedules clips back to back on the audio clock and resolves when the last ends', async () => {
    const { ctx, sources, endLast } = fakeContext();
    const p = createWebClipPlayer({
      pack: 'x',
      context: ctx,
      fetch: fakeFetch({ x: PACK }),
      logger: logger(),
      gapMs: 100,
      pauseMs: 700,
    });
    await p.load();
    let done = false;
    const playing = p.play(['chime', 'xin-moi-cong-dan-co-so-thu-tu', 'mot-nang', 'pause', 'ba']).then(() => {
      done = true;
    });
    const starts = sources
      .filter((s) => s.startedAt !== undefined)
      .map((s) => Number((s.startedAt as number).toFixed(3)));
    // 10 (now) + 0.05 lead; then each duration + 0.1 gap; the pause adds 0.7
    expect(starts).toEqual([10.05, 11.35, 13.45, 14.65]);
    await Promise.resolve();
    expect(done).toBe(false);
    endLast();
    await playing;
    expect(done).toBe(true);
  });

  it('reports an autoplay block, refuses to pile calls up, and unlocks on a tap', async () => {
    const { ctx } = fakeContext('suspended', false);
    const p = createWebClipPlayer({ pack: 'x', context: ctx, fetch: fakeFetch({ x: PACK }), logger: logger() });
    await p.load();
    expect(p.blocked).toBe(true);
    await expect(p.play(['ba'])).rejects.toBeInstanceOf(AudioBlockedError);
    ctx.state = 'running'; // what a user gesture + resume() does
    await p.unlock();
    expect(ctx.resume).toHaveBeenCalled();
    expect(p.blocked).toBe(false);
  });

  it('notifies listeners when the context starts running', async () => {
    const { ctx, allowResumeNow } = fakeContext('suspended', false);
    const resume = ctx.resume;
    const p = createWebClipPlayer({ pack: 'x', context: ctx, fetch: fakeFetch({ x: PACK }), logger: logger() });
    expect(p.blocked).toBe(true);
    allowResumeNow(); // the tap is a user gesture
    const changes: boolean[] = [];
    p.onBlockedChange((b) => changes.push(b));
    await p.unlock();
    expect(resume).toHaveBeenCalled();
    expect(p.blocked).toBe(false);
    expect(changes).toEqual([false]);
  });

  it('synthesizes a two-tone chime when the pack has none', async () => {
    const { ctx, oscillators } = fakeContext();
    const p = createWebClipPlayer({ pack: 'none', context: ctx, fetch: fakeFetch({}), logger: logger() });
    await p.load();
    expect(p.packName).toBeNull();
    expect(p.canPlay(['chime'])).toBe(true);
    const playing = p.play(['chime']);
    expect(oscillators.map((o) => o.freq[0])).toEqual([659.25, 523.25]);
    (oscillators[1] as unknown as { onended: () => void }).onended();
    await playing;
  });

  it('stop() silences the sources and settles the play promise', async () => {
    const { ctx, sources } = fakeContext();
    const p = createWebClipPlayer({ pack: 'x', context: ctx, fetch: fakeFetch({ x: PACK }), logger: logger() });
    await p.load();
    const playing = p.play(['ba', 'mot-nang']);
    p.stop();
    await playing;
    expect(sources.filter((s) => s.startedAt !== undefined).every((s) => s.stopped)).toBe(true);
  });
});
