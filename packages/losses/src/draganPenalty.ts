import * as tf from '@tensorflow/tfjs';
import type { CriticInput, Penalty, PenaltyContext } from './critic.js';
import { inputGradient, perSampleNorm, splitInput } from './internal/criticInput.js';
import { assertNumber, assertOptions } from './internal/validate.js';

/** Options of {@link draganPenalty}. */
export interface DraganPenaltyOptions {
  /** Penalty weight λ. Default 10 (Kodali et al. 2017; torchgan's `DraganGradientPenalty`). */
  lambda?: number;
  /** The target gradient norm k. Default 1. */
  k?: number;
  /** Scale c of the perturbation, in units of the batch's standard deviation. Default 0.5 (the authors' code, torchgan). */
  c?: number;
  /** ε in ‖g‖ = √(Σg² + ε²), so a zero gradient gives no NaN. Default 1e-8. */
  epsilon?: number;
}

/**
 * The DRAGAN gradient penalty (Kodali, Abernethy, Hays & Kira 2017, "On
 * Convergence and Stability of GANs"): a gradient penalty around the real
 * data only, against the sharp gradients of D near real points that go with
 * mode collapse. With u ~ U[0, 1) per element and α ~ U[0, 1) per sample,
 *
 *   x_p = x + c·std(x)·u,
 *   x̂ = α·x + (1 − α)·x_p = x + (1 − α)·c·std(x)·u,
 *   penalty = λ · E[(‖∇ₓ̂ D(x̂)‖₂ − k)²].
 *
 * std(x) is one number, the standard deviation over every element of the
 * real batch with Bessel's correction, as in torchgan's
 * `DraganGradientPenalty.train_ops` (`real_inputs.std()`); the authors' code
 * uses NumPy's population std, smaller by √((N − 1)/N) for N elements —
 * nothing at batch scale. Unlike torchgan, which takes one norm of the whole
 * batch's gradient and draws α per element, the norm is per sample and α per
 * sample, as in the paper and the authors' code. The `fake` argument is
 * accepted (the {@link Penalty} shape) and ignored. Like
 * {@link gradientPenalty}, ∂penalty/∂θ needs second-order gradients, which
 * importing this package makes correct in tfjs.
 *
 * Randomness: `context.uniform` (default `tf.randomUniform`) is called twice,
 * first for u (the shape of x), then for α ([n, 1, …]). For conditional
 * critics pass `[x, labels]`: only x is perturbed.
 *
 * @param options - `lambda` (10), `k` (1), `c` (0.5), `epsilon` (1e-8).
 * @returns a {@link Penalty}: `(critic, real, fake, context?) → Scalar`.
 *
 * @example
 * ```ts
 * const dragan = draganPenalty({ lambda: 10 });
 * const loss = nonSaturatingLoss();
 * const dLoss = () => loss.discriminator(d.apply(real) as tf.Tensor, d.apply(fake) as tf.Tensor).add(dragan(d, real, fake));
 * ```
 */
export function draganPenalty(options?: DraganPenaltyOptions): Penalty {
  const fn = 'draganPenalty';
  assertOptions(fn, options, ['lambda', 'k', 'c', 'epsilon']);
  const lambda = options?.lambda ?? 10;
  const k = options?.k ?? 1;
  const c = options?.c ?? 0.5;
  const epsilon = options?.epsilon ?? 1e-8;
  assertNumber(fn, 'lambda', lambda, { min: 0 });
  assertNumber(fn, 'k', k, { min: 0 });
  assertNumber(fn, 'c', c, { min: 0 });
  assertNumber(fn, 'epsilon', epsilon, { exclusiveMin: 0 });

  return (critic, real: CriticInput, _fake: CriticInput, context?: PenaltyContext) => {
    const r = splitInput(fn, 'real', real);
    if (r.x.rank === 0 || r.x.size < 2) {
      throw new Error(`${fn}: 'real' must be a batch of at least 2 elements (its standard deviation scales the perturbation), got shape [${r.x.shape}]`);
    }
    const uniform = context?.uniform ?? ((shape: number[]) => tf.randomUniform(shape));
    return tf.tidy(() => {
      const u = uniform(r.x.shape);
      const alpha = uniform([r.x.shape[0]!, ...r.x.shape.slice(1).map(() => 1)]);
      const n = r.x.size;
      const std = tf.sqrt(tf.mul(tf.moments(r.x).variance, n / (n - 1)));
      const xHat = tf.add(r.x, tf.mul(tf.mul(tf.sub(1, alpha), c), tf.mul(std, u)));
      const norms = perSampleNorm(inputGradient(critic, xHat, r.rest), epsilon);
      return tf.mul(lambda, tf.mean(tf.square(tf.sub(norms, k)))) as tf.Scalar;
    });
  };
}
