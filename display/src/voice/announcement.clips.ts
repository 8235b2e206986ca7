/**
 * Turns a call ("1005" to counter 3) into the ordered clip names a voice pack plays, and the
 * same sentence as text for the browser's speech fallback.
 */
import {
  CHIME,
  DEFAULT_TEMPLATE,
  NUMBER_WORDS,
  PAUSE,
  TEMPLATES,
  isAmbiguousWord,
  phraseClipName,
  splitWords,
  wordClipName,
} from './clip.names.ts';
import { MAX_READABLE, readDigitsVi, readNumberVi, type Dialect } from './number.reader.ts';

export type ReadingMode = 'words' | 'digits';

export interface Reading {
  mode: ReadingMode;
  dialect: Dialect;
}

/** What the pack holds; a Set<string> of clip names fits. */
export interface ClipSet {
  has(name: string): boolean;
}

export interface AnnouncementInput {
  /** The center's template with {number} and {counter}; a template without {number} is replaced by the default. */
  template?: string;
  /** The ticket number as printed: digits only. */
  number: string;
  /** The counter number; always read as a number, whatever the reading mode. */
  counter: number | string;
  reading?: Reading;
  /** How many times the sentence is said (default 2, at least 1, at most 5). */
  repeat?: number;
  /** Play the chime first (default true). */
  chime?: boolean;
  available: ClipSet;
}

export interface Announcement {
  /** Clip names in playing order: chime, then the sentence `repeat` times separated by 'pause'. */
  clips: string[];
  /** One saying of the sentence in words, for speechSynthesis (say it `repeat` times). */
  text: string;
  repeat: number;
  /** Words the pack has no clip for (they are left out of `clips`); empty when the pack is complete. */
  missing: string[];
}

export const DEFAULT_READING: Reading = { mode: 'words', dialect: 'north' };
export const DEFAULT_REPEAT = 2;
const MAX_REPEAT = 5;

type Part = { kind: 'text'; text: string } | { kind: 'slot'; name: string };

function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
    if (m.index > last) parts.push({ kind: 'text', text: template.slice(last, m.index) });
    parts.push({ kind: 'slot', name: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

/**
 * Reads the ticket number. Leading zeros are padding in 'words' mode ("0012" → "mười hai");
 * in 'digits' mode every digit is said. Numbers beyond 999 999 are read digit by digit.
 */
export function readTicketNumber(number: string, reading: Reading): string[] {
  const digits = number.trim();
  if (!/^[0-9]+$/.test(digits)) throw new RangeError(`ticket number must be digits only, got "${number}"`);
  if (reading.mode === 'digits') return readDigitsVi(digits);
  const value = Number(digits);
  if (value > MAX_READABLE) return readDigitsVi(digits);
  return readNumberVi(value, { dialect: reading.dialect });
}

function readCounter(counter: number | string, dialect: Dialect): string[] {
  const s = String(counter).trim();
  if (!/^[0-9]+$/.test(s)) throw new RangeError(`counter number must be digits only, got "${counter}"`);
  const value = Number(s);
  return value > MAX_READABLE ? readDigitsVi(s) : readNumberVi(value, { dialect });
}

/** Greedy longest match: whole phrase clips first, then shorter phrases, then word clips. */
function phraseToClips(words: string[], available: ClipSet, missing: string[]): string[] {
  const clips: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let j = words.length; j >= i + 2; j--) {
      const name = phraseClipName(words.slice(i, j));
      if (available.has(name)) {
        clips.push(name);
        i = j;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const word = words[i] as string;
    const name = wordClipName(word);
    if (!isAmbiguousWord(word) && available.has(name)) clips.push(name);
    else missing.push(word);
    i++;
  }
  return clips;
}

function wordsToClips(words: string[], available: ClipSet, missing: string[]): string[] {
  const clips: string[] = [];
  for (const w of words) {
    const name = wordClipName(w);
    if (available.has(name)) clips.push(name);
    else missing.push(w);
  }
  return clips;
}

/** Builds the clip list and speech text of one call. Throws RangeError on a non-digit number or counter. */
export function buildAnnouncement(input: AnnouncementInput): Announcement {
  const reading = input.reading ?? DEFAULT_READING;
  const repeat = Math.min(MAX_REPEAT, Math.max(1, Math.floor(input.repeat ?? DEFAULT_REPEAT)));
  const template = input.template?.includes('{number}') ? input.template : DEFAULT_TEMPLATE;
  const numberWords = readTicketNumber(input.number, reading);
  const counterWords = readCounter(input.counter, reading.dialect);
  const missing: string[] = [];
  const once: string[] = [];
  const textParts: string[] = [];

  for (const part of parseTemplate(template)) {
    if (part.kind === 'text') {
      once.push(...phraseToClips(splitWords(part.text), input.available, missing));
      textParts.push(part.text);
    } else if (part.name === 'number') {
      once.push(...wordsToClips(numberWords, input.available, missing));
      textParts.push(numberWords.join(' '));
    } else if (part.name === 'counter') {
      once.push(...wordsToClips(counterWords, input.available, missing));
      textParts.push(counterWords.join(' '));
    } else {
      // An unknown slot cannot be voiced from clips; keep it visible in `missing`.
      missing.push(`{${part.name}}`);
    }
  }

  const clips: string[] = input.chime === false ? [] : [CHIME];
  for (let r = 0; r < repeat; r++) {
    if (r > 0) clips.push(PAUSE);
    clips.push(...once);
  }
  const text = textParts.join('').replace(/\s+/g, ' ').trim();
  return { clips, text, repeat, missing: [...new Set(missing)] };
}

/**
 * Every clip a pack needs to say any number 0–999 999 with the given templates and
 * dialects, using phrase clips for the templates' fixed text.
 */
export function requiredClips(opts: { templates?: readonly string[]; dialects?: readonly Dialect[] } = {}): string[] {
  const templates = opts.templates ?? TEMPLATES;
  const dialects = opts.dialects ?? ['north', 'south'];
  const names = new Set<string>([CHIME]);
  const dialectWords = (d: Dialect) =>
    NUMBER_WORDS.filter((w) => (d === 'south' ? w !== 'linh' && w !== 'nghìn' : w !== 'lẻ' && w !== 'ngàn'));
  for (const d of dialects) for (const w of dialectWords(d)) names.add(wordClipName(w));
  for (const t of templates) {
    for (const part of parseTemplate(t)) {
      if (part.kind === 'text') {
        const words = splitWords(part.text);
        if (words.length > 1) names.add(phraseClipName(words));
        else if (words.length === 1) names.add(wordClipName(words[0] as string));
      }
    }
  }
  return [...names];
}

/** Word clips that let a pack say any template made of the usual words, when a phrase clip is absent. */
export function templateWordClips(templates: readonly string[] = TEMPLATES): string[] {
  const names = new Set<string>();
  for (const t of templates) for (const w of splitWords(t.replace(/\{\w+\}/g, ' '))) names.add(wordClipName(w));
  return [...names];
}
