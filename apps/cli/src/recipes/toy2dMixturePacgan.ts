import { mlpDiscriminator, mlpMixtureGenerator } from '@gankit/architectures';
import { gridOfGaussians } from '@gankit/datasets';
import { nonSaturatingLoss } from '@gankit/losses';
import { categoricalLatent, GanTrainer } from '@gankit/trainers';
import { toy2dParts } from '../internal/toy2d.js';
import type { Recipe } from './recipe.js';

/** Categories of the discrete latent: twice the grid's 25 modes, so no mode depends on one code. */
const CATEGORIES = 50;
/**
 * The bound on a category's offsets from its centre, per coordinate, in unit
 * scale: 0.05 × 2.828 = 0.14 in the data, 2.8 std of a mode (0.05) — a
 * category sitting on a mode keeps its samples within the modes' own spread.
 */
const MAX_OFFSET = 0.05;
/** The grid's scale: the networks work on the data divided by it, as Gulrajani et al.'s toy script does (÷ 2.828). */
const DATA_SCALE = 2.828;

/**
 * The main job: the 25-Gaussian grid with every mode as a tight cluster.
 *
 * A generator that is a continuous map of continuous noise must join
 * separate modes by paths of samples, so on the grid a GAN either smears its
 * samples between modes or drops modes. Each reusable piece below fixes part
 * of that:
 * - a discrete + continuous latent, `[onehot(c), z]` with c uniform over 50
 *   categories and z ~ N(0, I₂) (`categoricalLatent`, InfoGAN/DeLiGAN-style),
 *   so each category can own a mode;
 * - a mixture generator (`mlpMixtureGenerator`): a learned centre per
 *   category plus an offset network bounded by 0.05 in unit scale (2.8 std
 *   of a mode in the data; the modes are 0.71 apart), so no category can
 *   bridge two modes or spread beyond one;
 * - PacGAN packing of 4 (Lin et al. 2018): the discriminator judges four
 *   samples at once, which penalises categories piling onto few modes;
 * - two discriminator updates per generator update (`criticSteps: 2`): a
 *   discriminator that keeps up with the generator sees an empty mode and
 *   the surplus categories on its neighbours, so their gradients move a
 *   category over (with one update, seeds 0 and 6 ended with modes empty and
 *   others doubly covered);
 * - unit-scale networks (`outputScale` / `inputScale` 2.828, as Gulrajani et
 *   al.'s toy script divides the data);
 * - Adam 1e-3 β (0.5, 0.999) decaying linearly to 0 over steps 5k–15k
 *   (`learningRateDecay`), and samples from an EMA (0.999) of the generator;
 * - the best checkpoint by k-NN density (`precisionRecallDensityCoverage`,
 *   Naeem et al. 2020) of 2,500 samples against 2,500 held-out points of the
 *   training distribution, measured every 500 steps (`bestCheckpoint`): the
 *   run's result. Mode positions still jitter late in training, and density
 *   (how much of the sample lies where held-out data is dense) picks the
 *   steps where the categories sit on their modes.
 * Non-saturating loss; offset network and D 3×128 ReLU; batch 256 (each
 * discriminator update draws its own batch).
 */
export const toy2dMixturePacgan: Recipe = {
  name: 'toy2d-mixture-pacgan',
  summary: 'mixture generator (50 categories + 2-D noise) with PacGAN4 and 2 D updates per G update on the grid of 25 Gaussians — the main job',
  defaults: { steps: 15_000, batchSize: 256, seed: 0, sampleEvery: 2500, checkpointEvery: 2500 },
  // k-NN density (k = 5) of 2,500 samples against 2,500 held-out points (toy2dParts' validate).
  selection: { metric: 'density', mode: 'max', every: 500 },
  async create({ batchSize, seed }) {
    const grid = gridOfGaussians();
    const latentDim = CATEGORIES + 2;
    const trainer = new GanTrainer({
      generator: mlpMixtureGenerator({ categories: CATEGORIES, noiseDim: 2, maxOffset: MAX_OFFSET, outputScale: DATA_SCALE, seed }),
      discriminator: mlpDiscriminator({ inputDim: 2 * 4, inputScale: 1 / DATA_SCALE, seed: seed + 1 }),
      packing: 4,
      loss: nonSaturatingLoss(),
      preset: 'dcgan',
      criticSteps: 2,
      learningRates: { generator: 1e-3, discriminator: 1e-3 },
      learningRateDecay: { start: 5000, steps: 10_000 },
      ema: 0.999,
      latentDim,
      latentDistribution: categoricalLatent({ categories: CATEGORIES, noiseDim: 2 }),
      seed,
    });
    return { trainer, ...toy2dParts(trainer, grid, batchSize, seed) };
  },
};
