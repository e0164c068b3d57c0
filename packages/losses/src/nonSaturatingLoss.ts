import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss } from './adversarialLoss.js';
import { binaryCrossEntropyWithLogits } from './internal/binaryCrossEntropy.js';
import { assertTensor } from './internal/validate.js';
import { checkLogits, readLabelSmoothing } from './minimaxLoss.js';
import type { CrossEntropyGanOptions } from './minimaxLoss.js';

/**
 * The non-saturating GAN loss (Goodfellow et al. 2014, §3), the default of
 * DCGAN and most practical GANs:
 *
 * - discriminator: as {@link minimaxLoss}, E[softplus(−l_real)] + E[softplus(l_fake)];
 * - generator: maximize E[log D(G(z))], i.e. minimize −E[log σ(l_fake)] = E[softplus(−l_fake)].
 *
 * Same fixed point as the minimax game, but the generator's gradient with
 * respect to a fake logit is −(1 − σ(l)) instead of −σ(l): strong exactly when
 * D rejects the fake (l ≪ 0), where the minimax gradient vanishes.
 *
 * @param options - `labelSmoothing`: one-sided smoothing of the real targets (Salimans et al. 2016).
 * @returns an {@link AdversarialLoss} named `'non-saturating'`.
 *
 * @example
 * ```ts
 * const loss = nonSaturatingLoss({ labelSmoothing: 0.1 });
 * const gLoss = loss.generator(discriminator.apply(generator.apply(z)) as tf.Tensor);
 * ```
 */
export function nonSaturatingLoss(options?: CrossEntropyGanOptions): AdversarialLoss {
  const smoothing = readLabelSmoothing('nonSaturatingLoss', options);
  return {
    name: 'non-saturating',
    discriminator(realLogits, fakeLogits) {
      checkLogits('nonSaturatingLoss.discriminator', realLogits, fakeLogits);
      return tf.tidy(() =>
        tf.add(binaryCrossEntropyWithLogits(realLogits, 1 - smoothing), binaryCrossEntropyWithLogits(fakeLogits, 0)),
      );
    },
    generator(fakeLogits) {
      assertTensor('nonSaturatingLoss.generator', 'fakeLogits', fakeLogits);
      return binaryCrossEntropyWithLogits(fakeLogits, 1);
    },
  };
}
