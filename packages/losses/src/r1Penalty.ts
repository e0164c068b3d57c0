import * as tf from '@tensorflow/tfjs';
import type { CriticInput, Penalty } from './critic.js';
import { inputGradient, splitInput } from './internal/criticInput.js';
import { assertNumber, assertOptions } from './internal/validate.js';

/** Options of {@link r1Penalty}. */
export interface R1PenaltyOptions {
  /** Weight γ. Default 10 (Mescheder et al. 2018 use γ = 10 for most of their experiments). */
  gamma?: number;
}

/**
 * The R1 regularizer (Mescheder, Geiger & Nowozin 2018, "Which Training
 * Methods for GANs do actually Converge?"):
 *
 *   R1 = γ/2 · E_{x∼p_data}[‖∇ₓ D(x)‖₂²]
 *
 * It penalizes the critic's gradient on real data only, which makes the GAN
 * game locally convergent; use it with the non-saturating loss. The `fake`
 * argument is accepted (the {@link Penalty} shape) and ignored. Like
 * {@link gradientPenalty}, ∂R1/∂θ needs second-order gradients; importing this
 * package registers the fixes from `@gankit/gradients` that make them correct
 * in tfjs, with or without `@gankit/backend`.
 *
 * @param options - `gamma` (10).
 * @returns a {@link Penalty}.
 *
 * @example
 * ```ts
 * const r1 = r1Penalty({ gamma: 10 });
 * const dLoss = nonSaturatingLoss().discriminator(d.apply(real), d.apply(fake)).add(r1(d, real, fake));
 * ```
 */
export function r1Penalty(options?: R1PenaltyOptions): Penalty {
  const fn = 'r1Penalty';
  assertOptions(fn, options, ['gamma']);
  const gamma = options?.gamma ?? 10;
  assertNumber(fn, 'gamma', gamma, { min: 0 });
  return (critic, real: CriticInput) => {
    const r = splitInput(fn, 'real', real);
    return tf.tidy(() => {
      const g = inputGradient(critic, r.x, r.rest);
      const axes = g.shape.slice(1).map((_, i) => i + 1);
      const sq = axes.length > 0 ? tf.sum(tf.square(g), axes) : tf.square(g);
      return tf.mul(gamma / 2, tf.mean(sq)) as tf.Scalar;
    });
  };
}
