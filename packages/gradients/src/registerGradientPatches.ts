import * as tf from '@tensorflow/tfjs';
import { GRADIENT_PATCHES } from './gradientPatches.js';
import { patchState } from './internal/patchState.js';

/** What {@link registerGradientPatches} reports. */
export interface GradientPatchRecord {
  /** Kernel names whose gradients gankit replaced, in {@link GRADIENT_PATCHES} order. */
  readonly gradients: readonly string[];
  /**
   * The gradient config tfjs had for each of them before (`undefined` for the
   * comparison and logical ops, which had none), to compare against or to
   * restore with `tf.registerGradient`.
   */
  readonly stock: ReadonlyMap<string, tf.GradConfig | undefined>;
}

/**
 * Registers {@link GRADIENT_PATCHES} with `tf.registerGradient`, so that
 * second-order gradients — ∂/∂θ of a WGAN-GP gradient penalty
 * λ·E[(‖∇ₓD_θ(x̂)‖ − 1)²] or of R1 = γ/2·E‖∇ₓD_θ(x)‖² — are correct on
 * every backend.
 *
 * Idempotent, across copies of this package too: the record lives on the
 * global object (under `Symbol.for('@gankit/gradients/patches')`), as tfjs's
 * gradient registry does, so only the first call registers and records the
 * stock configs; later calls return the same record. `@gankit/losses`,
 * `@gankit/trainers` and `@gankit/backend` call it on import.
 *
 * @returns the kernels whose gradients were replaced and the configs tfjs had before.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { registerGradientPatches } from '@gankit/gradients';
 * const { gradients, stock } = registerGradientPatches(); // ['Tanh', 'Sigmoid', …]
 * tf.registerGradient(stock.get('Tanh')!);                 // back to tfjs's own (to compare)
 * ```
 */
export function registerGradientPatches(): GradientPatchRecord {
  if (!patchState.applied) {
    for (const config of GRADIENT_PATCHES) {
      patchState.stock.set(config.kernelName, tf.getGradient(config.kernelName));
      tf.registerGradient(config);
      patchState.gradients.push(config.kernelName);
    }
    patchState.applied = true;
  }
  return { gradients: [...patchState.gradients], stock: new Map(patchState.stock) };
}
