import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss } from './adversarialLoss.js';
import { binaryCrossEntropyWithLogits } from './internal/binaryCrossEntropy.js';
import { assertNumber, assertOptions, assertSameSampleShape, assertTensor } from './internal/validate.js';

/** Options of {@link minimaxLoss} and {@link nonSaturatingLoss}. */
export interface CrossEntropyGanOptions {
  /**
   * One-sided label smoothing (Salimans et al. 2016, "Improved Techniques for
   * Training GANs", §3.4): real samples get the target 1 − s instead of 1; fake
   * targets stay 0. Default 0; 0.1 is common.
   */
  labelSmoothing?: number;
}

/** Checks the discriminator's arguments; shared by the cross-entropy losses. */
export function checkLogits(fn: string, real: unknown, fake: unknown): void {
  assertTensor(fn, 'realLogits', real);
  assertTensor(fn, 'fakeLogits', fake);
  assertSameSampleShape(fn, 'realLogits', real, 'fakeLogits', fake);
}

/** Reads and checks the label smoothing option. */
export function readLabelSmoothing(fn: string, options: CrossEntropyGanOptions | undefined): number {
  assertOptions(fn, options, ['labelSmoothing']);
  const s = options?.labelSmoothing ?? 0;
  assertNumber(fn, 'labelSmoothing', s, { min: 0, max: 0.5 });
  return s;
}

/**
 * The original GAN loss (Goodfellow et al. 2014, "Generative Adversarial
 * Nets"), the value function V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))]
 * with D(x) = σ(logit):
 *
 * - discriminator: −V = E[softplus(−l_real)] + E[softplus(l_fake)]
 *   (with label smoothing s the real term is E[softplus(l) − (1 − s)·l]);
 * - generator (the minimax one): E[log(1 − σ(l_fake))] = −E[softplus(l_fake)].
 *
 * For a fixed G the optimal discriminator is D* = p_data / (p_data + p_g), and
 * then V = −log 4 + 2·JSD(p_data ‖ p_g). The generator loss saturates: when D
 * rejects fakes confidently (l_fake ≪ 0) its gradient σ(l_fake) vanishes, which
 * is why {@link nonSaturatingLoss} is used in practice. Use this one to study
 * the game, not to train.
 *
 * @param options - `labelSmoothing` for the real targets.
 * @returns an {@link AdversarialLoss} named `'minimax'`.
 *
 * @example
 * ```ts
 * const loss = minimaxLoss();
 * const dLoss = loss.discriminator(critic.apply(real), critic.apply(fake));
 * const gLoss = loss.generator(critic.apply(fake));
 * ```
 */
export function minimaxLoss(options?: CrossEntropyGanOptions): AdversarialLoss {
  const smoothing = readLabelSmoothing('minimaxLoss', options);
  return {
    name: 'minimax',
    discriminator(realLogits, fakeLogits) {
      checkLogits('minimaxLoss.discriminator', realLogits, fakeLogits);
      return tf.tidy(() =>
        tf.add(binaryCrossEntropyWithLogits(realLogits, 1 - smoothing), binaryCrossEntropyWithLogits(fakeLogits, 0)),
      );
    },
    generator(fakeLogits) {
      assertTensor('minimaxLoss.generator', 'fakeLogits', fakeLogits);
      return tf.tidy(() => tf.neg(tf.mean(tf.softplus(fakeLogits))) as tf.Scalar);
    },
  };
}
