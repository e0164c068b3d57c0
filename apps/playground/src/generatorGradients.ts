import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss } from '@gankit/losses';

/**
 * Where the generator's loss pushes each generated sample: −∂L_G/∂x at every
 * sample x, the arrows of GAN Lab (Kahng et al. 2019). L_G is the setup's
 * generator loss on the discriminator's scores of the samples (of packs of
 * `packing` consecutive samples for a PacGAN discriminator, as the trainer
 * packs them), with the scores of `real` for losses that read real scores too
 * (the relativistic ones). The gradient is taken with respect to the samples,
 * not G's weights: it is the direction G is asked to move each output. The
 * discriminator runs in inference mode, so nothing about it changes.
 *
 * @param discriminator - D, taking `[n / packing, 2·packing]`.
 * @param loss - the setup's adversarial loss (its `generator` term is used).
 * @param fake - the samples, `[n, 2]` with n divisible by `packing`.
 * @param real - real samples `[m, 2]` (m divisible by `packing`), used only when `loss.generator` reads real scores.
 * @param packing - samples per discriminator input (1 = none).
 * @returns `[n, 2]`, the caller disposes it.
 *
 * @example
 * ```ts
 * const arrows = generatorGradients(discriminator, nonSaturatingLoss(), fake, real, 1);
 * drawGradientArrows(ctx, map, await fake.data(), await arrows.data());
 * ```
 */
export function generatorGradients(discriminator: tf.LayersModel, loss: AdversarialLoss, fake: tf.Tensor2D, real: tf.Tensor2D, packing: number): tf.Tensor2D {
  // Packing rows of 2-D points is a reshape: row i holds samples i·m … i·m + m − 1 in order (as packSamples does).
  const score = (x: tf.Tensor): tf.Tensor => discriminator.apply(tf.reshape(x, [x.shape[0]! / packing, 2 * packing])) as tf.Tensor;
  return tf.tidy(() => {
    const grad = tf.grad((x: tf.Tensor) => {
      const realLogits = loss.generator.length >= 2 ? score(real) : undefined;
      return loss.generator(score(x), realLogits);
    });
    return tf.neg(grad(fake)) as tf.Tensor2D;
  });
}
