import type * as tf from '@tensorflow/tfjs';

/**
 * The shape every adversarial loss in this package has, and the shape gankit's
 * trainers accept: any object with these two methods works.
 *
 * Both take the discriminator's raw outputs — logits for the probabilistic
 * losses, scores for least squares, hinge and Wasserstein — never
 * probabilities, so every loss can be computed in a numerically stable form.
 */
export interface AdversarialLoss {
  /** A short identifier, e.g. `'non-saturating'`. Trainers use it to pick optimizer presets. */
  readonly name: string;
  /**
   * The discriminator's (critic's) loss, to be minimized.
   * @param realLogits - D's outputs on a batch of real data.
   * @param fakeLogits - D's outputs on a batch of generated data.
   */
  discriminator(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar;
  /**
   * The generator's loss, to be minimized.
   * @param fakeLogits - D's outputs on a batch of generated data.
   * @param realLogits - D's outputs on real data, for losses that use them (relativistic variants); ignored here.
   */
  generator(fakeLogits: tf.Tensor, realLogits?: tf.Tensor): tf.Scalar;
}
