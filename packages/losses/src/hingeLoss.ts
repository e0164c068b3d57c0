import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss } from './adversarialLoss.js';
import { assertSameSampleShape, assertTensor } from './internal/validate.js';

/**
 * Hinge loss (Lim & Ye 2017, "Geometric GAN"; the SN-GAN and SAGAN default,
 * Miyato et al. 2018), on raw critic scores s:
 *
 * - discriminator: E[max(0, 1 − s_real)] + E[max(0, 1 + s_fake)]
 * - generator: −E[s_fake]
 *
 * D stops pushing samples that are already beyond the margin, which with
 * spectral normalization gives stable training.
 *
 * @returns an {@link AdversarialLoss} named `'hinge'`.
 *
 * @example
 * ```ts
 * const loss = hingeLoss();
 * const dLoss = loss.discriminator(critic.apply(real) as tf.Tensor, critic.apply(fake) as tf.Tensor);
 * ```
 */
export function hingeLoss(): AdversarialLoss {
  const fn = 'hingeLoss';
  return {
    name: 'hinge',
    discriminator(realLogits, fakeLogits) {
      assertTensor(`${fn}.discriminator`, 'realLogits', realLogits);
      assertTensor(`${fn}.discriminator`, 'fakeLogits', fakeLogits);
      assertSameSampleShape(`${fn}.discriminator`, 'realLogits', realLogits, 'fakeLogits', fakeLogits);
      return tf.tidy(
        () => tf.add(tf.mean(tf.relu(tf.sub(1, realLogits))), tf.mean(tf.relu(tf.add(1, fakeLogits)))) as tf.Scalar,
      );
    },
    generator(fakeLogits) {
      assertTensor(`${fn}.generator`, 'fakeLogits', fakeLogits);
      return tf.tidy(() => tf.neg(tf.mean(fakeLogits)) as tf.Scalar);
    },
  };
}
