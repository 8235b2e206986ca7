/**
 * Browser voice-pack player: loads `/voice/<pack>/manifest.json`, decodes every clip up
 * front with the Web Audio API, and plays a list of clips by scheduling the buffers back to
 * back on the audio clock, so no JavaScript timer jitter ends up between words.
 *
 * DOM only (no Preact). Everything the browser provides is injected so tests use fakes.
 */
import type { ClipSet } from './announcement.clips.ts';
import type { AnnouncerLogger, ClipPlayer } from './announcer.queue.ts';
import { CHIME, PAUSE } from './clip.names.ts';
import { parseManifest, type PackManifest } from './pack.manifest.ts';

export interface AudioBufferLike {
  readonly duration: number;
}

export interface AudioParamLike {
  value: number;
  setValueAtTime(value: number, time: number): unknown;
  exponentialRampToValueAtTime(value: number, time: number): unknown;
}

export interface AudioNodeLike {
  // Method syntax keeps parameters bivariant, so real AudioNodes fit.
  connect(destination: unknown): unknown;
}

export interface AudioSourceLike extends AudioNodeLike {
  buffer: AudioBufferLike | null;
  onended: ((ev: Event) => unknown) | null;
  start(when?: number): void;
  stop(when?: number): void;
}

export interface OscillatorLike extends AudioNodeLike {
  frequency: AudioParamLike;
  onended: ((ev: Event) => unknown) | null;
  start(when?: number): void;
  stop(when?: number): void;
}

export interface GainLike extends AudioNodeLike {
  gain: AudioParamLike;
}

/** The subset of AudioContext used here; a real AudioContext satisfies it. */
export interface AudioContextLike {
  readonly state: string;
  readonly currentTime: number;
  readonly destination: unknown;
  decodeAudioData(data: ArrayBuffer): Promise<AudioBufferLike>;
  createBufferSource(): AudioSourceLike;
  createOscillator(): OscillatorLike;
  createGain(): GainLike;
  resume(): Promise<void>;
  addEventListener(type: 'statechange', listener: () => void): void;
}

export interface ResponseLike {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface WebClipPlayerOptions {
  /** The center's `voicePack` setting. */
  pack: string;
  /** Used when `pack` cannot be loaded (default "default", the shipped pack). */
  fallbackPack?: string;
  /** Where packs are served (default "/voice"). */
  baseUrl?: string;
  context: AudioContextLike;
  fetch: (url: string) => Promise<ResponseLike>;
  logger: AnnouncerLogger;
  /** Silence between two clips (default 60 ms). */
  gapMs?: number;
  /** Length of the 'pause' pseudo-clip between repeats (default 700 ms). */
  pauseMs?: number;
  /** 0–1 (default 1). */
  volume?: number;
}

export interface WebClipPlayer extends ClipPlayer, ClipSet {
  /** Loads manifest and clips; safe to call more than once. Never rejects. */
  load(): Promise<void>;
  ready(): Promise<void>;
  canPlay(clips: readonly string[]): boolean;
  stop(): void;
  /** The pack actually in use once loaded, or null when none could be loaded. */
  readonly packName: string | null;
  /** True while the browser keeps audio suspended until someone taps the screen. */
  readonly blocked: boolean;
  /** Call from a user gesture (the "Bật âm thanh" button). */
  unlock(): Promise<void>;
  onBlockedChange(listener: (blocked: boolean) => void): () => void;
}

export class AudioBlockedError extends Error {
  readonly code = 'audio.blocked';
  constructor() {
    super('Trình duyệt đang chặn âm thanh: bấm "Bật âm thanh" trên màn hình.');
  }
}

const LOAD_CONCURRENCY = 6;
const CHIME_SECONDS = 1.4;

export function createWebClipPlayer(opts: WebClipPlayerOptions): WebClipPlayer {
  const { context: ctx, logger } = opts;
  const baseUrl = (opts.baseUrl ?? '/voice').replace(/\/$/, '');
  const gap = (opts.gapMs ?? 60) / 1000;
  const pause = (opts.pauseMs ?? 700) / 1000;
  const buffers = new Map<string, AudioBufferLike>();
  const master = ctx.createGain();
  master.gain.value = opts.volume ?? 1;
  master.connect(ctx.destination);
  const listeners = new Set<(blocked: boolean) => void>();
  let active: Array<{ stop(): void }> = [];
  let finishCurrent: (() => void) | null = null;
  let packName: string | null = null;
  let loading: Promise<void> | null = null;

  const isBlocked = () => ctx.state === 'suspended' || ctx.state === 'interrupted';
  ctx.addEventListener('statechange', () => {
    for (const l of listeners) l(isBlocked());
  });
  // Kiosk browsers started with an autoplay flag run at once; others stay suspended until a tap.
  ctx.resume().catch(() => undefined);

  async function fetchManifest(pack: string): Promise<PackManifest> {
    const res = await opts.fetch(`${baseUrl}/${encodeURIComponent(pack)}/manifest.json`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { manifest, problems } = parseManifest(await res.json());
    for (const p of problems) logger.warn(`voice pack "${pack}": ${p}`);
    return manifest;
  }

  async function loadClip(pack: string, name: string, file: string): Promise<void> {
    try {
      const res = await opts.fetch(`${baseUrl}/${encodeURIComponent(pack)}/${file}`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      buffers.set(name, await ctx.decodeAudioData(await res.arrayBuffer()));
    } catch (err) {
      logger.warn(`voice pack "${pack}": clip "${name}" (${file}) not loaded`, { error: String(err) });
    }
  }

  async function loadPack(pack: string): Promise<boolean> {
    let manifest: PackManifest;
    try {
      manifest = await fetchManifest(pack);
    } catch (err) {
      logger.warn(`voice pack "${pack}" not available`, { error: String(err) });
      return false;
    }
    const entries = Object.entries(manifest.clips);
    for (let i = 0; i < entries.length; i += LOAD_CONCURRENCY) {
      await Promise.all(entries.slice(i, i + LOAD_CONCURRENCY).map(([name, c]) => loadClip(pack, name, c.file)));
    }
    packName = pack;
    logger.info(`voice pack "${pack}" loaded`, { clips: buffers.size, of: entries.length });
    return true;
  }

  async function loadAll(): Promise<void> {
    const fallback = opts.fallbackPack ?? 'default';
    if (await loadPack(opts.pack)) return;
    if (fallback !== opts.pack && (await loadPack(fallback))) return;
    logger.warn('no voice pack loaded: announcements fall back to the browser voice or the chime');
  }

  /** A soft two-tone "ding-dong" made with oscillators, for when even the chime clip is missing. */
  function synthChime(at: number): OscillatorLike {
    let last: OscillatorLike | null = null;
    for (const [i, freq] of [659.25, 523.25].entries()) {
      const start = at + i * 0.45;
      const osc = ctx.createOscillator();
      const env = ctx.createGain();
      osc.frequency.setValueAtTime(freq, start);
      env.gain.setValueAtTime(0.0001, start);
      env.gain.exponentialRampToValueAtTime(0.35, start + 0.02);
      env.gain.exponentialRampToValueAtTime(0.0001, start + 0.9);
      osc.connect(env);
      env.connect(master);
      osc.start(start);
      osc.stop(start + 0.95);
      active.push(osc);
      last = osc;
    }
    return last as OscillatorLike;
  }

  function stopAll(): void {
    for (const s of active) {
      try {
        s.stop();
      } catch {
        // Already stopped: nothing to do.
      }
    }
    active = [];
    finishCurrent?.();
  }

  const load = () => (loading ??= loadAll());

  return {
    load,
    ready: load,
    get packName() {
      return packName;
    },
    has(name) {
      return buffers.has(name);
    },
    canPlay(clips) {
      return clips.every((c) => c === PAUSE || c === CHIME || buffers.has(c));
    },
    get blocked() {
      return isBlocked();
    },
    async unlock() {
      await ctx.resume();
    },
    onBlockedChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: stopAll,
    play(clips) {
      // Scheduling into a suspended context would pile every call up and play them all at the tap.
      if (isBlocked()) return Promise.reject(new AudioBlockedError());
      if (ctx.state === 'closed') return Promise.reject(new Error('audio context closed'));
      if (finishCurrent) stopAll(); // the announcer never overlaps calls; a direct caller gets the newest
      let t = ctx.currentTime + 0.05;
      let last: AudioSourceLike | OscillatorLike | null = null;
      for (const name of clips) {
        if (name === PAUSE) {
          t += pause;
          continue;
        }
        const buffer = buffers.get(name);
        if (!buffer) {
          if (name === CHIME) {
            last = synthChime(t);
            t += CHIME_SECONDS + gap;
          } else logger.warn(`clip "${name}" is not loaded; skipped`);
          continue;
        }
        const src = ctx.createBufferSource();
        src.buffer = buffer;
        src.connect(master);
        src.start(t);
        active.push(src);
        last = src;
        t += buffer.duration + gap;
      }
      if (!last) return Promise.resolve();
      const ending = last;
      return new Promise<void>((resolve) => {
        finishCurrent = () => {
          finishCurrent = null;
          active = [];
          resolve();
        };
        ending.onended = () => finishCurrent?.();
      });
    },
  };
}
