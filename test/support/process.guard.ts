import { afterAll, afterEach } from 'vitest';
import { recordUnexpected, takeUnexpected, type Unexpected } from '../../server/src/testing/unexpected.testing.ts';

/**
 * Set up in every test file (vitest.config.ts setupFiles): nothing may go wrong in the background.
 *
 * Vitest alone reports an uncaught exception or unhandled rejection as an "Unhandled Error" and fails the
 * run (unless dangerouslyIgnoreUnhandledErrors), but the test during which it happened still passes, and
 * it stops reporting them as soon as any other listener exists ("handled by user code"). Here every such
 * error, and every error a test server logged as unexpected or a child server's unasked exit, fails the
 * test during which it was recorded (afterEach), or the file (afterAll) when no test was running.
 */
const onException = (error: unknown) =>
  recordUnexpected({ source: 'uncaughtException', message: describe(error), error });
const onRejection = (error: unknown) =>
  recordUnexpected({ source: 'unhandledRejection', message: describe(error), error });
process.on('uncaughtException', onException);
process.on('unhandledRejection', onRejection);

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function fail(found: Unexpected[]): void {
  if (!found.length) return;
  const lines = found.map(
    (u) => `- ${u.source}: ${u.message}${u.error instanceof Error && u.error.stack ? `\n${u.error.stack}` : ''}`,
  );
  const err = new Error(`Unexpected errors in the background of this test (${found.length}):\n${lines.join('\n')}`);
  if (found[0]?.error instanceof Error) err.cause = found[0].error;
  throw err;
}

afterEach(() => fail(takeUnexpected()));
// Registered first, so it runs after the test file's own afterAll (servers closed by then). Later errors
// (teardown) go to vitest's own handler again, which fails the run.
afterAll(() => {
  process.off('uncaughtException', onException);
  process.off('unhandledRejection', onRejection);
  fail(takeUnexpected());
});
