import { describe, expect, it, vi } from 'vitest';
import { createSpeechFallback, pickVietnameseVoice, type UtteranceLike, type VoiceLike } from './speech.fallback.ts';

const v = (name: string, lang: string, localService: boolean): VoiceLike => ({ name, lang, localService });

describe('pickVietnameseVoice', () => {
  it('takes only local Vietnamese voices, preferring vi-VN', () => {
    expect(pickVietnameseVoice([v('Google', 'vi-VN', false), v('en', 'en-US', true)])).toBeNull();
    expect(pickVietnameseVoice([v('X', 'vi', true), v('Microsoft An', 'vi-VN', true)])?.name).toBe('Microsoft An');
    expect(pickVietnameseVoice([v('Linh', 'vi_VN', true)])?.name).toBe('Linh');
  });
});

describe('speech fallback', () => {
  function setup(voices: VoiceLike[]) {
    const spoken: UtteranceLike[] = [];
    const synth = {
      getVoices: () => voices,
      speak: vi.fn((u: never) => {
        const utt = u as UtteranceLike & { text: string };
        spoken.push(utt);
        queueMicrotask(() => utt.onend?.(undefined as never));
      }),
      cancel: vi.fn(),
    };
    const speech = createSpeechFallback({
      synth,
      makeUtterance: (text) => ({ text, lang: '', rate: 1, voice: null, onend: null, onerror: null }) as UtteranceLike,
      logger: { info: vi.fn(), warn: vi.fn() },
    });
    return { speech, spoken };
  }

  it('cannot speak without a local Vietnamese voice', async () => {
    const { speech } = setup([v('Google tiếng Việt', 'vi-VN', false)]);
    expect(speech.canSpeak()).toBe(false);
    await expect(speech.speak('xin mời', 1)).rejects.toThrow();
  });

  it('says the text `repeat` times with the local voice', async () => {
    const { speech, spoken } = setup([v('Microsoft An', 'vi-VN', true)]);
    expect(speech.canSpeak()).toBe(true);
    await speech.speak('Xin mời công dân có số thứ tự một nghìn', 2);
    expect(spoken).toHaveLength(2);
    expect(spoken[0]?.voice?.name).toBe('Microsoft An');
    expect(spoken[0]?.lang).toBe('vi-VN');
  });
});
