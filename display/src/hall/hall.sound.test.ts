import { describe, expect, it } from 'vitest';
import type { CallDto, PublicConfigDto } from '@contract/dto';
import type { HallVoice, VoiceSettings } from '../voice/hall.voice.ts';
import { createHallSound, toCallEvent, voiceSettingsFrom } from './hall.sound.ts';

const config = {
  voicePack: 'default',
  announcement: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  announceTimes: 2,
  numberReading: 'words',
  dialect: 'south',
} as PublicConfigDto;
const call: CallDto = {
  ticket: { id: 't1', number: '1005', areaId: 'a' },
  counter: { id: 'c3', number: 3, name: 'Quầy 3' },
  recall: false,
  at: 'x',
};

/** A stand-in voice recording what the display asks of it. */
function fakeVoice(log: string[], settings: VoiceSettings[]) {
  return (s: VoiceSettings): HallVoice => {
    settings.push(s);
    const player = {
      play: async (clips: readonly string[]) => {
        log.push(`play:${clips.join(' ')}`);
      },
      blocked: false,
      onBlockedChange: () => () => true,
    } as unknown as HallVoice['player'];
    const seen = new Set<string>();
    const key = (e: { ticket: { id: string }; counter: { id?: string }; at: string }) =>
      `${e.ticket.id}|${e.counter.id}|${e.at}`;
    return {
      player,
      speech: null,
      announcer: {} as HallVoice['announcer'],
      markSeen: (events) => {
        for (const e of events) {
          seen.add(key(e));
          log.push(`seen:${e.ticket.number}`);
        }
      },
      catchUp: () => {
        throw new Error('the display never catches up on old calls');
      },
      announce: (e) => {
        if (!seen.has(key(e))) {
          seen.add(key(e));
          log.push(`say:${e.ticket.number}`);
          void player.play(['chime', e.ticket.number]);
        }
      },
      setSettings: (s2) => settings.push(s2),
      unlock: async () => undefined,
      dispose: () => log.push('dispose'),
    };
  };
}

describe('hall sound', () => {
  it('maps the center settings and the call payload for the voice helper', () => {
    expect(voiceSettingsFrom(config)).toEqual({
      voicePack: 'default',
      announcement: config.announcement,
      announceTimes: 2,
      numberReading: 'words',
      numberDialect: 'south',
    });
    expect(toCallEvent({ ...call, ticket: { number: '7', areaId: 'a' } }).ticket.id).toBe('n7');
  });

  it('says live calls, never the ones marked seen, and records each clip list on the test hook', () => {
    const log: string[] = [];
    const hook: unknown[] = [];
    (globalThis as { __hccAnnouncements?: unknown[] }).__hccAnnouncements = hook;
    const sound = createHallSound(config, fakeVoice(log, []));
    sound.markSeen(call);
    sound.announce(call);
    sound.announce({ ...call, at: 'y', recall: true });
    expect(log).toEqual(['seen:1005', 'say:1005', 'play:chime 1005']);
    expect(hook).toEqual([{ clips: ['chime', '1005'], at: expect.any(Number) }]);
    delete (globalThis as { __hccAnnouncements?: unknown[] }).__hccAnnouncements;
  });

  it('a new voice pack gets a new voice that still knows what was said', () => {
    const log: string[] = [];
    const settings: VoiceSettings[] = [];
    const sound = createHallSound(config, fakeVoice(log, settings));
    sound.announce(call);
    sound.update({ ...config, announceTimes: 3 });
    sound.update({ ...config, voicePack: 'hanoi' });
    sound.announce(call);
    expect(log).toEqual(['say:1005', 'play:chime 1005', 'dispose', 'seen:1005']);
    expect(settings.map((s) => `${s.voicePack}:${s.announceTimes}`)).toEqual(['default:2', 'default:3', 'hanoi:2']);
  });
});
