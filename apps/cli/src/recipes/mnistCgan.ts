import { conditionalDcganDiscriminator, conditionalDcganGenerator } from '@gankit/architectures';
import { loadMnist } from '@gankit/datasets';
import { nonSaturatingLoss } from '@gankit/losses';
import { ConditionalGanTrainer } from '@gankit/trainers';
import { mnistConditionalParts } from '../internal/images.js';
import type { Recipe } from './recipe.js';

/**
 * Conditional DCGAN on MNIST (Mirza & Osindero 2014; projection discriminator
 * of Miyato & Koyama 2018): G(z, y) with a label embedding, D(x, y) by
 * projection; non-saturating loss, Adam 2e-4 β₁ 0.5. Evaluated by the
 * reference classifier's accuracy on samples generated for requested labels,
 * and by classifier FID, KID and class-histogram KL of those samples.
 */
export const mnistCgan: Recipe = {
  name: 'mnist-cgan',
  summary: 'conditional DCGAN on MNIST (projection discriminator); sample --label L',
  trainingSet: 'MNIST train (60,000 labelled digits)',
  conditional: true,
  defaults: { steps: 2000, batchSize: 64, seed: 0, sampleEvery: 250, checkpointEvery: 500 },
  async create({ batchSize, seed, limit }) {
    const mnist = await loadMnist({ split: 'train', range: '[-1,1]', limit });
    const trainer = new ConditionalGanTrainer({
      generator: conditionalDcganGenerator({ imageSize: 28, channels: 1, numClasses: 10, seed }),
      discriminator: conditionalDcganDiscriminator({ imageSize: 28, channels: 1, numClasses: 10, conditioning: 'projection', seed: seed + 1 }),
      loss: nonSaturatingLoss(),
      numClasses: 10,
      preset: 'dcgan',
      seed,
    });
    return { trainer, ...mnistConditionalParts(trainer, mnist, batchSize, seed) };
  },
};
