import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/server-process.ts';

/**
 * The suite fails on what goes wrong in the background (issue 11): runs the fixtures in
 * test/support/guard-fixtures with the real setup file, in a vitest of their own, and reads what it reported.
 */
function runFixtures(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-guard-'));
  const out = join(dir, 'result.json');
  try {
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'test/support/guard-fixtures/vitest.fixture.config.ts',
        '--reporter=json',
        `--outputFile=${out}`,
      ],
      { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 },
    );
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      testResults: { name: string; assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
    };
    const tests = new Map<string, { status: string; message: string }>();
    for (const f of json.testResults)
      for (const a of f.assertionResults)
        tests.set(a.title, { status: a.status, message: a.failureMessages.join('\n') });
    return { exitCode: r.status, tests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('process guard', () => {
  it('fails the test during which an uncaught exception, an unhandled rejection, a logged server bug or a server crash happened', () => {
    const { exitCode, tests } = runFixtures();
    expect(exitCode).not.toBe(0);
    expect(tests.get('an exception thrown in a timer during the test')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('boom-uncaught'),
    });
    expect(tests.get('a promise rejected with nobody listening during the test')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('boom-rejection'),
    });
    expect(tests.get('a request the server answers 500 (a bug it logs as unexpected)')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('boom-bug'),
    });
    expect(tests.get('the server process dies while the test runs')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('exited unasked'),
    });
    for (const clean of [
      'a clean test after them still passes',
      'a clean request after it still passes',
      'an asked stop is no failure',
    ]) {
      expect(tests.get(clean)?.status, clean).toBe('passed');
    }
  });
});
