import * as tf from '@tensorflow/tfjs';

/** The Node backends whose behaviour can differ; tests that touch kernels run on both. */
export const NODE_BACKENDS = ['cpu', 'wasm'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

/**
 * Activates a backend for the tests that follow. The test file must have
 * imported `@gankit/backend` (and called `initBackend()` once), so gankit's
 * kernels and gradients are registered: this checks, and says so if not.
 */
export async function useBackend(name: NodeBackend): Promise<void> {
  const patches = (globalThis as Record<symbol, { applied?: boolean } | undefined>)[Symbol.for('@gankit/backend/patches')];
  if (patches?.applied !== true) {
    throw new Error("useBackend: import '@gankit/backend' and await initBackend() before switching backends in a test");
  }
  if (tf.getBackend() !== name) {
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`useBackend: backend '${name}' failed to initialise`);
  }
  await tf.ready();
}

/** Runs `fn` with `name` active and returns its result. */
export async function onBackend<T>(name: NodeBackend, fn: () => T | Promise<T>): Promise<T> {
  await useBackend(name);
  return fn();
}
