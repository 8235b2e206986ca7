import { describe, expect, it } from 'vitest';
import { requiredClips, templateWordClips } from './announcement.clips.ts';
import { packClipSpecs, templatePhrases } from './pack.contents.ts';

describe('pack contents', () => {
  it('lists the template phrases', () => {
    expect(templatePhrases()).toEqual([
      'xin mời công dân có số thứ tự',
      'đến quầy số',
      'kính mời công dân có số thứ tự',
      'mời công dân có số',
    ]);
  });

  it('covers every required clip and every template word, once each, with its words', () => {
    const specs = packClipSpecs();
    const names = specs.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of [...requiredClips(), ...templateWordClips()]) expect(names).toContain(n);
    expect(specs.find((s) => s.name === 'muoi-huyen')?.text).toBe('mười');
    expect(specs.find((s) => s.name === 'muoi-ngang')?.text).toBe('mươi');
    expect(specs.find((s) => s.name === 'tu-nang')?.text).toBe('tự');
    expect(specs.find((s) => s.name === 'den-quay-so')).toEqual({
      name: 'den-quay-so',
      text: 'đến quầy số',
      kind: 'phrase',
    });
  });
});
