import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss } from './adversarialLoss.js';
import { assertSameSampleShape, assertTensor } from './internal/validate.js';

/**
 * The Wasserstein GAN loss (Arjovsky, Chintala & Bottou 2017), on critic
 * scores f (not logits):
 *
 * - critic: E[f(x_fake)] − E[f(x_real)]
 * - generator: −E[f(x_fake)]
 *
 * By Kantorovich–Rubinstein duality, W₁(p_data, p_g) = sup_{‖f‖_L ≤ 1}
 * E_data[f] − E_g[f], so the negated critic loss estimates the Wasserstein-1
 * distance (see {@link wassersteinEstimate}) — but only if the critic is kept
 * 1-Lipschitz: combine it with {@link weightClipping} (WGAN),
 * {@link gradientPenalty} (WGAN-GP) or {@link SpectralNormalization}.
 *
 * @returns an {@link AdversarialLoss} named `'wasserstein'`.
 *
 * @example
 * ```ts
 * const loss = wassersteinLoss();
 * const penalty = gradientPenalty();           // λ = 10
 * const dLoss = loss.discriminator(critic.apply(real) as tf.Tensor, critic.apply(fake) as tf.Tensor)
 *   .add(penalty(critic, real, fake));
 * ```
 */
export function wassersteinLoss(): AdversarialLoss {
  const fn = 'wassersteinLoss';
  return {
    name: 'wasserstein',
    discriminator(realLogits, fakeLogits) {
      assertTensor(`${fn}.discriminator`, 'realLogits', realLogits);
      assertTensor(`${fn}.discriminator`, 'fakeLogits', fakeLogits);
      assertSameSampleShape(`${fn}.discriminator`, 'realLogits', realLogits, 'fakeLogits', fakeLogits);
      return tf.tidy(() => tf.sub(tf.mean(fakeLogits), tf.mean(realLogits)) as tf.Scalar);
    },
    generator(fakeLogits) {
      assertTensor(`${fn}.generator`, 'fakeLogits', fakeLogits);
      return tf.tidy(() => tf.neg(tf.mean(fakeLogits)) as tf.Scalar);
    },
  };
}

/**
 * The critic's estimate of W₁(p_data, p_g): E[f(x_real)] − E[f(x_fake)], the
 * negated {@link wassersteinLoss} critic loss. Meaningful only for a
 * (near-)1-Lipschitz critic; falls as the generator improves.
 *
 * @param realScores - critic scores on real data.
 * @param fakeScores - critic scores on generated data.
 * @returns the estimate as a scalar tensor.
 *
 * @example
 * ```ts
 * const w = wassersteinEstimate(critic.apply(real) as tf.Tensor, critic.apply(fake) as tf.Tensor);
 * ```
 */
export function wassersteinEstimate(realScores: tf.Tensor, fakeScores: tf.Tensor): tf.Scalar {
  assertTensor('wassersteinEstimate', 'realScores', realScores);
  assertTensor('wassersteinEstimate', 'fakeScores', fakeScores);
  return tf.tidy(() => tf.sub(tf.mean(realScores), tf.mean(fakeScores)) as tf.Scalar);
}
