import { AdversarialTrainer } from './internal/adversarialTrainer.js';
import type { AdversarialTrainerOptions } from './internal/adversarialOptions.js';

/** Options of {@link GanTrainer}; only `generator`, `discriminator` and `loss` are required. */
export type GanTrainerOptions = AdversarialTrainerOptions;

/**
 * Trains a GAN (Goodfellow et al. 2014) with any adversarial loss, penalties
 * and Lipschitz constraints: per generator step, `criticSteps` critic updates
 * (each with a fresh real batch when `fit` supplies them, fresh latent codes,
 * the penalties added inside the critic's loss so they can differentiate the
 * critic, the constraints applied after each update), then one generator
 * update, then the EMA of the generator's weights if kept. Optimizers default
 * to the paper of the loss ({@link GAN_PRESETS}: DCGAN, WGAN, WGAN-GP);
 * `learningRates` sets TTUR rates (Heusel et al. 2017). Every random draw comes
 * from the trainer's seeded generator, so a run resumes exactly from a checkpoint.
 *
 * `packing: m` trains a PacGAN (Lin et al. 2018): the discriminator scores
 * packs of m samples, all real or all generated, concatenated on the last
 * axis; for a batch of B samples it sees B/m packs,
 *
 *   L_D = loss.discriminator(D(pack(x)), D(pack(G(z)))),  L_G = loss.generator(D(pack(G(z)))),
 *
 * so a generator that drops modes makes packs that look unlike real packs.
 *
 * `latentCodes` trains an InfoGAN (Chen et al. 2016): each latent vector is
 * noise followed by structured codes c (one-hot categorical codes drawn
 * uniformly, continuous codes from U[−1, 1)), the discriminator has a Q head
 * per code after its adversarial output, and both losses gain
 *
 *   −λ·L_I = −λ·Σ_i E[log Q(c_i | G(z, c))]
 *
 * (softmax cross-entropy for a categorical code, a σ = 1 Gaussian for the
 * continuous ones), maximizing a lower bound on the mutual information
 * I(c; G(z, c)). `latentCodes` (a getter) gives the layout, to draw chosen codes.
 *
 * Both networks run in training mode during updates (batch norm uses batch
 * statistics; spectral-norm layers update themselves), and every optimizer
 * update is given its network's variables explicitly.
 *
 * @example
 * ```ts
 * import { initBackend } from '@gankit/backend';
 * import { nonSaturatingLoss } from '@gankit/losses';
 * await initBackend();
 * const trainer = new GanTrainer({ generator, discriminator, loss: nonSaturatingLoss(), ema: true, seed: 1 });
 * const { history } = await trainer.fit(dataset.batches({ batchSize: 64, epochs: Infinity }), {
 *   steps: 5000,
 *   callbacks: [nanGuard(), checkpointCallback({ destination: 'file://runs/gan', every: 500 })],
 * });
 * const samples = trainer.sample(64); // from the EMA generator
 *
 * // PacGAN4 on 2-D points: the discriminator takes 4 points at once.
 * const pacgan = new GanTrainer({
 *   generator: mlpGenerator(),
 *   discriminator: mlpDiscriminator({ inputDim: 2 * 4 }),
 *   loss: nonSaturatingLoss(),
 *   packing: 4,
 * });
 *
 * // InfoGAN on MNIST: 62 noise values + a 10-way code; Q shares D's body.
 * const infogan = new GanTrainer({
 *   generator: dcganGenerator({ latentDim: 72 }),
 *   discriminator: infoGanDiscriminator({ categorical: [10] }),
 *   loss: nonSaturatingLoss(),
 *   latentCodes: { categorical: [10] },
 * });
 * ```
 */
export class GanTrainer extends AdversarialTrainer {
  override readonly trainerType = 'GanTrainer';

  /**
   * @param options - the networks, the loss, and optional preset, penalties, constraints, critic steps, learning rates or optimizers, EMA, latent size and distribution, packing, InfoGAN codes, seed.
   * @throws an error naming the option, before any training, when the configuration is wrong (critic steps < 1, a loss without the two methods, a latent size the generator does not take, a generator whose output the discriminator cannot take, …).
   */
  constructor(options: GanTrainerOptions) {
    super('GanTrainer', options);
  }
}
