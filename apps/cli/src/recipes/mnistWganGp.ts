import { dcganDiscriminator, dcganGenerator } from '@gankit/architectures';
import { loadMnist } from '@gankit/datasets';
import { gradientPenalty, wassersteinLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { mnistGanParts } from '../internal/images.js';
import type { Recipe } from './recipe.js';

/**
 * WGAN-GP on MNIST (Gulrajani et al. 2017): the DCGAN networks, but a critic
 * without batch norm (the penalty is per-sample), Wasserstein loss + gradient
 * penalty λ = 10, Adam 1e-4 β (0, 0.9), 5 critic steps. A step is six
 * updates, five of them differentiating the critic twice: about 3 s on two
 * cores (measured 2.9–3.3 s), so the default 1,000 steps take about 50
 * minutes. Sampling from an EMA of the generator (decay 0.999, batch-norm
 * statistics averaged too) was measured at this budget and did slightly worse
 * (the `@ema` row of docs/results.md), so samples come from the generator.
 */
export const mnistWganGp: Recipe = {
  name: 'mnist-wgan-gp',
  summary: 'WGAN-GP on MNIST (DCGAN networks, critic without batch norm)',
  trainingSet: 'MNIST train (60,000 digits)',
  defaults: { steps: 1000, batchSize: 64, seed: 0, sampleEvery: 100, checkpointEvery: 100 },
  async create({ batchSize, seed, limit }) {
    const mnist = await loadMnist({ split: 'train', range: '[-1,1]', limit });
    const trainer = new GanTrainer({
      generator: dcganGenerator({ imageSize: 28, channels: 1, seed }),
      discriminator: dcganDiscriminator({ imageSize: 28, channels: 1, normalization: 'none', seed: seed + 1 }),
      loss: wassersteinLoss(),
      penalties: [gradientPenalty({ lambda: 10 })],
      preset: 'wgan-gp',
      seed,
    });
    return { trainer, ...mnistGanParts(trainer, mnist, batchSize, seed) };
  },
};
