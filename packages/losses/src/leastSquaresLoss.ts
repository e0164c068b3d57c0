import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss } from './adversarialLoss.js';
import { assertNumber, assertOptions, assertSameSampleShape, assertTensor } from './internal/validate.js';

/** Options of {@link leastSquaresLoss}: the a-b-c coding of Mao et al. */
export interface LeastSquaresOptions {
  /** Target for fake samples in D's loss. Default 0. */
  a?: number;
  /** Target for real samples in D's loss. Default 1. */
  b?: number;
  /** The value G wants D to output for fakes. Default 1. */
  c?: number;
}

/**
 * Least-squares GAN loss (Mao et al. 2017, "Least Squares Generative
 * Adversarial Networks", eq. 2), on raw discriminator scores s:
 *
 * - discriminator: ½·E[(s_real − b)²] + ½·E[(s_fake − a)²]
 * - generator: ½·E[(s_fake − c)²]
 *
 * Defaults a = 0, b = c = 1 (the 0-1 coding used by the paper's experiments
 * and by CycleGAN); a = −1, b = 1, c = 0 satisfies the paper's b − c = 1,
 * b − a = 2 condition under which G minimizes the Pearson χ² divergence.
 * Penalizing samples by their distance to the decision boundary gives
 * gradients that do not vanish for confidently-classified fakes.
 *
 * @param options - the targets `a`, `b`, `c`.
 * @returns an {@link AdversarialLoss} named `'least-squares'`.
 *
 * @example
 * ```ts
 * const loss = leastSquaresLoss();              // a = 0, b = 1, c = 1
 * const pearson = leastSquaresLoss({ a: -1, b: 1, c: 0 });
 * ```
 */
export function leastSquaresLoss(options?: LeastSquaresOptions): AdversarialLoss {
  const fn = 'leastSquaresLoss';
  assertOptions(fn, options, ['a', 'b', 'c']);
  const a = options?.a ?? 0;
  const b = options?.b ?? 1;
  const c = options?.c ?? 1;
  assertNumber(fn, 'a', a);
  assertNumber(fn, 'b', b);
  assertNumber(fn, 'c', c);
  if (a === b) throw new Error(`${fn}: 'a' and 'b' must differ (the fake and real targets), got ${a} for both`);
  const halfMse = (s: tf.Tensor, target: number): tf.Scalar => tf.mul(0.5, tf.mean(tf.square(tf.sub(s, target)))) as tf.Scalar;
  return {
    name: 'least-squares',
    discriminator(realLogits, fakeLogits) {
      assertTensor(`${fn}.discriminator`, 'realLogits', realLogits);
      assertTensor(`${fn}.discriminator`, 'fakeLogits', fakeLogits);
      assertSameSampleShape(`${fn}.discriminator`, 'realLogits', realLogits, 'fakeLogits', fakeLogits);
      return tf.tidy(() => tf.add(halfMse(realLogits, b), halfMse(fakeLogits, a)));
    },
    generator(fakeLogits) {
      assertTensor(`${fn}.generator`, 'fakeLogits', fakeLogits);
      return tf.tidy(() => halfMse(fakeLogits, c));
    },
  };
}
