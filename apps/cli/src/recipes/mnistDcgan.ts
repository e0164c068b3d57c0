import { dcganDiscriminator, dcganGenerator } from '@gankit/architectures';
import { loadMnist } from '@gankit/datasets';
import { nonSaturatingLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { mnistGanParts } from '../internal/images.js';
import type { Recipe } from './recipe.js';

/**
 * DCGAN on MNIST (Radford et al. 2016) — the EVALUATION.md speed workload:
 * G dense→7·7·128, conv-transposes 5×5/2 → 64 → 1, tanh; D conv 5×5/2 → 64 →
 * 128, dense; non-saturating loss, Adam 2e-4 β₁ 0.5, batch 64, 3,000 steps
 * (0.45 s a step on two cores: about 23 minutes). The last 1,000 training digits are held
 * out: every 250 steps the checkpoint whose 2,000 samples have the lowest
 * classifier-feature FID against them is kept (`best`), as image GANs are
 * commonly picked by FID against training data. At 2,000 steps and the last
 * checkpoint (the `@last` rows of docs/results.md) the class histogram was
 * still uneven on one seed of three.
 */
export const mnistDcgan: Recipe = {
  name: 'mnist-dcgan',
  summary: 'DCGAN on MNIST (non-saturating loss, Adam 2e-4 β₁ 0.5)',
  trainingSet: 'MNIST train (59,000 digits; the last 1,000 are held out for checkpoint selection)',
  defaults: { steps: 3000, batchSize: 64, seed: 0, sampleEvery: 250, checkpointEvery: 500 },
  selection: { metric: 'fid', mode: 'min', every: 250 },
  async create({ batchSize, seed, limit }) {
    const mnist = await loadMnist({ split: 'train', range: '[-1,1]', limit });
    const trainer = new GanTrainer({
      generator: dcganGenerator({ imageSize: 28, channels: 1, seed }),
      discriminator: dcganDiscriminator({ imageSize: 28, channels: 1, seed: seed + 1 }),
      loss: nonSaturatingLoss(),
      preset: 'dcgan',
      seed,
    });
    return { trainer, ...mnistGanParts(trainer, mnist, batchSize, seed, true) };
  },
};
