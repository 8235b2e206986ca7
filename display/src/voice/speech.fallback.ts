/**
 * The browser's own speech as the second source: only a local Vietnamese voice
 * (`voice.lang` starts with "vi" and `voice.localService`), since the hall is offline and a
 * network voice would fail mid-sentence. Linux browsers have none; Windows, Android, macOS do.
 */
import type { AnnouncerLogger, SpeechFallback } from './announcer.queue.ts';

export interface VoiceLike {
  readonly name: string;
  readonly lang: string;
  readonly localService: boolean;
}

export interface UtteranceLike {
  lang: string;
  rate: number;
  // The real type is SpeechSynthesisVoice; kept loose so fakes need no cast.
  voice: VoiceLike | null;
  onend: ((ev: never) => unknown) | null;
  onerror: ((ev: never) => unknown) | null;
}

/** The subset of window.speechSynthesis used here. */
export interface SpeechSynthesisLike {
  getVoices(): readonly VoiceLike[];
  speak(utterance: never): void;
  cancel(): void;
}

export interface SpeechFallbackOptions {
  synth: SpeechSynthesisLike;
  /** `(text) => new SpeechSynthesisUtterance(text)` in the browser. */
  makeUtterance(text: string): UtteranceLike;
  logger: AnnouncerLogger;
  /** Slightly slow for a large hall with echo (default 0.9). */
  rate?: number;
}

export interface BrowserSpeech extends SpeechFallback {
  /** The voice that would be used, or null. */
  voice(): VoiceLike | null;
  /** Call from a user gesture: some browsers only speak after one. */
  unlock(): void;
}

/** Picks a local Vietnamese voice, preferring vi-VN. */
export function pickVietnameseVoice(voices: readonly VoiceLike[]): VoiceLike | null {
  const local = voices.filter((v) => v.localService && v.lang.toLowerCase().replace('_', '-').startsWith('vi'));
  return local.find((v) => v.lang.toLowerCase().replace('_', '-') === 'vi-vn') ?? local[0] ?? null;
}

export function createSpeechFallback(opts: SpeechFallbackOptions): BrowserSpeech {
  const { synth, logger } = opts;
  // getVoices() may be empty until the browser's "voiceschanged": ask again each time.
  const voice = () => pickVietnameseVoice(synth.getVoices());

  function sayOnce(text: string, v: VoiceLike): Promise<void> {
    return new Promise<void>((resolve) => {
      const u = opts.makeUtterance(text);
      u.lang = v.lang;
      u.voice = v;
      u.rate = opts.rate ?? 0.9;
      u.onend = () => resolve();
      u.onerror = (ev: never) => {
        logger.warn('speech failed', { error: String((ev as { error?: unknown } | undefined)?.error ?? ev) });
        resolve();
      };
      synth.speak(u as never);
    });
  }

  return {
    voice,
    canSpeak: () => voice() !== null,
    async speak(text, repeat) {
      const v = voice();
      if (!v) throw new Error('no local Vietnamese speech voice');
      for (let i = 0; i < repeat; i++) await sayOnce(text, v);
    },
    cancel() {
      synth.cancel();
    },
    unlock() {
      const u = opts.makeUtterance('');
      synth.speak(u as never);
    },
  };
}
