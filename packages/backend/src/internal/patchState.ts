import type * as tf from '@tensorflow/tfjs';

interface PatchState {
  applied: boolean;
  kernels: string[];
  /** The stock wasm kernels gankit replaced (for benchmarks and tests that compare). */
  stockKernels: Map<string, tf.KernelConfig>;
}

const KEY = Symbol.for('@gankit/backend/patches');
const globalObject = globalThis as unknown as Record<symbol, PatchState | undefined>;

/**
 * What the register module did to the kernels (the gradients are
 * `@gankit/gradients`' record), kept on the global object (as tfjs keeps its
 * registries) so two copies of this package agree.
 */
export const patchState: PatchState = (globalObject[KEY] ??= {
  applied: false,
  kernels: [],
  stockKernels: new Map(),
});
