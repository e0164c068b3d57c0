import * as tf from '@tensorflow/tfjs';
import { maskedGradient } from './internal/leakyReluGradKernel.js';

/**
 * Gradient of `Relu` without the stock form's `Cast`.
 *
 *   relu(x) = max(x, 0);   ∂L/∂x = dy ⊙ step(x)
 *
 * Stock tfjs computes dy ⊙ cast(step(x), 'float32'): `Step` already returns
 * float32 for float32 x, so the cast is a kernel launch that changes nothing,
 * paid in every backward pass and, through a gradient penalty, again in the
 * second-order pass (about a hundred launches per 2-D WGAN-GP step with ReLU
 * MLPs). First-order values are identical. Where the active backend has
 * `@gankit/backend`'s `GankitLeakyReluGrad` kernel (cpu, wasm), the product
 * is that one launch instead of a Step and a Multiply, bit for bit the same.
 *
 * The mask is built from `detach(x)`: step′ = 0 almost everywhere, so
 * when this gradient is differentiated again (∂/∂θ of a gradient penalty)
 * the mask contributes only zeros — which tfjs would otherwise compute and
 * carry back through every earlier layer (a matmul or convolution gradient
 * per layer, of zeros). Detached, the tape has no path through the mask and
 * computes none of it; second-order gradients are the same numbers (up to
 * the sign of a zero). One consequence: a function that depends on x *only*
 * through such masks — the second derivative of a ReLU with respect to its
 * own input, zero almost everywhere — makes `tf.grad` report that its result
 * is not a function of x, where stock tfjs returned zeros.
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
    return { x: () => maskedGradient(dy as tf.Tensor, x, 0) };
  },
};
