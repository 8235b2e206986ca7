import { describe, expect, it } from 'vitest';
import { missingClips, parseManifest } from './pack.manifest.ts';

describe('parseManifest', () => {
  it('keeps valid clips and reports bad ones', () => {
    const { manifest, problems } = parseManifest({
      name: 'hue',
      language: 'vi-VN',
      clips: {
        chime: { file: 'chime.wav', durationMs: 1200 },
        nam: { file: 'so/nam.ogg', durationMs: 400 },
        evil: { file: '../../etc/passwd', durationMs: 1 },
        abs: { file: '/x.wav', durationMs: 1 },
        'Bad Name': { file: 'x.wav', durationMs: 1 },
        nodur: { file: 'x.wav' },
      },
    });
    expect(Object.keys(manifest.clips)).toEqual(['chime', 'nam']);
    expect(problems).toHaveLength(4);
  });

  it.each([null, 3, [], { clips: {} }, { name: 'x' }, { name: 'x', clips: [] }])('rejects %j', (json) => {
    expect(() => parseManifest(json)).toThrow(/manifest/);
  });

  it('defaults the language and lists missing clips', () => {
    const { manifest } = parseManifest({ name: 'x', clips: { ba: { file: 'ba.wav', durationMs: 300 } } });
    expect(manifest.language).toBe('vi-VN');
    expect(missingClips(manifest, ['ba', 'hai'])).toEqual(['hai']);
  });
});
