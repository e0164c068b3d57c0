import { AdversarialTrainer } from './internal/adversarialTrainer.js';
import type { AdversarialTrainerOptions } from './internal/adversarialOptions.js';
import type { AuxiliaryClassifierOptions } from './internal/auxiliaryHeads.js';

/** Options of {@link ConditionalGanTrainer}: those of {@link GanTrainer} (but `latentCodes`) plus the number of classes. */
export interface ConditionalGanTrainerOptions extends Omit<AdversarialTrainerOptions, 'latentCodes'> {
  /** The number of classes (an integer ≥ 2). */
  numClasses: number;
  /**
   * ACGAN (Odena et al. 2017): the discriminator takes the samples only and
   * has two outputs, the adversarial score and class logits `[numClasses]`
   * (e.g. `acganDiscriminator` of `@gankit/architectures`); the losses gain
   * the class cross-entropy, λ_D·(CE(real) + CE(fake)) for the discriminator
   * and λ_G·CE(fake) for the generator (TF-GAN's `acgan_discriminator_loss` /
   * `acgan_generator_loss`), with the real batch's labels as the fakes'
   * requested classes. `true` for weights 1. Default off.
   */
  auxiliaryClassifier?: boolean | AuxiliaryClassifierOptions;
}

/**
 * Trains a conditional GAN (Mirza & Osindero 2014): the generator takes
 * `[noise, label]` and the discriminator `[sample, label]`; each batch must
 * carry `labels`, and the fake samples of a step are generated for the real
 * batch's labels (so classes appear as often as in the data). Labels may come
 * as indices `[n]`/`[n, 1]` or one-hot `[n, numClasses]`; they are fed to the
 * networks in the format their label input takes: `[1]` (a class index, e.g.
 * for an embedding layer) or `[numClasses]` (one-hot). Penalties receive
 * `[x, labels]` for real and fake and interpolate `x` only. With
 * `auxiliaryClassifier` it trains an ACGAN instead: the discriminator sees
 * `x` alone and predicts its class too. Everything else —
 * presets, critic steps, constraints, EMA, checkpoints — is as in {@link GanTrainer}.
 *
 * @example
 * ```ts
 * const trainer = new ConditionalGanTrainer({ generator, discriminator, loss: nonSaturatingLoss(), numClasses: 10, seed: 1 });
 * await trainer.fit(mnist.batches({ batchSize: 64, epochs: Infinity }), { steps: 5000 });
 * const sevens = trainer.sample(16, { labels: Array(16).fill(7) });
 *
 * // ACGAN: a class head on the discriminator instead of a label input.
 * const acgan = new ConditionalGanTrainer({
 *   generator: conditionalDcganGenerator({ numClasses: 10 }),
 *   discriminator: acganDiscriminator({ numClasses: 10 }),
 *   loss: nonSaturatingLoss(),
 *   numClasses: 10,
 *   auxiliaryClassifier: true,
 * });
 * ```
 */
export class ConditionalGanTrainer extends AdversarialTrainer {
  override readonly trainerType = 'ConditionalGanTrainer';

  /**
   * @param options - as for {@link GanTrainer}, plus `numClasses` and `auxiliaryClassifier`.
   * @throws an error naming the option, before any training, when the configuration is wrong (also: networks without a label input of width 1 or `numClasses`).
   */
  constructor(options: ConditionalGanTrainerOptions) {
    super('ConditionalGanTrainer', options as AdversarialTrainerOptions, {
      numClasses: options?.numClasses,
      auxiliaryClassifier: options?.auxiliaryClassifier,
      extraKeys: ['numClasses', 'auxiliaryClassifier'],
    });
  }
}
