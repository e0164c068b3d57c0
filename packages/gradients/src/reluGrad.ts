import * as tf from '@tensorflow/tfjs';

/**
 * Gradient of `Relu` without the stock form's `Cast`.
 *
 *   relu(x) = max(x, 0);   ∂L/∂x = dy ⊙ step(x)
 *
 * Stock tfjs computes dy ⊙ cast(step(x), 'float32'): `Step` already returns
 * float32 for float32 x, so the cast is a kernel launch that changes nothing,
 * paid in every backward pass and, through a gradient penalty, again in the
 * second-order pass (about a hundred launches per 2-D WGAN-GP step with ReLU
 * MLPs). Values are identical; `Step` has a zero gradient, so this form can be
 * differentiated again as the stock one could.
 *
 * @example
 * ```ts
 * tf.registerGradient(reluGradConfig);
 * ```
 */
export const reluGradConfig: tf.GradConfig = {
  kernelName: tf.Relu,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => (x.dtype === 'float32' ? tf.mul(dy as tf.Tensor, tf.step(x)) : tf.mul(dy as tf.Tensor, tf.cast(tf.step(x), 'float32'))) };
  },
};
