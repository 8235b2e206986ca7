import { defineConfig } from 'vitest/config';
import { FRONT_END_ALIASES } from './ui/vite.base.ts';

const LOAD = [
  'test/busy-day.test.ts',
  'test/crash.test.ts',
  'test/network-faults.test.ts',
  'test/province.faults.test.ts',
];

export default defineConfig({
  resolve: { alias: FRONT_END_ALIASES },
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // Both projects (extends: true): an uncaught exception, an unhandled rejection, an error a test server logs
    // as unexpected or a child server's unasked exit fails the test during which it happened.
    setupFiles: ['test/support/process.guard.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: [
            'server/**/*.test.ts',
            'printer/**/*.test.ts',
            '{kiosk,counter,display,admin,ui,book}/src/**/*.test.{ts,tsx}',
            'province/**/*.test.{ts,tsx}',
            'test/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: [...LOAD, '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The load and fault proofs saturate both cores: they run alone, after everything else, so they
        // neither slow the browser tests nor are slowed by them.
        extends: true,
        test: { name: 'load', include: LOAD, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
