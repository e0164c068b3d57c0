import * as tf from '@tensorflow/tfjs';
import type { LipschitzConstraint } from './lipschitzConstraint.js';
import { assertNumber, assertOptions } from './internal/validate.js';

/** Options of {@link weightClipping}. */
export interface WeightClippingOptions {
  /** c: every weight is clipped to [−c, c]. Default 0.01 (Arjovsky et al. 2017, Algorithm 1). */
  clipValue?: number;
}

/**
 * Weight clipping, the original WGAN's way to keep the critic K-Lipschitz
 * (Arjovsky, Chintala & Bottou 2017): after every critic update,
 *
 *   w ← clip(w, −c, c)   for every critic weight w.
 *
 * The weights then lie in a compact set, so the critic is K-Lipschitz for some
 * K that depends on c and the architecture. Crude (Gulrajani et al. 2017 show
 * it biases the critic towards simple functions and makes training sensitive
 * to c) but simple; prefer {@link gradientPenalty} or spectral normalization.
 *
 * @param options - `clipValue` c > 0 (default 0.01).
 * @returns a {@link LipschitzConstraint} whose `apply(variables)` clips in place.
 *
 * @example
 * ```ts
 * const clip = weightClipping({ clipValue: 0.01 });
 * optimizer.minimize(criticLoss, false, criticVars);
 * clip.apply(criticVars);
 * ```
 */
export function weightClipping(options?: WeightClippingOptions): LipschitzConstraint {
  const fn = 'weightClipping';
  assertOptions(fn, options, ['clipValue']);
  const c = options?.clipValue ?? 0.01;
  assertNumber(fn, 'clipValue', c, { exclusiveMin: 0 });
  return {
    name: 'weight-clipping',
    apply(variables) {
      if (!Array.isArray(variables) || !variables.every((v) => v instanceof tf.Variable)) {
        throw new Error(`${fn}.apply: 'variables' must be an array of tf.Variable`);
      }
      tf.tidy(() => {
        for (const v of variables) v.assign(tf.clipByValue(v, -c, c));
      });
    },
  };
}
