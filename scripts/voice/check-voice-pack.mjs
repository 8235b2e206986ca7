#!/usr/bin/env node
// Checks a voice pack (the shipped one or a center's recording) and renders a sample call:
//   node scripts/voice/check-voice-pack.mjs [--pack DIR] [--number 1005] [--counter 3]
//        [--template "Kính mời … {number} … {counter}"] [--reading words|digits] [--dialect north|south]
//        [--sample test-output/voice/sample.wav]
// Reports missing clips, clipped or silent clips, and the sample's duration. Exit code 1 on a problem.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PACK_DIR, ROOT, dB, durationOf, importTs, levelsOf, requireTool, run } from './voice.lib.mjs';

const { values: args } = parseArgs({
  options: {
    pack: { type: 'string', default: DEFAULT_PACK_DIR },
    number: { type: 'string', default: '1005' },
    counter: { type: 'string', default: '3' },
    template: { type: 'string' },
    reading: { type: 'string', default: 'words' },
    dialect: { type: 'string', default: 'north' },
    sample: { type: 'string', default: path.join(ROOT, 'test-output/voice/sample.wav') },
  },
});

// Same spacing as the browser player's defaults (clip.player.ts: gapMs 60, pauseMs 700).
const GAP_S = 0.06;
const PAUSE_S = 0.7;

requireTool('sox', 'apt-get install -y sox libsox-fmt-all');
const { parseManifest, missingClips } = await importTs('display/src/voice/pack.manifest.ts');
const { buildAnnouncement, requiredClips } = await importTs('display/src/voice/announcement.clips.ts');

const problems = [];
const manifestPath = path.join(args.pack, 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`no manifest.json in ${args.pack}`);
  process.exit(1);
}
const { manifest, problems: manifestProblems } = parseManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
problems.push(...manifestProblems);

const templates = args.template ? [args.template] : undefined;
const dialects = [args.dialect];
const missing = missingClips(manifest, requiredClips({ ...(templates ? { templates } : {}), dialects }));
if (missing.length > 0)
  console.log(`missing phrase/number clips (word clips may stand in for phrases): ${missing.join(', ')}`);

console.log(
  `\n${'clip'.padEnd(32)} ${'ms'.padStart(5)}  ${'peak dBFS'.padStart(9)}  ${'rms dBFS'.padStart(8)}  format`,
);
for (const [name, clip] of Object.entries(manifest.clips)) {
  const file = path.join(args.pack, clip.file);
  if (!existsSync(file)) {
    problems.push(`${name}: file ${clip.file} not found`);
    continue;
  }
  const seconds = durationOf(file);
  const { peak, rms } = levelsOf(file);
  const info = run('soxi', [file]);
  const rateHz = /Sample Rate\s*:\s*(\d+)/.exec(info)?.[1];
  const channels = /Channels\s*:\s*(\d+)/.exec(info)?.[1];
  const flags = [];
  if (peak >= 0.999) flags.push('CLIPPED');
  if (dB(rms) < -45) flags.push('SILENT');
  else if (dB(rms) < -30) flags.push('too quiet');
  if (Math.abs(seconds * 1000 - clip.durationMs) > 50) flags.push(`manifest says ${clip.durationMs} ms`);
  if (channels !== '1') flags.push(`${channels} channels (mono expected)`);
  for (const f of flags) problems.push(`${name}: ${f}`);
  console.log(
    `${name.padEnd(32)} ${String(Math.round(seconds * 1000)).padStart(5)}  ${dB(peak).toFixed(1).padStart(9)}  ${dB(rms).toFixed(1).padStart(8)}  ${rateHz} Hz/${channels}ch  ${flags.join(', ')}`,
  );
}

// Render the sample exactly as the display would say it.
const a = buildAnnouncement({
  ...(args.template ? { template: args.template } : {}),
  number: args.number,
  counter: args.counter,
  reading: { mode: args.reading, dialect: args.dialect },
  available: new Set(Object.keys(manifest.clips)),
});
if (a.missing.length > 0) problems.push(`the sample cannot say: ${a.missing.join(', ')}`);
const work = mkdtempSync(path.join(tmpdir(), 'voice-sample-'));
const rate = String(
  /Sample Rate\s*:\s*(\d+)/.exec(run('soxi', [path.join(args.pack, Object.values(manifest.clips)[0].file)]))?.[1] ??
    16000,
);
const silence = (seconds, name) => {
  const f = path.join(work, `${name}.wav`);
  run('sox', ['-n', '-r', rate, '-c', '1', '-b', '16', f, 'trim', '0', String(seconds)]);
  return f;
};
const gap = silence(GAP_S, 'gap');
const pause = silence(PAUSE_S, 'pause');
const parts = [];
for (const name of a.clips) {
  if (name === 'pause') parts.push(pause);
  else {
    // Resample and downmix on the way in, so a recorded pack in other formats still joins.
    const f = path.join(work, `${parts.length}.wav`);
    run('sox', [path.join(args.pack, manifest.clips[name].file), '-r', rate, '-c', '1', '-b', '16', f]);
    parts.push(f, gap);
  }
}
mkdirSync(path.dirname(args.sample), { recursive: true });
run('sox', [...parts, args.sample]);
rmSync(work, { recursive: true, force: true });
const { peak, rms } = levelsOf(args.sample);
console.log(`\nsample: "${a.text}" ×${a.repeat}`);
console.log(`clips: ${a.clips.join(' ')}`);
console.log(
  `${args.sample}: ${durationOf(args.sample).toFixed(2)} s, peak ${dB(peak).toFixed(1)} dBFS, rms ${dB(rms).toFixed(1)} dBFS`,
);

if (problems.length > 0) {
  console.log(`\n${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('\npack OK');
