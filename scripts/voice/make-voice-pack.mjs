#!/usr/bin/env node
// Generates the default voice pack (display/public/voice/default/) with espeak-ng and sox.
// The pack is generated at development time and shipped; run this again only to change it:
//   node scripts/voice/make-voice-pack.mjs [--voice vi] [--out DIR]
// Needs: apt-get install -y espeak-ng sox libsox-fmt-all
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PACK_DIR, dB, durationOf, importTs, levelsOf, requireTool, run } from './voice.lib.mjs';

const { values: args } = parseArgs({
  options: {
    voice: { type: 'string', default: 'vi' },
    out: { type: 'string', default: DEFAULT_PACK_DIR },
  },
});

// Tuned by measurement (see docs/voice.md): slower than espeak's 175 wpm for a hall with echo,
// a little lower pitch than the default 50 so it sounds less shrill through ceiling speakers.
const RATE_WORD = 125;
const RATE_PHRASE = 140;
const MIN_RATE = 80; // espeak-ng's floor
const PITCH = 42;
// Short-vowel syllables ("năm", "lăm", "một") come out of espeak-ng ~0.25 s long and end
// abruptly; slowing them to at least this length keeps the final nasal audible.
const MIN_WORD_SECONDS = 0.36;
const TARGET_RMS = 0.12; // about -18 dBFS over the speech itself, the same for every clip
const PEAK_CEILING = 0.84; // -1.5 dBFS before resampling and dither, under -1 dBFS after
const RATE_HZ = '16000';

requireTool('espeak-ng', 'apt-get install -y espeak-ng');
requireTool('sox', 'apt-get install -y sox libsox-fmt-all');

const { packClipSpecs } = await importTs('display/src/voice/pack.contents.ts');
const specs = packClipSpecs();
const work = mkdtempSync(path.join(tmpdir(), 'voice-pack-'));
mkdirSync(args.out, { recursive: true });
for (const f of readdirSync(args.out)) if (f.endsWith('.wav') || f === 'manifest.json') rmSync(path.join(args.out, f));

/** espeak-ng → trimmed speech (leading/trailing silence removed) at the voice's native rate. */
function speak(text, rate, file) {
  const raw = path.join(work, 'raw.wav');
  run('espeak-ng', ['-v', args.voice, '-s', String(rate), '-p', String(PITCH), '-w', raw, text]);
  // Keep low-level fricative onsets ("x", "s", "h"): trim only below ~-50 dBFS.
  run('sox', [
    raw,
    file,
    'highpass',
    '70',
    'silence',
    '1',
    '0.01',
    '0.3%',
    'reverse',
    'silence',
    '1',
    '0.01',
    '0.3%',
    'reverse',
  ]);
  return durationOf(file);
}

function makeSpeechClip(spec, outFile) {
  const trimmed = path.join(work, 'trimmed.wav');
  const isPhrase = spec.kind === 'phrase';
  let rate = isPhrase ? RATE_PHRASE : RATE_WORD;
  let len = speak(spec.text, rate, trimmed);
  let tempo = 1;
  if (!isPhrase && len < MIN_WORD_SECONDS) {
    // Prefer espeak's own slower timing (longer vowel); stretch the rest with sox's speech tempo.
    rate = Math.max(MIN_RATE, Math.round((rate * len) / MIN_WORD_SECONDS));
    len = speak(spec.text, rate, trimmed);
    if (len < MIN_WORD_SECONDS) tempo = len / MIN_WORD_SECONDS;
  }
  // Same loudness for every clip, but never let a peak reach -1 dBFS (no clipping, no limiter pumping).
  const { rms, peak } = levelsOf(trimmed);
  const gain = Math.min(dB(TARGET_RMS / rms), dB(PEAK_CEILING / peak));
  const effects = [];
  if (tempo < 1) effects.push('tempo', '-s', tempo.toFixed(3));
  effects.push('gain', gain.toFixed(2));
  effects.push('fade', 'q', '0.005', '-0', '0.04'); // no click at either end
  effects.push('pad', '0.01', '0.03');
  effects.push('rate', '-v', RATE_HZ, 'dither');
  run('sox', [trimmed, '-c', '1', '-b', '16', outFile, ...effects]);
  return { rate, tempo };
}

/** A soft "ding-dong": E5 then C5, each with a quiet octave partial and a bell-like decay. */
function makeChime(outFile) {
  const tone = (freq, len, name) => {
    const f = path.join(work, `${name}.wav`);
    const a = path.join(work, `${name}-a.wav`);
    const b = path.join(work, `${name}-b.wav`);
    run('sox', ['-n', '-r', RATE_HZ, '-c', '1', '-b', '16', a, 'synth', String(len), 'sine', String(freq)]);
    run('sox', [
      '-n',
      '-r',
      RATE_HZ,
      '-c',
      '1',
      '-b',
      '16',
      b,
      'synth',
      String(len),
      'sine',
      String(freq * 2),
      'gain',
      '-14',
    ]);
    run('sox', [
      '-m',
      a,
      b,
      f,
      'fade',
      'q',
      '0.006',
      String(len),
      String(len - 0.02),
      'fade',
      'l',
      '0',
      String(len),
      String(len * 0.9),
    ]);
    return f;
  };
  const ding = tone(659.25, 0.9, 'ding');
  const dong = tone(523.25, 1.2, 'dong');
  const dongLate = path.join(work, 'dong-late.wav');
  run('sox', [dong, dongLate, 'pad', '0.5', '0']);
  run('sox', ['-m', ding, dongLate, '-b', '16', outFile, 'gain', '-n', '-5', 'pad', '0', '0.1']);
}

const manifest = {
  name: 'default',
  language: 'vi-VN',
  generator: `espeak-ng -v ${args.voice} (rate ${RATE_WORD}/${RATE_PHRASE}, pitch ${PITCH}), sox; regenerate with scripts/voice/make-voice-pack.mjs`,
  clips: {},
};
const report = [];
for (const spec of specs) {
  const file = `${spec.name}.wav`;
  const out = path.join(args.out, file);
  let how = '';
  if (spec.kind === 'chime') makeChime(out);
  else {
    const { rate, tempo } = makeSpeechClip(spec, out);
    how = `rate ${rate}${tempo < 1 ? ` tempo ${tempo.toFixed(2)}` : ''}`;
  }
  const durationMs = Math.round(durationOf(out) * 1000);
  const { peak, rms } = levelsOf(out);
  manifest.clips[spec.name] = { file, durationMs, text: spec.text };
  report.push(
    `${spec.name.padEnd(32)} ${String(durationMs).padStart(5)} ms  peak ${dB(peak).toFixed(1).padStart(6)} dBFS  rms ${dB(rms).toFixed(1).padStart(6)} dBFS  ${how}  ${spec.text}`,
  );
}
writeFileSync(path.join(args.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
console.log(report.join('\n'));
console.log(`\n${specs.length} clips written to ${args.out}`);
