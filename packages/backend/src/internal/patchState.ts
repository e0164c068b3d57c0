import type * as tf from '@tensorflow/tfjs';

interface PatchState {
  applied: boolean;
  kernels: string[];
  gradients: string[];
  /** The gradient configs tfjs had before gankit's overrides (for tests that show the difference). */
  stockGradients: Map<string, tf.GradConfig | undefined>;
  /** The stock wasm kernels gankit replaced (for benchmarks and tests that compare). */
  stockKernels: Map<string, tf.KernelConfig>;
}

const KEY = Symbol.for('@gankit/backend/patches');
const globalObject = globalThis as unknown as Record<symbol, PatchState | undefined>;

/**
 * What the register module did, kept on the global object (as tfjs keeps its
 * registries) so two copies of this package agree.
 */
export const patchState: PatchState = (globalObject[KEY] ??= {
  applied: false,
  kernels: [],
  gradients: [],
  stockGradients: new Map(),
  stockKernels: new Map(),
});
