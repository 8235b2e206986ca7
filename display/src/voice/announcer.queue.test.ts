import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAnnouncement, requiredClips, type Announcement } from './announcement.clips.ts';
import {
  createAnnouncer,
  type AnnouncerOptions,
  type CallEvent,
  type ClipPlayer,
  type SpeechFallback,
} from './announcer.queue.ts';

const PLAY_MS = 5000;

function call(
  number: string,
  counter: number,
  at = `2026-11-26T08:00:${number.padStart(2, '0').slice(-2)}+07:00`,
  recall = false,
): CallEvent {
  return { ticket: { id: `t-${number}`, number }, counter: { id: `c-${counter}`, number: counter }, recall, at };
}

/** A player that takes PLAY_MS of fake time per call and records what overlaps. */
function fakePlayer(overrides: Partial<ClipPlayer> = {}) {
  const played: string[][] = [];
  let active = 0;
  let maxActive = 0;
  const player: ClipPlayer = {
    play: vi.fn((clips: readonly string[]) => {
      played.push([...clips]);
      active++;
      maxActive = Math.max(maxActive, active);
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          active--;
          resolve();
        }, PLAY_MS),
      );
    }),
    stop: vi.fn(),
    ...overrides,
  };
  return { player, played, maxActive: () => maxActive, active: () => active };
}

const simpleBuild = (e: CallEvent): Announcement => ({
  clips: ['chime', `n${e.ticket.number}`, `c${e.counter.number}`],
  text: `số ${e.ticket.number} quầy ${e.counter.number}`,
  repeat: 2,
  missing: [],
});

function setup(extra: Partial<AnnouncerOptions> = {}) {
  const p = fakePlayer();
  const logger = { info: vi.fn(), warn: vi.fn() };
  const announcer = createAnnouncer({ build: simpleBuild, player: p.player, logger, ...extra });
  return { ...p, logger, announcer };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('announcer queue', () => {
  it('says a burst of 10 calls in order, each exactly once, one at a time', async () => {
    const { announcer, played, maxActive } = setup();
    const calls = Array.from({ length: 10 }, (_, i) => call(String(1001 + i), (i % 5) + 1));
    for (const c of calls) expect(announcer.announce(c)).toBe('queued');
    await vi.advanceTimersByTimeAsync(PLAY_MS * 10 + 100);
    await announcer.idle();
    expect(played.map((clips) => clips[1])).toEqual(calls.map((c) => `n${c.ticket.number}`));
    expect(maxActive()).toBe(1);
  });

  it('never cuts off the call playing: a new call waits for it to end', async () => {
    const { announcer, played, player } = setup();
    announcer.announce(call('1', 1));
    await vi.advanceTimersByTimeAsync(1000);
    announcer.announce(call('2', 2));
    await vi.advanceTimersByTimeAsync(1000);
    expect(played).toHaveLength(1);
    expect(announcer.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(PLAY_MS - 2000 + 1);
    expect(played).toHaveLength(2);
    expect(player.stop).not.toHaveBeenCalled();
  });

  it('says the same call event once, even if it arrives again later or was marked seen', async () => {
    const { announcer, played } = setup();
    const c = call('1005', 3);
    expect(announcer.announce(c)).toBe('queued');
    expect(announcer.announce({ ...c, ticket: { ...c.ticket } })).toBe('duplicate');
    await vi.advanceTimersByTimeAsync(PLAY_MS + 1);
    expect(announcer.announce(c)).toBe('duplicate');
    const seen = call('1006', 4);
    announcer.markSeen(seen);
    expect(announcer.announce(seen)).toBe('duplicate');
    // A real recall is a new event (new `at`): it is said again.
    expect(announcer.announce({ ...c, recall: true, at: '2026-11-26T08:05:00+07:00' })).toBe('queued');
    await vi.advanceTimersByTimeAsync(PLAY_MS + 1);
    expect(played.map((p) => p[1])).toEqual(['n1005', 'n1005']);
  });

  it('merges a recall into the same call still waiting', async () => {
    const { announcer, played, logger } = setup();
    announcer.announce(call('1', 1));
    announcer.announce(call('2', 2));
    expect(announcer.announce({ ...call('2', 2), recall: true, at: 'later' })).toBe('coalesced');
    expect(logger.info).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(PLAY_MS * 3);
    expect(played.map((p) => p[1])).toEqual(['n1', 'n2']);
  });

  it('caps the backlog, dropping superseded calls, then recalls, then the oldest, and logs each drop', async () => {
    const { announcer, played, logger } = setup({ maxPending: 3 });
    announcer.announce(call('1', 1)); // playing
    announcer.announce(call('2', 2));
    announcer.announce({ ...call('3', 3), recall: true });
    announcer.announce(call('4', 4));
    announcer.announce(call('5', 2)); // counter 2 called again: "2" is superseded and dropped
    announcer.announce(call('6', 6)); // recall "3" dropped
    announcer.announce(call('7', 7)); // oldest "4" dropped
    expect(announcer.pending).toBe(3);
    await vi.advanceTimersByTimeAsync(PLAY_MS * 5);
    expect(played.map((p) => p[1])).toEqual(['n1', 'n5', 'n6', 'n7']);
    const drops = logger.warn.mock.calls.filter(([msg]) => String(msg).includes('dropped'));
    expect(drops.map(([, data]) => (data as { ticket: string }).ticket)).toEqual(['2', '3', '4']);
  });

  it('keeps going after a player error and logs it', async () => {
    const { announcer, player, played, logger } = setup();
    const real = player.play;
    player.play = vi.fn((clips: readonly string[]) =>
      clips[1] === 'n1' ? Promise.reject(new Error('decode')) : real(clips),
    );
    announcer.announce(call('1', 1));
    announcer.announce(call('2', 2));
    await vi.advanceTimersByTimeAsync(PLAY_MS + 1);
    expect(played.map((p) => p[1])).toEqual(['n2']);
    expect(logger.warn).toHaveBeenCalledWith('announcement failed', expect.objectContaining({ ticket: '1' }));
  });

  it('abandons a call whose playing hangs, stops the player, and says the next', async () => {
    const { announcer, player, played } = setup({ timeoutMs: 20_000 });
    const real = player.play;
    player.play = vi.fn((clips: readonly string[]) => (clips[1] === 'n1' ? new Promise<void>(() => {}) : real(clips)));
    announcer.announce(call('1', 1));
    announcer.announce(call('2', 2));
    await vi.advanceTimersByTimeAsync(20_001);
    expect(player.stop).toHaveBeenCalledTimes(1);
    expect(played.map((p) => p[1])).toEqual(['n2']);
  });

  it('refuses malformed events with a log line', () => {
    const { announcer, logger } = setup();
    expect(announcer.announce({ ticket: { id: 'x', number: 'A1' }, counter: { number: 1 }, at: 'now' })).toBe(
      'invalid',
    );
    expect(announcer.announce(null as unknown as CallEvent)).toBe('invalid');
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('waits for the pack to load before choosing a source', async () => {
    let loaded!: () => void;
    const { announcer, played, player } = setup();
    player.ready = () =>
      new Promise<void>((r) => {
        loaded = r;
      });
    announcer.announce(call('1', 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(played).toHaveLength(0);
    loaded();
    await vi.advanceTimersByTimeAsync(1);
    expect(played).toHaveLength(1);
  });

  it('dispose drops what waits and refuses new calls', async () => {
    const { announcer, played } = setup();
    announcer.announce(call('1', 1));
    announcer.announce(call('2', 2));
    announcer.dispose();
    expect(announcer.announce(call('3', 3))).toBe('disposed');
    await vi.advanceTimersByTimeAsync(PLAY_MS * 3);
    expect(played.map((p) => p[1])).toEqual(['n1']);
  });
});

describe('source order', () => {
  const fullPack = new Set(requiredClips());
  const speech = (can: boolean) => {
    const said: string[] = [];
    const s: SpeechFallback = {
      canSpeak: () => can,
      speak: vi.fn(async (text: string, repeat: number) => {
        said.push(`${repeat}x ${text}`);
      }),
    };
    return { s, said };
  };
  const buildWith = (pack: Set<string>) => (e: CallEvent) =>
    buildAnnouncement({ number: e.ticket.number, counter: e.counter.number, available: pack });

  it('uses the pack when it can say everything', async () => {
    const { s, said } = speech(true);
    const { announcer, played } = setup({ build: buildWith(fullPack), speech: s });
    announcer.announce(call('1005', 3));
    await vi.advanceTimersByTimeAsync(PLAY_MS + 1);
    expect(played[0]?.slice(0, 3)).toEqual(['chime', 'xin-moi-cong-dan-co-so-thu-tu', 'mot-nang']);
    expect(said).toEqual([]);
  });

  it('plays the chime then the browser voice when the pack lacks words', async () => {
    const { s, said } = speech(true);
    const { announcer, played } = setup({ build: buildWith(new Set(['chime'])), speech: s });
    announcer.announce(call('1005', 3));
    await vi.advanceTimersByTimeAsync(PLAY_MS + 1);
    expect(played).toEqual([['chime']]);
    expect(said).toEqual(['2x Xin mời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba']);
  });

  it('plays what the pack has when there is no browser voice, or the chime alone', async () => {
    const { s } = speech(false);
    const partial = new Set(fullPack);
    partial.delete('nam');
    const a = setup({ build: buildWith(partial), speech: s });
    a.announcer.announce(call('1005', 3));
    await vi.advanceTimersByTimeAsync(PLAY_MS + 1);
    expect(a.played[0]).toContain('mot-nang');
    expect(a.played[0]).not.toContain('nam');

    const b = setup({ build: buildWith(new Set()), speech: s });
    b.announcer.announce(call('1005', 3));
    await vi.advanceTimersByTimeAsync(PLAY_MS + 1);
    expect(b.played).toEqual([['chime']]);
    expect(b.logger.warn).toHaveBeenCalledWith('no voice available; chime only', expect.anything());
  });

  it('cancels speech that hangs past the timeout and goes on', async () => {
    const s: SpeechFallback = { canSpeak: () => true, speak: () => new Promise<void>(() => {}), cancel: vi.fn() };
    const { announcer, played } = setup({ build: buildWith(new Set(['chime'])), speech: s, timeoutMs: 30_000 });
    announcer.announce(call('1', 1));
    announcer.announce(call('2', 2));
    await vi.advanceTimersByTimeAsync(PLAY_MS + 30_001);
    expect(s.cancel).toHaveBeenCalledTimes(1);
    expect(played).toHaveLength(2); // the chime of the second call
  });

  it('falls back to the browser voice when the player says it cannot play', async () => {
    const { s, said } = speech(true);
    const { announcer, player } = setup({ build: buildWith(fullPack), speech: s });
    player.canPlay = (clips) => clips.length === 1 && clips[0] === 'chime';
    announcer.announce(call('7', 1));
    await vi.advanceTimersByTimeAsync(PLAY_MS + 1);
    expect(said).toHaveLength(1);
  });
});
