#!/usr/bin/env node
// Writes manifest.json for a folder of recorded clips (one file per clip, named <clip>.wav/.ogg/.mp3):
//   node scripts/voice/make-manifest.mjs DATA_DIR/voice/hue [--name hue]
// Then check it: node scripts/voice/check-voice-pack.mjs --pack DATA_DIR/voice/hue
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { durationOf, requireTool } from './voice.lib.mjs';

const { values: args, positionals } = parseArgs({ options: { name: { type: 'string' } }, allowPositionals: true });
const dir = positionals[0];
if (!dir) {
  console.error('usage: node scripts/voice/make-manifest.mjs DIR [--name NAME]');
  process.exit(2);
}
requireTool('soxi', 'apt-get install -y sox libsox-fmt-all');

const clips = {};
const skipped = [];
for (const file of readdirSync(dir).sort()) {
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(wav|ogg|mp3|flac)$/.exec(file);
  if (!m) {
    if (file !== 'manifest.json') skipped.push(file);
    continue;
  }
  clips[m[1]] = { file, durationMs: Math.round(durationOf(path.join(dir, file)) * 1000) };
}
const manifest = { name: args.name ?? path.basename(path.resolve(dir)), language: 'vi-VN', clips };
writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${Object.keys(clips).length} clips in ${path.join(dir, 'manifest.json')}`);
if (skipped.length > 0)
  console.log(`skipped (name must be lower-case ASCII words joined by "-"): ${skipped.join(', ')}`);
