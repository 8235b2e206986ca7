import { describe, expect, it } from 'vitest';
import { buildAnnouncement, requiredClips, templateWordClips } from './announcement.clips.ts';
import { NUMBER_WORDS, TEMPLATES, asciiFold, phraseClipName, wordClipName } from './clip.names.ts';

const fullPack = new Set([...requiredClips(), ...templateWordClips()]);
const wordsOnlyPack = new Set([
  ...requiredClips().filter((n) => !n.includes('-') || /^(mot|muoi|tu)-/.test(n)),
  ...templateWordClips(),
]);

const ONCE_1005_3 = [
  'xin-moi-cong-dan-co-so-thu-tu',
  'mot-nang',
  'nghin',
  'khong',
  'tram',
  'linh',
  'nam',
  'den-quay-so',
  'ba',
];

describe('clip names', () => {
  it('folds words to ASCII and separates colliding words by tone', () => {
    expect(wordClipName('năm')).toBe('nam');
    expect(wordClipName('lăm')).toBe('lam');
    expect(wordClipName('mười')).toBe('muoi-huyen');
    expect(wordClipName('mươi')).toBe('muoi-ngang');
    expect(wordClipName('một')).toBe('mot-nang');
    expect(wordClipName('mốt')).toBe('mot-sac');
    expect(wordClipName('tư')).toBe('tu-ngang');
    expect(wordClipName('tự')).toBe('tu-nang');
    expect(wordClipName('Đến')).toBe('den');
    expect(wordClipName('quầy,')).toBe('quay');
    expect(phraseClipName(['đến', 'quầy', 'số'])).toBe('den-quay-so');
  });

  it('gives every word of the vocabulary its own file name', () => {
    const vocab = new Set<string>(NUMBER_WORDS);
    for (const t of TEMPLATES)
      for (const w of t.replace(/\{\w+\}/g, ' ').split(/\s+/)) if (w) vocab.add(w.toLowerCase());
    const names = [...vocab].map(wordClipName);
    expect(new Set(names).size).toBe(vocab.size);
    for (const n of names) expect(n).toMatch(/^[a-z0-9-]+$/);
  });

  it('reads decomposed (NFD) text like composed text', () => {
    expect(wordClipName('mười'.normalize('NFD'))).toBe('muoi-huyen');
    expect(asciiFold('Xin mời'.normalize('NFD'))).toBe('xin moi');
  });
});

describe('buildAnnouncement', () => {
  it('builds the default call with phrase clips, chime and two sayings', () => {
    const a = buildAnnouncement({ number: '1005', counter: 3, available: fullPack });
    expect(a.clips).toEqual(['chime', ...ONCE_1005_3, 'pause', ...ONCE_1005_3]);
    expect(a.text).toBe('Xin mời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba');
    expect(a.repeat).toBe(2);
    expect(a.missing).toEqual([]);
  });

  it('falls back to word clips when the pack lacks a phrase', () => {
    const a = buildAnnouncement({ number: '1005', counter: 3, repeat: 1, available: wordsOnlyPack });
    expect(a.clips).toEqual([
      'chime',
      'xin',
      'moi',
      'cong',
      'dan',
      'co',
      'so',
      'thu',
      'tu-nang',
      'mot-nang',
      'nghin',
      'khong',
      'tram',
      'linh',
      'nam',
      'den',
      'quay',
      'so',
      'ba',
    ]);
    expect(a.missing).toEqual([]);
  });

  it('uses the longest phrase the pack has inside a template it does not know', () => {
    const pack = new Set([...fullPack, 'moi-cong-dan-co-so-thu-tu']);
    pack.delete('kinh-moi-cong-dan-co-so-thu-tu');
    const a = buildAnnouncement({ template: TEMPLATES[1], number: '7', counter: 12, repeat: 1, available: pack });
    expect(a.clips).toEqual(['chime', 'kinh', 'moi-cong-dan-co-so-thu-tu', 'bay', 'den-quay-so', 'muoi-huyen', 'hai']);
  });

  it('supports the short variant "Mời công dân có số"', () => {
    const a = buildAnnouncement({ template: TEMPLATES[2], number: '21', counter: 5, repeat: 1, available: fullPack });
    expect(a.clips).toEqual(['chime', 'moi-cong-dan-co-so', 'hai', 'muoi-ngang', 'mot-sac', 'den-quay-so', 'nam']);
    expect(a.text).toBe('Mời công dân có số hai mươi mốt đến quầy số năm');
  });

  it('reads 15, 24, 25 with lăm / tư', () => {
    const once = (n: string) =>
      buildAnnouncement({ number: n, counter: 1, repeat: 1, chime: false, available: fullPack }).clips.slice(1, -2);
    expect(once('15')).toEqual(['muoi-huyen', 'lam']);
    expect(once('24')).toEqual(['hai', 'muoi-ngang', 'tu-ngang']);
    expect(once('25')).toEqual(['hai', 'muoi-ngang', 'lam']);
    expect(once('105')).toEqual(['mot-nang', 'tram', 'linh', 'nam']);
  });

  it('reads digit by digit in digits mode, leading zeros included', () => {
    const reading = { mode: 'digits', dialect: 'north' } as const;
    const a = buildAnnouncement({ number: '1005', counter: 3, repeat: 1, reading, available: fullPack });
    expect(a.clips.slice(2, 6)).toEqual(['mot-nang', 'khong', 'khong', 'nam']);
    expect(a.text).toBe('Xin mời công dân có số thứ tự một không không năm đến quầy số ba');
    const z = buildAnnouncement({ number: '0012', counter: 3, repeat: 1, reading, available: fullPack });
    expect(z.clips.slice(2, 6)).toEqual(['khong', 'khong', 'mot-nang', 'hai']);
  });

  it('treats leading zeros as padding in words mode, and keeps the counter in words', () => {
    const a = buildAnnouncement({ number: '0012', counter: '10', repeat: 1, available: fullPack });
    expect(a.text).toBe('Xin mời công dân có số thứ tự mười hai đến quầy số mười');
  });

  it('speaks the southern words in the south dialect', () => {
    const a = buildAnnouncement({
      number: '1005',
      counter: 3,
      repeat: 1,
      reading: { mode: 'words', dialect: 'south' },
      available: fullPack,
    });
    expect(a.clips).toContain('ngan');
    expect(a.clips).toContain('le');
    expect(a.text).toContain('một ngàn không trăm lẻ năm');
  });

  it('puts a pause between repeats only, and clamps the repeat count', () => {
    const count = (repeat: number) => buildAnnouncement({ number: '1', counter: 1, repeat, available: fullPack });
    expect(count(1).clips.filter((c) => c === 'pause')).toHaveLength(0);
    expect(count(3).clips.filter((c) => c === 'pause')).toHaveLength(2);
    expect(count(0).repeat).toBe(1);
    expect(count(99).repeat).toBe(5);
    expect(count(3).clips.filter((c) => c === 'chime')).toHaveLength(1);
  });

  it('ignores punctuation and decomposed characters in the template', () => {
    const template = 'Xin mời công dân có số thứ tự {number}, đến quầy số {counter}.'.normalize('NFD');
    const a = buildAnnouncement({ template, number: '1005', counter: 3, repeat: 1, available: fullPack });
    expect(a.clips).toEqual(['chime', ...ONCE_1005_3]);
  });

  it('uses the default template when the configured one never says the number', () => {
    const a = buildAnnouncement({
      template: 'Mời đến quầy {counter}',
      number: '9',
      counter: 2,
      repeat: 1,
      available: fullPack,
    });
    expect(a.text).toBe('Xin mời công dân có số thứ tự chín đến quầy số hai');
  });

  it('reports words the pack cannot say and leaves them out', () => {
    const pack = new Set([...fullPack]);
    pack.delete('nam');
    const a = buildAnnouncement({
      template: 'Xin mời ông bà có số {number} đến quầy số {counter}',
      number: '5',
      counter: 1,
      repeat: 1,
      available: pack,
    });
    expect(a.missing).toEqual(['ông', 'bà', 'năm']);
    expect(a.clips).toEqual(['chime', 'xin', 'moi', 'co', 'so', 'den-quay-so', 'mot-nang']);
  });

  it('reads numbers beyond 999 999 digit by digit', () => {
    const a = buildAnnouncement({ number: '1234567', counter: 1, repeat: 1, available: fullPack });
    expect(a.text).toContain('một hai ba bốn năm sáu bảy');
  });

  it.each(['', 'A12', '12-3'])('rejects the ticket number "%s"', (n) => {
    expect(() => buildAnnouncement({ number: n, counter: 1, available: fullPack })).toThrow(RangeError);
  });
});

describe('requiredClips', () => {
  it('lists the chime, the number words of both dialects and the phrase clips', () => {
    const req = requiredClips();
    for (const n of [
      'chime',
      'khong',
      'mot-nang',
      'mot-sac',
      'muoi-huyen',
      'muoi-ngang',
      'tu-ngang',
      'lam',
      'nam',
      'linh',
      'le',
      'nghin',
      'ngan',
      'tram',
    ]) {
      expect(req).toContain(n);
    }
    expect(req).toContain('xin-moi-cong-dan-co-so-thu-tu');
    expect(req).toContain('kinh-moi-cong-dan-co-so-thu-tu');
    expect(req).toContain('moi-cong-dan-co-so');
    expect(req).toContain('den-quay-so');
    expect(requiredClips({ templates: [TEMPLATES[0]], dialects: ['north'] })).not.toContain('ngan');
  });
});
