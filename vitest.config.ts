import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'printer/**/*.test.ts', '{kiosk,counter,display,admin}/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Cross-process and browser tests start real servers: keep them from fighting over 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
