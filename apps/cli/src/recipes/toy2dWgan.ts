import { mlpDiscriminator, mlpGenerator } from '@gankit/architectures';
import { ringOfGaussians } from '@gankit/datasets';
import { wassersteinLoss, weightClipping } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { toy2dParts } from '../internal/toy2d.js';
import type { Recipe } from './recipe.js';

/**
 * The original WGAN (Arjovsky et al. 2017) on the ring of 8: critic weights
 * clipped to [−0.01, 0.01] after every critic step, RMSprop 5e-5, 5 critic
 * steps (the 'wgan' preset).
 */
export const toy2dWgan: Recipe = {
  name: 'toy2d-wgan',
  summary: 'WGAN with weight clipping (c = 0.01) on the ring of 8 Gaussians',
  defaults: { steps: 3000, batchSize: 256, seed: 0, sampleEvery: 500, checkpointEvery: 1000 },
  async create({ batchSize, seed }) {
    const ring = ringOfGaussians();
    const trainer = new GanTrainer({
      generator: mlpGenerator({ latentDim: 2, outputDim: 2, seed }),
      discriminator: mlpDiscriminator({ inputDim: 2, seed: seed + 1 }),
      loss: wassersteinLoss(),
      constraints: [weightClipping({ clipValue: 0.01 })],
      preset: 'wgan',
      latentDim: 2,
      seed,
    });
    return { trainer, ...toy2dParts(trainer, ring, batchSize, seed) };
  },
};
