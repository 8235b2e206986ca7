import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_ENV, SERVER_V8_FLAGS } from './bench.proc.ts';

/**
 * The bench measures the server's memory as it is deployed (issue 15): the systemd unit and `npm start` carry the
 * same memory settings the bench starts the server with, so a figure in docs/benchmarks.md is one a center gets.
 */
const ROOT = join(import.meta.dirname, '../..');
const unit = readFileSync(join(ROOT, 'scripts/deploy/hcc-queue.service'), 'utf8');
const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts
  .start;
// NODE_OPTIONS of the unit (quoted when it holds several flags), and the flags `npm start` puts before the script.
const unitNodeOptions = (/^Environment="?NODE_OPTIONS=([^"\n]*)"?$/m.exec(unit)?.[1] ?? '').split(' ').filter(Boolean);
const startNodeFlags = (/exec node ((?:--\S+ )*)/.exec(start)?.[1] ?? '').split(' ').filter(Boolean);

describe('memory settings of the server, as deployed and as measured', () => {
  for (const key of ['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_'])
    it(`${key} is the same in the unit, npm start and the bench`, () => {
      expect(unit).toContain(`Environment=${key}=${SERVER_ENV[key]}\n`);
      expect(start).toContain(`${key}=\${${key}:-${SERVER_ENV[key]}}`);
    });
  // Each V8 flag of the bench's server (young generation, old-space ceiling) is given to the deployed server too.
  for (const flag of SERVER_V8_FLAGS)
    it(`${flag.split('=')[0]} is the same in the unit, npm start and the bench`, () => {
      expect(SERVER_ENV.NODE_OPTIONS?.split(' ')).toContain(flag);
      expect(unitNodeOptions).toContain(flag);
      expect(startNodeFlags).toContain(flag);
    });
  it('the bench gives no V8 flag the deployed server lacks, nor the other way round', () => {
    expect([...unitNodeOptions].sort()).toEqual([...SERVER_V8_FLAGS].sort());
    expect([...startNodeFlags].sort()).toEqual([...SERVER_V8_FLAGS].sort());
  });
});
