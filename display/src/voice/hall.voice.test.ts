import { describe, expect, it, vi } from 'vitest';
import { requiredClips, templateWordClips } from './announcement.clips.ts';
import type { AudioContextLike, AudioSourceLike, ResponseLike } from './clip.player.ts';
import { createHallVoice } from './hall.voice.ts';

/** Minimal running AudioContext whose sources end as soon as they start. */
function instantContext() {
  const started: string[] = [];
  const names = new WeakMap<object, string>();
  const param = () => ({ value: 1, setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() });
  const ctx: AudioContextLike = {
    state: 'running',
    currentTime: 0,
    destination: {},
    decodeAudioData: async (data) => {
      const buf = { duration: 0.3 };
      names.set(buf, new TextDecoder().decode(data));
      return buf;
    },
    createBufferSource: () => {
      const s: AudioSourceLike = {
        buffer: null,
        onended: null,
        connect: vi.fn(),
        stop: vi.fn(),
        start() {
          started.push(names.get(s.buffer as object) ?? '?');
          setTimeout(() => s.onended?.(new Event('ended')), 0);
        },
      };
      return s;
    },
    createOscillator: () => ({ frequency: param(), onended: null, connect: vi.fn(), start: vi.fn(), stop: vi.fn() }),
    createGain: () => ({ gain: param(), connect: vi.fn() }),
    resume: async () => undefined,
    addEventListener: () => undefined,
  };
  return { ctx, started };
}

function packFetch(clips: string[]) {
  return async (url: string): Promise<ResponseLike> => {
    const file = url.split('/').pop() as string;
    const body = new TextEncoder().encode(file.replace(/\.wav$/, ''));
    if (file === 'manifest.json') {
      const manifest = {
        name: 'default',
        language: 'vi-VN',
        clips: Object.fromEntries(clips.map((c) => [c, { file: `${c}.wav`, durationMs: 300 }])),
      };
      return { ok: true, status: 200, json: async () => manifest, arrayBuffer: async () => new ArrayBuffer(0) };
    }
    return {
      ok: true,
      status: 200,
      json: async () => ({}),
      arrayBuffer: async () => body.buffer.slice(0) as ArrayBuffer,
    };
  };
}

describe('createHallVoice', () => {
  it('says a call from the settings, through the pack', async () => {
    const { ctx, started } = instantContext();
    const voice = createHallVoice(
      { announcement: 'Mời công dân có số {number} đến quầy số {counter}', announceTimes: 1, numberReading: 'digits' },
      {
        context: ctx,
        fetch: packFetch([...requiredClips(), ...templateWordClips()]),
        logger: { info: vi.fn(), warn: vi.fn() },
      },
    );
    voice.announce({
      ticket: { id: 't1', number: '1005' },
      counter: { id: 'c3', number: 3 },
      recall: false,
      at: '2026-11-26T08:15:02+07:00',
    });
    await vi.waitFor(() => expect(started.length).toBeGreaterThan(0));
    await voice.announcer.idle();
    expect(started).toEqual(['chime', 'moi-cong-dan-co-so', 'mot-nang', 'khong', 'khong', 'nam', 'den-quay-so', 'ba']);
  });

  it('never says calls already on screen at start, and catches up after a reconnect in time order', async () => {
    const { ctx, started } = instantContext();
    const voice = createHallVoice(
      { announceTimes: 1 },
      {
        context: ctx,
        fetch: packFetch([...requiredClips(), ...templateWordClips()]),
        logger: { info: vi.fn(), warn: vi.fn() },
      },
    );
    const ev = (n: string, c: number, at: string) => ({
      ticket: { id: `t${n}`, number: n },
      counter: { id: `c${c}`, number: c },
      at,
    });
    const onScreen = ev('1', 1, '2026-11-26T08:00:00+07:00');
    voice.markSeen([onScreen]);
    // reconnect snapshot, newest first as a list on screen would be
    voice.catchUp([ev('3', 3, '2026-11-26T08:02:00+07:00'), ev('2', 2, '2026-11-26T08:01:00+07:00'), onScreen]);
    await vi.waitFor(() => expect(started.filter((c) => c === 'chime')).toHaveLength(2));
    await voice.announcer.idle();
    expect(started.filter((c) => ['mot-nang', 'hai', 'ba'].includes(c))).toEqual(['hai', 'hai', 'ba', 'ba']);
  });
});
