import { AdversarialTrainer } from './internal/adversarialTrainer.js';
import type { AdversarialTrainerOptions } from './internal/adversarialOptions.js';

/** Options of {@link ConditionalGanTrainer}: those of {@link GanTrainer} plus the number of classes. */
export interface ConditionalGanTrainerOptions extends AdversarialTrainerOptions {
  /** The number of classes (an integer ≥ 2). */
  numClasses: number;
}

/**
 * Trains a conditional GAN (Mirza & Osindero 2014): the generator takes
 * `[noise, label]` and the discriminator `[sample, label]`; each batch must
 * carry `labels`, and the fake samples of a step are generated for the real
 * batch's labels (so classes appear as often as in the data). Labels may come
 * as indices `[n]`/`[n, 1]` or one-hot `[n, numClasses]`; they are fed to the
 * networks in the format their label input takes: `[1]` (a class index, e.g.
 * for an embedding layer) or `[numClasses]` (one-hot). Penalties receive
 * `[x, labels]` for real and fake and interpolate `x` only. Everything else —
 * presets, critic steps, constraints, EMA, checkpoints — is as in {@link GanTrainer}.
 *
 * @example
 * ```ts
 * const trainer = new ConditionalGanTrainer({ generator, discriminator, loss: nonSaturatingLoss(), numClasses: 10, seed: 1 });
 * await trainer.fit(mnist.batches({ batchSize: 64, epochs: Infinity }), { steps: 5000 });
 * const sevens = trainer.sample(16, { labels: Array(16).fill(7) });
 * ```
 */
export class ConditionalGanTrainer extends AdversarialTrainer {
  override readonly trainerType = 'ConditionalGanTrainer';

  /**
   * @param options - as for {@link GanTrainer}, plus `numClasses`.
   * @throws an error naming the option, before any training, when the configuration is wrong (also: networks without a label input of width 1 or `numClasses`).
   */
  constructor(options: ConditionalGanTrainerOptions) {
    super('ConditionalGanTrainer', options, { numClasses: options?.numClasses, extraKeys: ['numClasses'] });
  }
}
