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
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-results.json' },
  },
});
