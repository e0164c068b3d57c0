import { dcganDiscriminator, dcganGenerator } from '@gankit/architectures';
import { loadMnist } from '@gankit/datasets';
import { nonSaturatingLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { mnistGanParts } from '../internal/images.js';
import type { Recipe } from './recipe.js';

/**
 * DCGAN on MNIST (Radford et al. 2016) — the EVALUATION.md speed workload:
 * G dense→7·7·128, conv-transposes 5×5/2 → 64 → 1, tanh; D conv 5×5/2 → 64 →
 * 128, dense; non-saturating loss, Adam 2e-4 β₁ 0.5, batch 64.
 */
export const mnistDcgan: Recipe = {
  name: 'mnist-dcgan',
  summary: 'DCGAN on MNIST (non-saturating loss, Adam 2e-4 β₁ 0.5)',
  trainingSet: 'MNIST train (60,000 digits)',
  defaults: { steps: 2000, batchSize: 64, seed: 0, sampleEvery: 250, checkpointEvery: 500 },
  async create({ batchSize, seed, limit }) {
    const mnist = await loadMnist({ split: 'train', range: '[-1,1]', limit });
    const trainer = new GanTrainer({
      generator: dcganGenerator({ imageSize: 28, channels: 1, seed }),
      discriminator: dcganDiscriminator({ imageSize: 28, channels: 1, seed: seed + 1 }),
      loss: nonSaturatingLoss(),
      preset: 'dcgan',
      seed,
    });
    return { trainer, ...mnistGanParts(trainer, mnist, batchSize, seed) };
  },
};
