import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two cores on CI: the end-to-end suite starts real processes, so keep workers few.
    maxWorkers: 2,
  },
});
