import { dcganDiscriminator, dcganGenerator } from '@gankit/architectures';
import { loadMnist } from '@gankit/datasets';
import { gradientPenalty, wassersteinLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { mnistGanParts } from '../internal/images.js';
import type { Recipe } from './recipe.js';

/**
 * WGAN-GP on MNIST (Gulrajani et al. 2017) with two time-scale rates (TTUR,
 * Heusel et al. 2017): the DCGAN networks, but a critic without batch norm
 * (the penalty is per-sample), Wasserstein loss + gradient penalty λ = 10,
 * Adam β (0, 0.9), one critic update per generator update with the critic at
 * 3e-4 and the generator at 1e-4, 4,000 steps (0.68 s a step on two cores, so
 * about 46 minutes). The paper's 5 critic updates at 1e-4 for both made a step
 * 4–5 times dearer: at 1,000 steps (the same time) its class histogram was
 * still uneven (class KL 0.148, FID 10.5; the `@previous` row of
 * docs/results.md), against 0.021 and 3.6 here. Sampling from an EMA of the
 * generator was measured on that recipe and did slightly worse (`@ema`), so
 * samples come from the generator.
 */
export const mnistWganGp: Recipe = {
  name: 'mnist-wgan-gp',
  summary: 'WGAN-GP on MNIST (DCGAN networks, critic without batch norm, TTUR: 1 critic update at 3e-4 per generator update at 1e-4)',
  trainingSet: 'MNIST train (60,000 digits)',
  defaults: { steps: 4000, batchSize: 64, seed: 0, sampleEvery: 250, checkpointEvery: 250 },
  async create({ batchSize, seed, limit }) {
    const mnist = await loadMnist({ split: 'train', range: '[-1,1]', limit });
    const trainer = new GanTrainer({
      generator: dcganGenerator({ imageSize: 28, channels: 1, seed }),
      discriminator: dcganDiscriminator({ imageSize: 28, channels: 1, normalization: 'none', seed: seed + 1 }),
      loss: wassersteinLoss(),
      penalties: [gradientPenalty({ lambda: 10 })],
      preset: 'wgan-gp',
      criticSteps: 1,
      learningRates: { generator: 1e-4, discriminator: 3e-4 },
      seed,
    });
    return { trainer, ...mnistGanParts(trainer, mnist, batchSize, seed) };
  },
};
