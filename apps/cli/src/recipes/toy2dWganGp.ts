import { mlpDiscriminator, mlpGenerator } from '@gankit/architectures';
import { gridOfGaussians } from '@gankit/datasets';
import { gradientPenalty, wassersteinLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { toy2dParts } from '../internal/toy2d.js';
import type { Recipe } from './recipe.js';

/**
 * WGAN-GP on the 25-Gaussian grid (Gulrajani et al. 2017): MLP generator and
 * critic (3×128, ReLU), Wasserstein loss + gradient penalty λ = 10, Adam 1e-4
 * β (0, 0.9), 5 critic steps per generator step (the 'wgan-gp' preset).
 */
export const toy2dWganGp: Recipe = {
  name: 'toy2d-wgan-gp',
  summary: 'WGAN-GP (gradient penalty) on the grid of 25 Gaussians',
  defaults: { steps: 2000, batchSize: 256, seed: 0, sampleEvery: 250, checkpointEvery: 500 },
  async create({ batchSize, seed }) {
    const grid = gridOfGaussians();
    const trainer = new GanTrainer({
      generator: mlpGenerator({ latentDim: 2, outputDim: 2, seed }),
      discriminator: mlpDiscriminator({ inputDim: 2, seed: seed + 1 }),
      loss: wassersteinLoss(),
      penalties: [gradientPenalty({ lambda: 10 })],
      preset: 'wgan-gp',
      latentDim: 2,
      seed,
    });
    return { trainer, ...toy2dParts(trainer, grid, batchSize, seed) };
  },
};
