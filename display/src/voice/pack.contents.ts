/**
 * What a complete voice pack holds, with the Vietnamese each clip says: the list the
 * generator script speaks with espeak-ng and the list a center's announcer records.
 */
import { CHIME, NUMBER_WORDS, TEMPLATES, VOCABULARY, phraseClipName, splitWords, wordClipName } from './clip.names.ts';

export type PackClipKind = 'chime' | 'phrase' | 'number' | 'word';

export interface PackClipSpec {
  name: string;
  /** What the clip says (empty for the chime). */
  text: string;
  kind: PackClipKind;
}

/** Fixed phrases of the templates, e.g. "xin mời công dân có số thứ tự", "đến quầy số". */
export function templatePhrases(templates: readonly string[] = TEMPLATES): string[] {
  const phrases = new Set<string>();
  for (const t of templates) {
    for (const segment of t.split(/\{\w+\}/)) {
      const words = splitWords(segment);
      if (words.length > 1) phrases.add(words.join(' '));
    }
  }
  return [...phrases];
}

/** Every clip of the default pack: chime, template phrases, number words, then the template words one by one. */
export function packClipSpecs(templates: readonly string[] = TEMPLATES): PackClipSpec[] {
  const specs = new Map<string, PackClipSpec>();
  const add = (spec: PackClipSpec) => {
    if (!specs.has(spec.name)) specs.set(spec.name, spec);
  };
  add({ name: CHIME, text: '', kind: 'chime' });
  for (const p of templatePhrases(templates)) add({ name: phraseClipName(p.split(' ')), text: p, kind: 'phrase' });
  for (const w of NUMBER_WORDS) add({ name: wordClipName(w), text: w, kind: 'number' });
  const words = templates === TEMPLATES ? VOCABULARY : templates.flatMap((t) => splitWords(t.replace(/\{\w+\}/g, ' ')));
  for (const w of words) add({ name: wordClipName(w), text: w, kind: 'word' });
  return [...specs.values()];
}
