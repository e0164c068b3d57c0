import { patchGanDiscriminator, unitNetworks } from '@gankit/architectures';
import { UnitTrainer } from '@gankit/trainers';
import { loadDigitDomains, translationParts } from '../internal/translation.js';
import type { Recipe } from './recipe.js';

/**
 * UNIT (Liu, Breuel & Kautz 2017) between MNIST (A, 3 channels) and
 * MNIST-M-style digits (B): per-domain encoders and decoders whose last
 * encoder and first decoder blocks are shared (one set of variables), PatchGAN
 * discriminators, the paper's loss weights (GAN 10, KL 0.1, reconstruction 100,
 * cycle KL 0.1, cycle reconstruction 100), Adam 1e-4 β (0.5, 0.999).
 */
export const digitsUnit: Recipe = {
  name: 'digits-unit',
  summary: 'UNIT (shared latent space) MNIST ↔ MNIST-M-style digits; eval: label preservation',
  trainingSet: 'MNIST ↔ MNIST-M-style train (60,000 digits each)',
  translation: true,
  defaults: { steps: 1000, batchSize: 8, seed: 0, sampleEvery: 250, checkpointEvery: 250 },
  async create({ batchSize, seed, limit }) {
    const domains = await loadDigitDomains(seed, limit);
    const nets = unitNetworks({ imageSize: 28, channelsA: 3, channelsB: 3, filters: 16, seed });
    const critic = (s: number): ReturnType<typeof patchGanDiscriminator> => patchGanDiscriminator({ imageSize: 28, channels: 3, filters: 16, layers: 2, seed: s });
    const trainer = new UnitTrainer({
      encoderA: nets.encoderA,
      encoderB: nets.encoderB,
      decoderA: nets.decoderA,
      decoderB: nets.decoderB,
      discriminatorA: critic(seed + 2),
      discriminatorB: critic(seed + 3),
      seed,
    });
    return { trainer, ...translationParts(trainer, domains, batchSize, seed) };
  },
};
