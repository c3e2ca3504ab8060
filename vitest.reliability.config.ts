import { defineConfig } from 'vitest/config';

// The reliability and security suite (issue 10): run through `npm run test:reliability`,
// which prints the figures table. One file at a time: crash and concurrency runs must
// not compete with each other for the two cores.
export default defineConfig({
  test: {
    include: ['reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
