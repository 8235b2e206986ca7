import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAnnouncement } from './announcement.clips.ts';
import { packClipSpecs } from './pack.contents.ts';
import { parseManifest } from './pack.manifest.ts';

// The shipped pack is generated once (scripts/voice/make-voice-pack.mjs) and committed;
// this keeps it in step with the vocabulary without needing espeak-ng in CI.
const dir = fileURLToPath(new URL('../../public/voice/default/', import.meta.url));
const { manifest, problems } = parseManifest(JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')));

describe('shipped default voice pack', () => {
  it('has a valid manifest with every clip of the vocabulary', () => {
    expect(problems).toEqual([]);
    expect(manifest.name).toBe('default');
    for (const spec of packClipSpecs()) expect(Object.keys(manifest.clips)).toContain(spec.name);
  });

  it('holds mono 16-bit 16 kHz WAV files matching the manifest durations, under 2 MB in all', () => {
    let total = 0;
    for (const [name, clip] of Object.entries(manifest.clips)) {
      const bytes = readFileSync(`${dir}${clip.file}`);
      total += bytes.length;
      expect(bytes.subarray(0, 4).toString('ascii'), name).toBe('RIFF');
      expect(bytes.subarray(8, 12).toString('ascii'), name).toBe('WAVE');
      const channels = bytes.readUInt16LE(22);
      const rate = bytes.readUInt32LE(24);
      const bits = bytes.readUInt16LE(34);
      expect([channels, rate, bits], name).toEqual([1, 16000, 16]);
      const seconds = (bytes.length - 44) / (rate * 2);
      expect(Math.abs(seconds * 1000 - clip.durationMs), name).toBeLessThan(20);
    }
    const files = readdirSync(dir).reduce((n, f) => n + statSync(`${dir}${f}`).size, 0);
    expect(files).toBeLessThan(2 * 1024 * 1024);
    expect(total).toBeGreaterThan(0);
  });

  it('can say every number 0–9999 in both dialects and both reading modes with no missing clip', () => {
    const available = new Set(Object.keys(manifest.clips));
    for (const dialect of ['north', 'south'] as const) {
      for (const mode of ['words', 'digits'] as const) {
        for (let n = 0; n <= 9999; n += 7) {
          const a = buildAnnouncement({
            number: String(n),
            counter: (n % 40) + 1,
            reading: { mode, dialect },
            available,
          });
          expect(a.missing, `${n} ${dialect} ${mode}`).toEqual([]);
        }
      }
    }
  });
});
