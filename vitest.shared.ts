import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings for every package: resolve workspace packages to their
 * TypeScript sources (the `@gankit/source` export condition), so tests never need
 * a build, and keep tfjs external so one instance serves the whole test file.
 */
export const sharedConfig = defineConfig({
  resolve: {
    conditions: ['@gankit/source', 'node', 'import', 'module', 'default'],
  },
  ssr: {
    resolve: {
      conditions: ['@gankit/source', 'node', 'import', 'module', 'default'],
      externalConditions: ['node', 'import', 'default'],
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Test files run side by side, one process each: keep each on one wasm
    // thread unless asked (the threaded path has its own test in @gankit/backend).
    env: { GANKIT_WASM_THREADS: process.env['GANKIT_WASM_THREADS'] ?? '1' },
    pool: 'forks',
    // One test process per core: `pnpm test` runs the packages' suites one
    // after another (turbo --concurrency=1), each on every core, so the cores
    // are never oversubscribed.
    maxWorkers: availableParallelism(),
    // No test asserts on time. These limits only end a test that hangs; each
    // test's work is seconds, so load on the machine cannot reach them.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // The JSON report is the test task's output (turbo caches it) and what
    // scripts/test-summary.mjs adds up.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
  },
});
