import type * as tf from '@tensorflow/tfjs';

/** What {@link registerGradientPatches} did, shared by every copy of this package. */
export interface GradientPatchState {
  applied: boolean;
  /** Kernel names whose gradients were replaced, in the order they were registered. */
  gradients: string[];
  /** The gradient configs tfjs had before the overrides (`undefined` where it had none). */
  stock: Map<string, tf.GradConfig | undefined>;
}

/**
 * The key of the record on the global object. Part of the contract between
 * copies of this package (and tests in fresh processes that read it), so it
 * never changes.
 */
export const PATCH_STATE_KEY = Symbol.for('@gankit/gradients/patches');

const globalObject = globalThis as unknown as Record<symbol, GradientPatchState | undefined>;

/**
 * The record kept on the global object, as tfjs keeps its gradient registry,
 * so two copies of this package (say, one under `@gankit/losses` and one under
 * `@gankit/trainers`) register once and agree on what tfjs had before.
 */
export const patchState: GradientPatchState = (globalObject[PATCH_STATE_KEY] ??= {
  applied: false,
  gradients: [],
  stock: new Map(),
});
