import * as tf from '@tensorflow/tfjs';
import { assertSameShape, assertTensor } from './internal/validate.js';

/**
 * Identity-mapping loss (Zhu et al. 2017, §5.2, after Taigman et al. 2017):
 * a generator into domain B should leave an image already in B unchanged,
 *
 *   L_idt = E[‖G(y) − y‖₁],   y from the target domain,
 *
 * averaged over all elements. Needs G's input and output to have the same
 * number of channels. CycleGAN weights it by 0.5 × the cycle weight.
 *
 * @param target - y, an image from G's output domain.
 * @param mapped - G(y), same shape.
 * @returns the mean absolute error, a scalar.
 *
 * @example
 * ```ts
 * const idt = identityLoss(realB, gAB.apply(realB) as tf.Tensor);
 * ```
 */
export function identityLoss(target: tf.Tensor, mapped: tf.Tensor): tf.Scalar {
  const fn = 'identityLoss';
  assertTensor(fn, 'target', target);
  assertTensor(fn, 'mapped', mapped);
  assertSameShape(fn, 'target', target, 'mapped', mapped);
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(mapped, target))) as tf.Scalar);
}
