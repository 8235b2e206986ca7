import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Runs the guard fixtures the way the real suite runs tests (test/process.guard.test.ts reads the result). */
const root = fileURLToPath(new URL('../../..', import.meta.url));
export default defineConfig({
  test: {
    root,
    pool: 'forks',
    include: ['test/support/guard-fixtures/*.fixture.ts'],
    setupFiles: process.env.HCC_GUARD_OFF ? [] : ['test/support/process.guard.ts'],
    testTimeout: 30_000,
  },
});
