/**
 * The display's side of the voice: turns `ticket:called` payloads into the voice helper's call
 * events, keeps one HallVoice per voice pack, and exposes a test hook.
 *
 * Test hook: when the page defines `window.__hccAnnouncements` (an array, e.g. from a Playwright
 * init script), every clip list handed to the voice player is pushed onto it, in playing order.
 */
import type { CallDto, PublicConfigDto } from '@contract/dto';
import type { AnnouncerLogger, CallEvent } from '../voice/announcer.queue.ts';
import { browserVoiceDeps, createHallVoice, type HallVoice, type VoiceSettings } from '../voice/hall.voice.ts';

export interface AnnouncementRecord {
  clips: string[];
  at: number;
}

export interface HallSound {
  /** Queues a live call; the same (ticket, counter, at) twice is said once. */
  announce(call: CallDto): void;
  /** Remembers a call without saying it (snapshot calls: already said before). */
  markSeen(call: CallDto): void;
  unlock(): Promise<void>;
  readonly blocked: boolean;
  onBlockedChange(listener: (blocked: boolean) => void): () => void;
  /** New center settings; a new voice pack swaps the voice (calls already queued are dropped). */
  update(config: PublicConfigDto): void;
  dispose(): void;
}

export const voiceSettingsFrom = (
  c: Pick<PublicConfigDto, 'voicePack' | 'announcement' | 'announceTimes' | 'numberReading' | 'dialect'>,
): VoiceSettings => ({
  voicePack: c.voicePack || 'default',
  announcement: c.announcement,
  announceTimes: c.announceTimes,
  numberReading: c.numberReading,
  numberDialect: c.dialect,
});

/** The voice queue needs an id; a display token always gets one, the number is a safe stand-in. */
export const toCallEvent = (c: CallDto): CallEvent => ({
  ticket: { id: c.ticket.id ?? `n${c.ticket.number}`, number: c.ticket.number },
  counter: { id: c.counter.id, number: c.counter.number },
  recall: c.recall,
  at: c.at,
});

export const consoleLogger: AnnouncerLogger = {
  info: (m, d) => console.info(`[voice] ${m}`, d ?? ''),
  warn: (m, d) => console.warn(`[voice] ${m}`, d ?? ''),
};

type VoiceFactory = (settings: VoiceSettings) => HallVoice;

function testHook(): AnnouncementRecord[] | null {
  const w = globalThis as unknown as { __hccAnnouncements?: unknown };
  return Array.isArray(w.__hccAnnouncements) ? (w.__hccAnnouncements as AnnouncementRecord[]) : null;
}

/** Records what the announcer asks the player to play, without changing how it plays. */
function instrument(voice: HallVoice): HallVoice {
  const player = voice.player;
  const play = player.play.bind(player);
  player.play = (clips) => {
    testHook()?.push({ clips: [...clips], at: Date.now() });
    return play(clips);
  };
  return voice;
}

export function createHallSound(
  config: PublicConfigDto,
  makeVoice: VoiceFactory = (s) => createHallVoice(s, browserVoiceDeps(consoleLogger)),
): HallSound {
  let settings = voiceSettingsFrom(config);
  let voice = instrument(makeVoice(settings));
  const listeners = new Set<(blocked: boolean) => void>();
  let unsubscribe = voice.player.onBlockedChange((b) => {
    for (const l of listeners) l(b);
  });
  const seen: CallDto[] = [];
  const remember = (call: CallDto) => {
    seen.push(call);
    if (seen.length > 100) seen.shift();
  };

  return {
    announce(call) {
      remember(call);
      voice.announce(toCallEvent(call));
    },
    markSeen(call) {
      // Deliberately not HallVoice.catchUp: a call missed while offline is old news by the time we are back.
      remember(call);
      voice.markSeen([toCallEvent(call)]);
    },
    unlock: () => voice.unlock(),
    get blocked() {
      return voice.player.blocked;
    },
    onBlockedChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(next) {
      const nextSettings = voiceSettingsFrom(next);
      if (nextSettings.voicePack === settings.voicePack) {
        settings = nextSettings;
        voice.setSettings(settings);
        return;
      }
      settings = nextSettings;
      unsubscribe();
      voice.dispose();
      voice = instrument(makeVoice(settings));
      // The new voice must not say calls the old one already knew.
      voice.markSeen(seen.map(toCallEvent));
      unsubscribe = voice.player.onBlockedChange((b) => {
        for (const l of listeners) l(b);
      });
      for (const l of listeners) l(voice.player.blocked);
    },
    dispose() {
      unsubscribe();
      voice.dispose();
    },
  };
}
