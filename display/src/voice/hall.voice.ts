/**
 * Wires the hall display's voice: voice-pack player, browser speech fallback and the
 * announcement queue, from the center's settings. The display app creates one per page.
 */
import { buildAnnouncement, type ReadingMode } from './announcement.clips.ts';
import {
  createAnnouncer,
  type Announcer,
  type AnnouncerLogger,
  type CallEvent,
  type Timers,
} from './announcer.queue.ts';
import { createWebClipPlayer, type AudioContextLike, type ResponseLike, type WebClipPlayer } from './clip.player.ts';
import type { Dialect } from './number.reader.ts';
import {
  createSpeechFallback,
  type BrowserSpeech,
  type SpeechSynthesisLike,
  type UtteranceLike,
} from './speech.fallback.ts';

/** The center's voice settings (names as in the center configuration). */
export interface VoiceSettings {
  /** Folder name under DATA_DIR/voice/ (default "default"). */
  voicePack?: string;
  /** Template with {number} and {counter}. */
  announcement?: string;
  /** How many times each call is said (default 2). */
  announceTimes?: number;
  numberReading?: ReadingMode;
  numberDialect?: Dialect;
}

export interface HallVoiceDeps {
  context: AudioContextLike;
  fetch: (url: string) => Promise<ResponseLike>;
  /** Absent where the browser has no speechSynthesis. */
  speech?: { synth: SpeechSynthesisLike; makeUtterance(text: string): UtteranceLike };
  logger: AnnouncerLogger;
  timers?: Timers;
  baseUrl?: string;
}

export interface HallVoice {
  announcer: Announcer;
  player: WebClipPlayer;
  speech: BrowserSpeech | null;
  /** Queues a `ticket:called` event. */
  announce(event: CallEvent): void;
  /** First `state:snapshot` after the page loads: its `recentCalls` are on screen already, never said. */
  markSeen(events: readonly CallEvent[]): void;
  /**
   * Later snapshots (after a reconnect): says, oldest first, the calls made while disconnected;
   * those already said are skipped by the de-duplication.
   */
  catchUp(events: readonly CallEvent[]): void;
  /** Applies new settings to the calls not yet said (a new `voicePack` needs a new HallVoice). */
  setSettings(settings: VoiceSettings): void;
  /** Call from the "Bật âm thanh" tap. */
  unlock(): Promise<void>;
  dispose(): void;
}

export function createHallVoice(initial: VoiceSettings, deps: HallVoiceDeps): HallVoice {
  let settings = { ...initial };
  const player = createWebClipPlayer({
    pack: settings.voicePack ?? 'default',
    context: deps.context,
    fetch: deps.fetch,
    logger: deps.logger,
    ...(deps.baseUrl ? { baseUrl: deps.baseUrl } : {}),
  });
  const speech = deps.speech ? createSpeechFallback({ ...deps.speech, logger: deps.logger }) : null;
  const announcer = createAnnouncer({
    player,
    logger: deps.logger,
    ...(speech ? { speech } : {}),
    ...(deps.timers ? { timers: deps.timers } : {}),
    build: (e) =>
      buildAnnouncement({
        ...(settings.announcement ? { template: settings.announcement } : {}),
        number: e.ticket.number,
        counter: e.counter.number,
        reading: { mode: settings.numberReading ?? 'words', dialect: settings.numberDialect ?? 'north' },
        repeat: settings.announceTimes ?? 2,
        available: player,
      }),
  });
  void player.load();
  return {
    announcer,
    player,
    speech,
    announce: (e) => void announcer.announce(e),
    markSeen: (events) => {
      for (const e of events) announcer.markSeen(e);
    },
    catchUp: (events) => {
      // ISO-8601 strings with the same offset sort as text; Date.parse copes with mixed offsets.
      const ordered = [...events].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
      for (const e of ordered) announcer.announce(e);
    },
    setSettings(next) {
      settings = { ...settings, ...next };
    },
    async unlock() {
      speech?.unlock();
      await player.unlock();
    },
    dispose: () => announcer.dispose(),
  };
}

/** The real browser objects; the only place that touches globals. */
export function browserVoiceDeps(logger: AnnouncerLogger): HallVoiceDeps {
  const context: AudioContextLike = new AudioContext();
  const synth: SpeechSynthesisLike | undefined = globalThis.speechSynthesis;
  return {
    context,
    fetch: (url) => globalThis.fetch(url),
    logger,
    ...(synth
      ? { speech: { synth, makeUtterance: (text: string): UtteranceLike => new SpeechSynthesisUtterance(text) } }
      : {}),
  };
}
