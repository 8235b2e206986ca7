import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_ENV } from './bench.proc.ts';

/**
 * The bench measures the server's memory as it is deployed (issue 15): the systemd unit and `npm start` carry the
 * same memory settings the bench starts the server with, so a figure in docs/benchmarks.md is one a center gets.
 */
const ROOT = join(import.meta.dirname, '../..');
const unit = readFileSync(join(ROOT, 'scripts/deploy/hcc-queue.service'), 'utf8');
const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts
  .start;

describe('memory settings of the server, as deployed and as measured', () => {
  for (const key of ['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_'])
    it(`${key} is the same in the unit, npm start and the bench`, () => {
      expect(unit).toContain(`Environment=${key}=${SERVER_ENV[key]}\n`);
      expect(start).toContain(`${key}=\${${key}:-${SERVER_ENV[key]}}`);
    });
  it('the V8 young generation is as small in all three', () => {
    const flag = /--max-semi-space-size=\d+/.exec(SERVER_ENV.NODE_OPTIONS ?? '')?.[0];
    expect(flag).toBeDefined();
    expect(unit).toContain(`Environment=NODE_OPTIONS=${flag}\n`);
    expect(start).toContain(`node ${flag} `);
  });
});
