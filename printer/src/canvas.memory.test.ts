import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { applyCanvasAllocatorDefaults, CANVAS_ALLOCATOR_ENV } from './canvas.memory.ts';

const CANVAS = createRequire(import.meta.url).resolve('@napi-rs/canvas');

/**
 * The options the canvas library's mimalloc took, in a fresh Node process that runs `before` and then loads the
 * library: with MIMALLOC_VERBOSE it prints each one on stderr (`mimalloc: option 'purge_delay': 0`).
 */
function allocatorOptions(env: Record<string, string>, before: string): Record<string, string> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MIMALLOC_')));
  const r = spawnSync(process.execPath, ['-e', `${before}\nrequire(${JSON.stringify(CANVAS)});`], {
    env: { ...clean, ...env, MIMALLOC_VERBOSE: '1' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return Object.fromEntries([...r.stderr.matchAll(/option '(\w+)': (-?\d+)/g)].map((m) => [m[1]!, m[2]!]));
}

describe("the canvas library's allocator (issue 15)", () => {
  it('purges freed pages at once and uses no transparent huge pages, unless the operator set otherwise', () => {
    const env: NodeJS.ProcessEnv = { MIMALLOC_ALLOW_THP: '1' };
    applyCanvasAllocatorDefaults(env);
    expect(env).toEqual({ MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ALLOW_THP: '1' });
    expect(CANVAS_ALLOCATOR_ENV).toEqual({ MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ALLOW_THP: '0' });
  });

  it('the library takes options set in process.env before it loads (what canvas.memory.ts relies on)', () => {
    // Its defaults, for contrast: purge 10 ms later, huge pages allowed.
    expect(allocatorOptions({}, '')).toMatchObject({ purge_delay: '10', allow_thp: '1' });
    const set = Object.entries(CANVAS_ALLOCATOR_ENV)
      .map(([k, v]) => `process.env.${k} ??= ${JSON.stringify(v)};`)
      .join('\n');
    expect(allocatorOptions({}, set)).toMatchObject({ purge_delay: '0', allow_thp: '0' });
    // An operator's value wins.
    expect(allocatorOptions({ MIMALLOC_PURGE_DELAY: '25' }, set)).toMatchObject({ purge_delay: '25' });
  });

  it('every module that loads the library imports canvas.memory.ts before it', () => {
    for (const file of ['ticket.layout.ts', 'ticket.fonts.ts']) {
      const src = readFileSync(new URL(file, import.meta.url), 'utf8');
      const settings = src.indexOf("import './canvas.memory.ts';");
      expect(settings, file).toBeGreaterThanOrEqual(0);
      expect(settings, file).toBeLessThan(src.indexOf("from '@napi-rs/canvas';"));
    }
  });
});
