import { mlpDiscriminator, mlpGenerator } from '@gankit/architectures';
import { gridOfGaussians } from '@gankit/datasets';
import { hingeLoss, spectralNorm } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { toy2dParts } from '../internal/toy2d.js';
import type { Recipe } from './recipe.js';

/**
 * SN-GAN (Miyato et al. 2018) on the 25-Gaussian grid: every critic layer
 * spectrally normalized through the builder's `wrapLayer` hook, hinge loss,
 * Adam 2e-4 β₁ 0.5.
 */
export const toy2dSngan: Recipe = {
  name: 'toy2d-sngan',
  summary: 'spectral normalization + hinge loss on the grid of 25 Gaussians',
  defaults: { steps: 3000, batchSize: 256, seed: 0, sampleEvery: 500, checkpointEvery: 1000 },
  async create({ batchSize, seed }) {
    const grid = gridOfGaussians();
    const trainer = new GanTrainer({
      generator: mlpGenerator({ latentDim: 2, outputDim: 2, seed }),
      discriminator: mlpDiscriminator({ inputDim: 2, seed: seed + 1, wrapLayer: (layer) => spectralNorm(layer) }),
      loss: hingeLoss(),
      preset: 'dcgan',
      latentDim: 2,
      seed,
    });
    return { trainer, ...toy2dParts(trainer, grid, batchSize, seed) };
  },
};
