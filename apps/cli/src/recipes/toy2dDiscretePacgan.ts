import { mlpDiscriminator, mlpGenerator } from '@gankit/architectures';
import { gridOfGaussians } from '@gankit/datasets';
import { nonSaturatingLoss } from '@gankit/losses';
import { categoricalLatent, GanTrainer } from '@gankit/trainers';
import { toy2dParts } from '../internal/toy2d.js';
import type { Recipe } from './recipe.js';

/** Categories of the discrete latent: twice the grid's 25 modes, so no mode depends on one code. */
const CATEGORIES = 50;
/** The grid's scale: the networks work on the data divided by it, as Gulrajani et al.'s toy script does (÷ 2.828). */
const DATA_SCALE = 2.828;

/**
 * The main job: the 25-Gaussian grid with every mode as a tight cluster.
 *
 * A continuous map of continuous noise must join separate modes by paths of
 * samples, so on the grid a GAN either smears its samples between modes or
 * drops modes. Three changes, each a reusable piece, fix that:
 * - a discrete + continuous latent, `[onehot(c), z]` with c uniform over 50
 *   categories and z ~ N(0, I₂) (`categoricalLatent`, InfoGAN/DeLiGAN-style),
 *   so each category can own a mode;
 * - PacGAN packing of 4 (Lin et al. 2018): the discriminator judges four
 *   samples at once, which penalises several categories collapsing onto one mode;
 * - unit-scale networks (`outputScale` / `inputScale` 2.828), so the MLPs
 *   resolve the modes' 0.05 spread.
 * Non-saturating loss, G and D 3×128 ReLU, Adam 1e-3 β (0.5, 0.999), batch
 * 256, samples from an EMA (0.999) of the generator.
 */
export const toy2dDiscretePacgan: Recipe = {
  name: 'toy2d-discrete-pacgan',
  summary: 'PacGAN4 with a discrete latent (50 categories + 2-D noise) on the grid of 25 Gaussians — the main job',
  defaults: { steps: 30_000, batchSize: 256, seed: 0, sampleEvery: 5000, checkpointEvery: 5000 },
  async create({ batchSize, seed }) {
    const grid = gridOfGaussians();
    const latentDim = CATEGORIES + 2;
    const trainer = new GanTrainer({
      generator: mlpGenerator({ latentDim, outputDim: 2, outputScale: DATA_SCALE, seed }),
      discriminator: mlpDiscriminator({ inputDim: 2 * 4, inputScale: 1 / DATA_SCALE, seed: seed + 1 }),
      packing: 4,
      loss: nonSaturatingLoss(),
      preset: 'dcgan',
      learningRates: { generator: 1e-3, discriminator: 1e-3 },
      ema: 0.999,
      latentDim,
      latentDistribution: categoricalLatent({ categories: CATEGORIES, noiseDim: 2 }),
      seed,
    });
    return { trainer, ...toy2dParts(trainer, grid, batchSize, seed) };
  },
};
