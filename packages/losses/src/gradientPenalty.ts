import * as tf from '@tensorflow/tfjs';
import type { CriticInput, Penalty, PenaltyContext } from './critic.js';
import { inputGradient, perSampleNorm, splitInput } from './internal/criticInput.js';
import { assertNumber, assertOptions, assertSameShape } from './internal/validate.js';

/** Options of {@link gradientPenalty}. */
export interface GradientPenaltyOptions {
  /** Penalty weight λ. Default 10 (Gulrajani et al. 2017, Algorithm 1). */
  lambda?: number;
  /** Penalize only norms above 1: λ·E[max(0, ‖∇‖ − 1)²] (the paper's §4 alternative). Default false. */
  oneSided?: boolean;
  /** ε in ‖g‖ = √(Σg² + ε²), so a zero gradient gives no NaN. Default 1e-8. */
  epsilon?: number;
  /**
   * The target gradient norm γ (Karras et al. 2018's `wgan_target`): the
   * penalty is (λ/γ²)·E[(‖∇‖ − γ)²]. Default 1. With the 1/γ² weight, a critic
   * f(x·γ) penalized with target γ is penalized exactly as f on data scaled by
   * γ with target 1 — so a critic with a fixed input scale s
   * (`mlpDiscriminator({ inputScale: s })`) and `target: s` trains as
   * Gulrajani et al.'s toy script does on data multiplied by s.
   */
  target?: number;
}

/**
 * The WGAN-GP gradient penalty (Gulrajani et al. 2017, "Improved Training of
 * Wasserstein GANs"):
 *
 *   x̂ = ε·x_real + (1 − ε)·x_fake,  ε ~ U[0, 1] per sample,
 *   GP = λ · E[(‖∇ₓ̂ D(x̂)‖₂ − 1)²]     (one-sided: λ · E[max(0, ‖∇‖ − 1)²]).
 *
 * With a target norm γ ≠ 1 (progressive GAN's form): GP = (λ/γ²) · E[(‖∇‖ − γ)²].
 * If D(x) = f(γx), then ∇ₓD = γ·∇f, so (λ/γ²)(‖∇ₓD‖ − γ)² = λ(‖∇f‖ − 1)²:
 * the same penalty as f on the data scaled by γ.
 *
 * The optimal critic has unit gradient norm on the lines between coupled
 * points, so penalizing the deviation there softly enforces the 1-Lipschitz
 * constraint the Wasserstein dual needs. Computing ∂GP/∂θ needs second-order
 * gradients, which stock tfjs gets silently wrong through tanh, sigmoid, exp,
 * elu and softmax (tfjs #3252) and cannot take through leaky ReLU; importing
 * this package registers the fixes from `@gankit/gradients`, on every backend,
 * with or without `@gankit/backend`.
 *
 * For conditional critics pass `[x, labels]` as real and fake: only x is
 * interpolated; the real batch's conditioning is used for x̂.
 *
 * @param options - `lambda` (10), `oneSided` (false), `epsilon` (1e-8), `target` (1).
 * @returns a {@link Penalty}: `(critic, real, fake, context?) → Scalar`.
 *
 * @example
 * ```ts
 * const gp = gradientPenalty({ lambda: 10 });
 * const dLoss = () => wassersteinLoss().discriminator(c.apply(real), c.apply(fake)).add(gp(critic, real, fake));
 * ```
 */
export function gradientPenalty(options?: GradientPenaltyOptions): Penalty {
  const fn = 'gradientPenalty';
  assertOptions(fn, options, ['lambda', 'oneSided', 'epsilon', 'target']);
  const lambda = options?.lambda ?? 10;
  const epsilon = options?.epsilon ?? 1e-8;
  const oneSided = options?.oneSided ?? false;
  const target = options?.target ?? 1;
  assertNumber(fn, 'lambda', lambda, { min: 0 });
  assertNumber(fn, 'epsilon', epsilon, { exclusiveMin: 0 });
  assertNumber(fn, 'target', target, { exclusiveMin: 0 });
  const weight = lambda / (target * target);
  if (typeof oneSided !== 'boolean') throw new Error(`${fn}: 'oneSided' must be a boolean, got ${String(oneSided)}`);

  return (critic, real: CriticInput, fake: CriticInput, context?: PenaltyContext) => {
    const r = splitInput(fn, 'real', real);
    const f = splitInput(fn, 'fake', fake);
    assertSameShape(fn, 'real', r.x, 'fake', f.x);
    return tf.tidy(() => {
      const alphaShape = [r.x.shape[0]!, ...r.x.shape.slice(1).map(() => 1)];
      const alpha = context?.uniform !== undefined ? context.uniform(alphaShape) : tf.randomUniform(alphaShape);
      const xHat = tf.add(tf.mul(alpha, r.x), tf.mul(tf.sub(1, alpha), f.x));
      const norms = perSampleNorm(inputGradient(critic, xHat, r.rest), epsilon);
      const excess = oneSided ? tf.relu(tf.sub(norms, target)) : tf.sub(norms, target);
      return tf.mul(weight, tf.mean(tf.square(excess))) as tf.Scalar;
    });
  };
}
