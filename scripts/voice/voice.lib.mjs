// Shared helpers for the voice-pack scripts: run sox/espeak-ng, measure clips, load the TS vocabulary.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_PACK_DIR = path.join(ROOT, 'display/public/voice/default');

/** Runs a command; throws with its stderr when it fails. Returns stdout + stderr (sox prints stats on stderr). */
export function run(cmd, args) {
  // -R: repeatable sox (fixed dither seed), so regenerating an unchanged pack changes no file.
  const fullArgs = cmd === 'sox' ? ['-R', ...args] : args;
  try {
    return execFileSync(cmd, fullArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(`${cmd} ${args.join(' ')}\n${err.stderr ?? err.message}`, { cause: err });
  }
}

export function requireTool(name, hint) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
  } catch {
    console.error(`${name} is missing: ${hint}`);
    process.exit(2);
  }
}

/** Duration in seconds. */
export function durationOf(file) {
  return Number(run('soxi', ['-D', file]).trim());
}

/** {peak, rms} as linear amplitudes (0–1), from `sox stat`. */
export function levelsOf(file) {
  const out = execFileSync('sh', ['-c', `sox "$1" -n stat 2>&1`, 'sh', file], { encoding: 'utf8' });
  const num = (label) => Number(new RegExp(`${label}:\\s+(-?[0-9.e+-]+)`).exec(out)?.[1] ?? NaN);
  const max = num('Maximum amplitude');
  const min = num('Minimum amplitude');
  return { peak: Math.max(Math.abs(max), Math.abs(min)), rms: num('RMS\\s+amplitude') };
}

export const dB = (x) => (x > 0 ? 20 * Math.log10(x) : -Infinity);

/** Imports a TypeScript module of the display app through Vite's module runner (Node cannot run .ts itself). */
export async function importTs(relPath) {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(path.join(ROOT, relPath), { configFile: false, logLevel: 'error' });
  return module;
}
